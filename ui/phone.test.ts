import { describe, expect, it } from 'vitest'
import { dialable, displayPhone } from './phone'

describe('displayPhone', () => {
  it.each([
    ['+15550102000', '(555)\u00a0010\u20112000'],
    ['5550102000', '(555)\u00a0010\u20112000'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['988', '988'],
  ])('%s reads %s', (stored, shown) => {
    expect(displayPhone(stored)).toBe(shown)
  })

  it('dials what was stored', () => {
    expect(dialable('(555)\u00a0010\u20112000')).toBe('5550102000')
    expect(dialable('+1 555 010 2000')).toBe('+15550102000')
  })
})

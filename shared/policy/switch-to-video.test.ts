import { describe, expect, it } from 'vitest'
import { videoMightHelp } from './switch-to-video'

describe('videoMightHelp', () => {
  it.each([
    ['transportation', true],
    ['weather', true],
    ['childcare', true],
    ['illness', true],
    ['work', false],
    ['cost', false],
    ['not_up_to_it', false],
    ['other', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (reason, helps) => {
    expect(videoMightHelp(reason)).toBe(helps)
  })
})

import { describe, expect, it } from 'vitest'
import { signActionLink, verifyActionLink, type ActionLink } from './action-token'

const secret = 'test-secret-with-enough-entropy-0123456789abcdef'
const link: ActionLink = {
  practiceId: '0b9e7c1a-3f0e-4c55-9d1e-2a7b8c9d0e1f',
  outboxId: 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b',
  appointmentId: '12345678-9abc-4def-8123-456789abcdef',
  version: 3,
  action: 'cancel',
  expiresAt: Math.floor(Date.parse('2026-03-10T00:00:00Z') / 1000),
}
const now = new Date('2026-03-02T15:00:00Z')

describe('action links', () => {
  it('round-trips, and the same link always gives the same token (a retried email keeps its links)', async () => {
    const token = await signActionLink(secret, link)
    expect(token.length).toBeLessThan(110)
    expect(await signActionLink(secret, link)).toBe(token)
    expect(await verifyActionLink(secret, token, now)).toEqual(link)
  })

  it('refuses a forged, altered, truncated, expired or foreign token', async () => {
    const token = await signActionLink(secret, link)
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`
    expect(await verifyActionLink(secret, flipped, now)).toBeNull()
    expect(await verifyActionLink(secret, token.slice(0, -2), now)).toBeNull()
    expect(await verifyActionLink('another-secret-entirely-0123456789', token, now)).toBeNull()
    expect(await verifyActionLink(secret, token, new Date('2026-03-11T00:00:00Z'))).toBeNull()
    expect(await verifyActionLink(secret, 'not a token!', now)).toBeNull()
    expect(await verifyActionLink(secret, '', now)).toBeNull()
    const other = await signActionLink(secret, { ...link, action: 'confirm' })
    expect(other).not.toBe(token)
  })
})

import { describe, expect, it } from 'vitest'
import { webhookHealth } from './webhook-health'

const NOW = new Date('2026-03-03T15:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000)

describe('webhookHealth', () => {
  it.each([
    [0, null, 'healthy'],
    [3, hoursAgo(1), 'failing'],
    [40, hoursAgo(23.9), 'failing'], // a busy bad morning is not a broken receiver
    [4, hoursAgo(30), 'failing'], // one lone message's retries over a day are not enough
    [5, hoursAgo(24), 'disable'],
    [8, hoursAgo(27.5), 'disable'], // one message given up on, about a day later
    [0, hoursAgo(48), 'healthy'],
  ])('%i failures since %s: %s', (failures, since, state) => {
    expect(webhookHealth({ consecutiveFailures: failures, failingSince: since }, NOW).state).toBe(state)
  })
})

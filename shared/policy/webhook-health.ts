/**
 * When Hearth stops sending to a practice's webhook endpoint on its own. One bad hour (a deploy,
 * a restart) must never turn an endpoint off; a receiver that has refused or ignored every
 * delivery for a whole day, several times over, is broken, and sending on only hides that from
 * the practice. So: every attempt failing for at least a day, and at least this many of them.
 */
export const WEBHOOK_DISABLE_AFTER = { failures: 5, hours: 24 } as const

export type WebhookHealth =
  | { state: 'healthy' }
  | { state: 'failing'; since: Date; failures: number }
  | { state: 'disable'; since: Date; failures: number }

export function webhookHealth(
  endpoint: { consecutiveFailures: number; failingSince: Date | null },
  now: Date,
): WebhookHealth {
  const { consecutiveFailures: failures, failingSince: since } = endpoint
  if (!since || failures === 0) return { state: 'healthy' }
  const longEnough = now.getTime() - since.getTime() >= WEBHOOK_DISABLE_AFTER.hours * 3_600_000
  return longEnough && failures >= WEBHOOK_DISABLE_AFTER.failures
    ? { state: 'disable', since, failures }
    : { state: 'failing', since, failures }
}

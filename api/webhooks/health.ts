import { raiseAlert } from '../alerts/raise'
import type { Tx } from '../db/connect'
import type { Result } from '../outbox/dispatch'
import { webhookHealth, WEBHOOK_DISABLE_AFTER } from '../../shared/policy/webhook-health'
import type { WebhookOutboxPayload } from './events'
import { disableEndpoint, recordEndpointRound } from './health-queries'

/**
 * What a dispatcher round's deliveries mean for each endpoint: one that worked clears its record;
 * failures lengthen its run, and a run that `webhookHealth` calls broken turns the endpoint off
 * and tells the practice (`webhook_failing`), in the round's own transaction. From then on its
 * messages are held, not sent, until the practice turns it back on (PATCH `enabled: true`).
 */
export async function followDeliveryRound(tx: Tx, results: Result[], now: Date): Promise<void> {
  const rounds = new Map<string, { delivered: boolean; failures: number }>()
  for (const { row, outcome } of results) {
    if (outcome.status === 'skipped') continue
    const id = (row.payload as WebhookOutboxPayload).endpoint_id
    const round = rounds.get(id) ?? { delivered: false, failures: 0 }
    if (outcome.status === 'sent') round.delivered = true
    else round.failures += 1
    rounds.set(id, round)
  }
  for (const [id, round] of rounds) {
    const endpoint = await recordEndpointRound(tx, id, round, now)
    if (!endpoint || endpoint.disabled_at) continue
    const health = webhookHealth(
      { consecutiveFailures: endpoint.consecutive_failures, failingSince: endpoint.failing_since },
      now,
    )
    if (health.state !== 'disable') continue
    const off = await disableEndpoint(tx, { practiceId: endpoint.practice_id, id }, 'failing', health.since, now)
    if (!off) continue
    await raiseAlert(
      tx,
      {
        practiceId: endpoint.practice_id,
        kind: 'webhook_failing',
        audience: 'front_desk',
        dedupeKey: `webhook_failing:${id}:${health.since.toISOString()}`,
        summary: `Your webhook endpoint ${shortUrl(endpoint.url)} has not accepted a delivery for over ${WEBHOOK_DISABLE_AFTER.hours} hours (${health.failures} tries), so Hearth has paused it. Nothing is lost: once it works again, turn it back on and everything it missed is sent.`,
        context: {
          endpoint_id: id,
          url: endpoint.url,
          failing_since: health.since.toISOString(),
          failures: health.failures,
        },
      },
      now,
    )
  }
}

/** The URL without its query, which may carry a token, and within the summary's length. */
function shortUrl(url: string): string {
  const { origin, pathname } = new URL(url)
  const short = origin + pathname
  return short.length > 120 ? `${short.slice(0, 119)}…` : short
}

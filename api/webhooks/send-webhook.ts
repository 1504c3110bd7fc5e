import { liveEndpoints, recordDeliveries } from './queries'
import type { Job, Outcome, OutboxHandler, RetrySchedule } from '../outbox/dispatch'
import { openText } from '../crypto/secrets'
import type { WebhookOutboxPayload } from './events'
import { followDeliveryRound } from './health'
import { checkWebhookTarget } from './target'

/**
 * Sends `webhook` rows: one signed POST per try. A 2xx is delivered; anything else (a redirect
 * too: it is never followed), or no answer, or an address that now leads to a private network,
 * is tried again on the schedule below, then given up. Every try is recorded in
 * webhook_deliveries; a day of failures turns the endpoint off (health.ts), and its messages are
 * then held until it is turned back on.
 */

/** 30 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: a receiver can be down for a day without losing anything. */
const DELAYS_MS = [30_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000]
export const WEBHOOK_RETRY: RetrySchedule = {
  maxAttempts: DELAYS_MS.length + 1,
  backoffMs: (attempts) => DELAYS_MS[Math.min(attempts, DELAYS_MS.length) - 1]!,
}

type Extra = { statusCode?: number; durationMs?: number }

export function webhookSecretBinding(endpoint: { practice_id: string; id: string }) {
  return `${endpoint.practice_id}:webhook-endpoint:${endpoint.id}`
}

export const webhookHandler: OutboxHandler<Extra> = {
  topic: 'webhook',
  retry: WEBHOOK_RETRY,

  async prepare(tx, rows, deps) {
    const ids = [...new Set(rows.map((r) => (r.payload as WebhookOutboxPayload).endpoint_id))]
    const endpoints = await liveEndpoints(tx, ids)
    const sender = deps.webhooks
    const jobs = new Map<string, Job<Extra>>()
    for (const row of rows) {
      const payload = row.payload as WebhookOutboxPayload
      const endpoint = endpoints.find((e) => e.id === payload.endpoint_id && e.practice_id === row.practice_id)
      if (!endpoint) {
        jobs.set(row.id, async () => ({ outcome: { status: 'skipped', reason: 'endpoint_deleted' } }))
        continue
      }
      if (endpoint.disabled_at) {
        jobs.set(row.id, async () => ({ outcome: { status: 'skipped', reason: 'endpoint_disabled' } }))
        continue
      }
      jobs.set(row.id, async () => {
        const target = await checkWebhookTarget(endpoint.url, deps)
        if (!target.ok) return { outcome: { status: 'retry', error: `Not sent: ${target.problem}` } }
        const secret = await openText(
          deps.secret,
          'webhook-signing-secret',
          { ciphertext: endpoint.secret_ciphertext, iv: endpoint.secret_iv },
          webhookSecretBinding(endpoint),
        )
        const answer = await sender.send({
          url: endpoint.url,
          secret,
          messageId: payload.message_id,
          body: payload.body,
        })
        const extra = { statusCode: answer.status, durationMs: answer.durationMs }
        const outcome: Outcome =
          answer.status >= 200 && answer.status < 300
            ? { status: 'sent', providerMessageId: `http_${answer.status}` }
            : answer.status >= 300 && answer.status < 400
              ? { status: 'retry', error: `The endpoint answered ${answer.status}; Hearth does not follow redirects.` }
              : { status: 'retry', error: `The endpoint answered ${answer.status}.` }
        return { outcome, extra }
      })
    }
    return jobs
  },

  async after(tx, results, _deps, now) {
    await recordDeliveries(
      tx,
      results.map(({ row, outcome, extra }) => {
        const payload = row.payload as WebhookOutboxPayload
        return {
          practice_id: row.practice_id,
          endpoint_id: payload.endpoint_id,
          outbox_id: row.id,
          message_id: payload.message_id,
          event_type: payload.event_type,
          attempt: row.attempts + 1,
          attempted_at: now,
          outcome:
            outcome.status === 'sent'
              ? 'delivered'
              : outcome.status === 'retry'
                ? 'retrying'
                : outcome.status === 'failed'
                  ? 'failed'
                  : 'skipped',
          status_code: extra?.statusCode ?? null,
          error:
            'error' in outcome
              ? outcome.error.slice(0, 500)
              : outcome.status === 'skipped' && outcome.reason === 'endpoint_disabled'
                ? 'Held while the endpoint is turned off; sent when it is turned back on.'
                : null,
          duration_ms: extra?.durationMs ?? null,
        }
      }),
    )
    await followDeliveryRound(tx, results, now)
  },
}

import { optedOutOf } from '../clients/channel-queries'
import { smsGatewaysOf } from '../practice/sms-gateway-queries'
import type { Outcome, OutboxHandler } from '../outbox/dispatch'

/**
 * Sends `sms_reply` rows: Hearth's automatic answers to a client's text (YES, CANCEL, STOP, HELP,
 * or a gentle word for anything else). The payload holds the number and the words; the reply to a
 * STOP is the one text allowed after the opt-out.
 */

export type SmsReplyPayload = { to: string; text: string; after_opt_out?: boolean }

export const smsReplyHandler: OutboxHandler = {
  topic: 'sms_reply',

  async prepare(tx, rows, deps) {
    const practiceIds = [...new Set(rows.map((r) => r.practice_id))]
    const gateways = await smsGatewaysOf(tx, practiceIds)
    const clientIds = [...new Set(rows.map((r) => r.client_id).filter((id): id is string => Boolean(id)))]
    const optedOut = await optedOutOf(tx, clientIds, 'sms')
    const sms = deps.sms
    return new Map(
      rows.map((row) => [
        row.id,
        async (): Promise<{ outcome: Outcome }> => {
          const payload = row.payload as SmsReplyPayload
          const gateway = gateways.find((g) => g.practice_id === row.practice_id)
          if (!gateway) return { outcome: { status: 'skipped', reason: 'no_sms_gateway' } }
          if (row.client_id && optedOut.has(row.client_id) && !payload.after_opt_out) {
            return { outcome: { status: 'skipped', reason: 'opted_out' } }
          }
          try {
            const sent = await sms.send({
              gateway: { url: gateway.url, signingSecret: gateway.signing_secret },
              to: payload.to,
              text: payload.text,
              idempotencyKey: row.idempotency_key,
            })
            return { outcome: { status: 'sent', providerMessageId: sent.id } }
          } catch (error) {
            const message = (error as Error).message
            return (error as { permanent?: boolean }).permanent
              ? { outcome: { status: 'failed', reason: 'rejected', error: message } }
              : { outcome: { status: 'retry', error: message } }
          }
        },
      ]),
    )
  },
}

import { optedOutOf } from '../clients/channel-queries'
import { smsGatewaysOf } from '../practice/sms-gateway-queries'
import type { Outcome, OutboxHandler } from '../outbox/dispatch'
import { refusal, sendText } from '../outbox/client-delivery'
import { whatsappConnectionsOf } from '../whatsapp/queries'
import { whatsappAccount } from '../whatsapp/settings'
import { waId } from '../whatsapp/send'

/**
 * Sends `sms_reply` rows: Hearth's automatic answers to a client's text or WhatsApp message (YES,
 * CANCEL, STOP, HELP, or a gentle word for anything else). The payload holds the number and the
 * words; the reply to a STOP is the one message allowed after the opt-out. A WhatsApp answer goes
 * as text: the client has just written, so the 24-hour window is open.
 */

export type SmsReplyPayload = { to: string; text: string; after_opt_out?: boolean }

export const smsReplyHandler: OutboxHandler = {
  topic: 'sms_reply',

  async prepare(tx, rows, deps) {
    const practiceIds = [...new Set(rows.map((r) => r.practice_id))]
    const gateways = await smsGatewaysOf(tx, practiceIds)
    const whatsapp = rows.some((r) => r.channel === 'whatsapp') ? await whatsappConnectionsOf(tx, practiceIds) : []
    const clientIds = [...new Set(rows.map((r) => r.client_id).filter((id): id is string => Boolean(id)))]
    const optedOut = {
      sms: await optedOutOf(tx, clientIds, 'sms'),
      whatsapp: whatsapp.length ? await optedOutOf(tx, clientIds, 'whatsapp') : new Set<string>(),
    }
    return new Map(
      rows.map((row) => [
        row.id,
        async (): Promise<{ outcome: Outcome }> => {
          const payload = row.payload as SmsReplyPayload
          const channel = row.channel === 'whatsapp' ? 'whatsapp' : 'sms'
          if (row.client_id && optedOut[channel].has(row.client_id) && !payload.after_opt_out) {
            return { outcome: { status: 'skipped', reason: 'opted_out' } }
          }
          try {
            if (channel === 'whatsapp') {
              const connection = whatsapp.find((w) => w.practice_id === row.practice_id)
              if (!connection) return { outcome: { status: 'skipped', reason: 'no_whatsapp' } }
              const sent = await deps.whatsapp.send({
                account: await whatsappAccount(deps.secret, connection),
                to: waId(payload.to),
                callbackData: row.id,
                text: payload.text,
              })
              return { outcome: { status: 'sent', providerMessageId: sent.id } }
            }
            const gateway = gateways.find((g) => g.practice_id === row.practice_id)
            if (!gateway) return { outcome: { status: 'skipped', reason: 'no_sms_gateway' } }
            const through = { url: gateway.url, signingSecret: gateway.signing_secret }
            return { outcome: await sendText(deps, row, through, payload.to, payload.text) }
          } catch (error) {
            const { outcome } = refusal(row, error, undefined)
            return { outcome }
          }
        },
      ]),
    )
  },
}

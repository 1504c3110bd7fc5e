import { Webhook } from 'standardwebhooks'
import { isPermanentStatus, SendError } from './send-error'

/**
 * SMS leaves Hearth through the practice's own gateway: an HTTP POST signed like Standard Webhooks
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the practice's secret. Our
 * idempotency key travels in the payload and as the webhook id, so a gateway that keeps it never
 * texts twice when we retry after a crash.
 */

export type SmsGateway = { url: string; signingSecret: string }

export type SmsMessage = {
  gateway: SmsGateway
  to: string
  text: string
  idempotencyKey: string
}

export type SmsSender = { send(message: SmsMessage): Promise<{ id: string }> }

/** The JSON body the gateway receives. */
export type SmsGatewayPayload = { type: 'sms.send'; idempotency_key: string; to: string; text: string }

/** Secrets are stored as Standard Webhooks `whsec_` base64; a practice may give any long string. */
export function normaliseSigningSecret(secret: string): string {
  if (secret.startsWith('whsec_')) return secret
  let binary = ''
  for (const byte of new TextEncoder().encode(secret)) binary += String.fromCharCode(byte)
  return `whsec_${btoa(binary)}`
}

/**
 * `clock` stamps the signature; it is the real time by default, whatever the app's clock says,
 * because the gateway checks it against its own clock to refuse replays.
 */
export function smsGatewaySender(
  options: { fetch?: typeof fetch; clock?: () => Date; timeoutMs?: number } = {},
): SmsSender {
  const send = options.fetch ?? fetch
  const clock = options.clock ?? (() => new Date())
  return {
    async send(message) {
      const payload: SmsGatewayPayload = {
        type: 'sms.send',
        idempotency_key: message.idempotencyKey,
        to: message.to,
        text: message.text,
      }
      const body = JSON.stringify(payload)
      const signer = new Webhook(normaliseSigningSecret(message.gateway.signingSecret))
      const at = clock()
      let response: Response
      try {
        response = await send(message.gateway.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': message.idempotencyKey,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': signer.sign(message.idempotencyKey, at, body),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        })
      } catch (error) {
        throw new SendError(`The SMS gateway could not be reached: ${(error as Error).message}`, false)
      }
      const text = await response.text()
      if (!response.ok) {
        throw new SendError(`The SMS gateway answered ${response.status}.`, isPermanentStatus(response.status))
      }
      let id: unknown
      try {
        id = (JSON.parse(text) as { id?: unknown }).id
      } catch {
        id = undefined
      }
      return { id: typeof id === 'string' && id ? id.slice(0, 200) : `sms:${message.idempotencyKey}` }
    },
  }
}

import { Webhook } from 'standardwebhooks'
import { SendError } from './send-error'

/**
 * Posts one webhook message to a practice's endpoint, signed per Standard Webhooks: `webhook-id`
 * (the same on every retry, so receivers de-duplicate), `webhook-timestamp` and
 * `webhook-signature` (`v1,` HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret).
 */

export type WebhookMessage = { url: string; secret: string; messageId: string; body: string }
export type WebhookResponse = { status: number; durationMs: number }
export type WebhookSender = { send(message: WebhookMessage): Promise<WebhookResponse> }

/**
 * `clock` stamps the signature; it is the real time by default, whatever the app's clock says,
 * because receivers check it against their own clock to refuse replays.
 */
export function webhookSender(
  options: { fetch?: typeof fetch; clock?: () => Date; timeoutMs?: number } = {},
): WebhookSender {
  const post = options.fetch ?? fetch
  const clock = options.clock ?? (() => new Date())
  return {
    async send(message) {
      const at = clock()
      const signer = new Webhook(message.secret)
      const started = Date.now()
      let response: Response
      try {
        response = await post(message.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Hearth-Webhooks/1',
            'webhook-id': message.messageId,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': signer.sign(message.messageId, at, message.body),
          },
          body: message.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        })
        // Only the status matters; the body is drained so the connection can be reused.
        await response.arrayBuffer().catch(() => undefined)
      } catch (error) {
        throw new SendError(`The endpoint could not be reached: ${(error as Error).message}`, false)
      }
      return { status: response.status, durationMs: Date.now() - started }
    },
  }
}

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `whsec_${btoa(binary)}`
}

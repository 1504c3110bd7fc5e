import { Webhook } from 'standardwebhooks'
import { json, listen } from './http'

/**
 * A practice's webhook receiver on loopback, written the way the Standard Webhooks docs tell a
 * receiver to be: verify the raw body and headers with the `standardwebhooks` library and the
 * endpoint's secret, refuse anything that does not verify, de-duplicate on `webhook-id`.
 */
export type ReceivedWebhook = {
  id: string
  timestamp: string
  body: string
  payload: { type: string; timestamp: string; data: Record<string, string> }
}

export async function startWebhookReceiver() {
  let verifier: Webhook | null = null
  /** Every request, verified or not. */
  const requests: { id: string; verified: boolean }[] = []
  /** Verified deliveries, one per webhook-id. */
  const received: ReceivedWebhook[] = []
  let failures = 0
  const server = await listen((request, body, response) => {
    const headers = request.headers as Record<string, string>
    const id = headers['webhook-id'] ?? ''
    let payload: ReceivedWebhook['payload']
    try {
      if (!verifier) throw new Error('no secret yet')
      payload = verifier.verify(body, headers) as ReceivedWebhook['payload']
    } catch {
      requests.push({ id, verified: false })
      return json(response, 401, { error: 'bad signature' })
    }
    requests.push({ id, verified: true })
    if (failures > 0) {
      failures -= 1
      return json(response, 503, { error: 'down for a moment' })
    }
    if (!received.some((r) => r.id === id))
      received.push({ id, timestamp: headers['webhook-timestamp']!, body, payload })
    return json(response, 200, { ok: true })
  })
  return {
    url: `${server.url}/hearth-webhooks`,
    requests,
    received,
    /** The secret the endpoint was created with (shown once by POST /v1/webhook-endpoints). */
    trust(secret: string) {
      verifier = new Webhook(secret)
    },
    failNext(count: number) {
      failures = count
    },
    of: (type: string) => received.filter((r) => r.payload.type === type),
    close: server.close,
  }
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>

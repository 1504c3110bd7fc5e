import { Webhook } from 'standardwebhooks'
import { normaliseSigningSecret, type SmsGatewayPayload } from '../../providers/sms'
import { json, listen } from './http'

/**
 * A practice's SMS gateway on loopback: verifies the Standard Webhooks signature, records what it
 * receives, and, like a careful gateway, texts each idempotency key once.
 */
export async function startFakeSmsGateway(signingSecret: string) {
  const verifier = new Webhook(normaliseSigningSecret(signingSecret))
  const requests: SmsGatewayPayload[] = []
  const texts: (SmsGatewayPayload & { id: string })[] = []
  let refused = 0
  const server = await listen((request, body, response) => {
    try {
      verifier.verify(body, request.headers as Record<string, string>)
    } catch {
      refused += 1
      return json(response, 401, { error: 'bad signature' })
    }
    const payload = JSON.parse(body) as SmsGatewayPayload
    requests.push(payload)
    const known = texts.find((t) => t.idempotency_key === payload.idempotency_key)
    if (known) return json(response, 200, { id: known.id })
    const id = `sms_${texts.length + 1}`
    texts.push({ ...payload, id })
    return json(response, 200, { id })
  })
  return {
    url: `${server.url}/send`,
    requests,
    texts,
    refused: () => refused,
    close: server.close,
  }
}
export type FakeSmsGateway = Awaited<ReturnType<typeof startFakeSmsGateway>>

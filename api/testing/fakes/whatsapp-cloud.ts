import { json, listen } from './http'

/**
 * WhatsApp's Cloud API on loopback, speaking its documented format: `POST /{phone_number_id}/messages`
 * with a Bearer token, a text only inside the 24-hour customer window (else error 131047, as the
 * real API answers), templates any time; it answers `{messaging_product, contacts, messages: [{id}]}`.
 * `hang()` makes it take messages and never answer, like a connection lost after the send.
 */

export type CloudMessage = {
  to: string
  type: 'text' | 'template'
  text?: { body: string }
  template?: { name: string; language: { code: string }; components: { parameters: { text: string }[] }[] }
  biz_opaque_callback_data?: string
  id: string
}

export async function startFakeWhatsappCloud(options: { phoneNumberId: string; accessToken: string }) {
  const messages: CloudMessage[] = []
  const wroteAt = new Map<string, number>()
  let hanging = false
  let refused = 0
  const server = await listen((request, body, response) => {
    if (request.url !== `/${options.phoneNumberId}/messages` || request.method !== 'POST') {
      return json(response, 404, { error: { message: 'Unknown path', code: 100 } })
    }
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      refused += 1
      return json(response, 401, { error: { message: 'Invalid OAuth access token.', code: 190 } })
    }
    const payload = JSON.parse(body) as Omit<CloudMessage, 'id'> & { messaging_product?: string }
    if (payload.messaging_product !== 'whatsapp' || !payload.to) {
      return json(response, 400, { error: { message: 'Invalid parameter', code: 100 } })
    }
    const wrote = wroteAt.get(payload.to)
    if (payload.type === 'text' && !(wrote && Date.now() - wrote < 24 * 3_600_000)) {
      return json(response, 400, {
        error: { message: 'Re-engagement message', code: 131047, error_data: { details: 'outside the window' } },
      })
    }
    const id = `wamid.${messages.length + 1}`
    messages.push({ ...payload, id })
    if (hanging) return // taken, never answered
    json(response, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: payload.to, wa_id: payload.to }],
      messages: [{ id }],
    })
  })
  return {
    url: server.url,
    messages,
    /** The client wrote to the business: texts are allowed for 24 hours. */
    clientWrote: (waId: string) => wroteAt.set(waId, Date.now()),
    hang: (on = true) => {
      hanging = on
    },
    refused: () => refused,
    close: server.close,
  }
}
export type FakeWhatsappCloud = Awaited<ReturnType<typeof startFakeWhatsappCloud>>

/** A webhook body as Meta posts it for one change of the `messages` field. */
export function cloudWebhook(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'WABA_ID',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550009999', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  })
}

import { isPermanentStatus, SendError } from './send-error'

/**
 * WhatsApp through Meta's Cloud API: `POST {api_base_url}/{phone_number_id}/messages` with the
 * practice's access token. Only `fetch`, so it runs on Workers too. The API takes no idempotency
 * key: the dispatcher records that a send started before it tries (api/outbox/dispatch.ts), and
 * a send that got no answer is `OutcomeUnknown`, never retried blindly.
 */

export const DEFAULT_WHATSAPP_API = 'https://graph.facebook.com/v21.0'

export type WhatsappAccount = { apiBaseUrl: string; phoneNumberId: string; accessToken: string }

/** A template the practice had approved, with Hearth's three variables in order: practice, day, time. */
export type WhatsappTemplate = { name: string; language: string; parameters: string[] }

export type WhatsappMessage = {
  account: WhatsappAccount
  /** The client's number, digits only with the country code (`wa_id`). */
  to: string
  /** Comes back on every status of this message, so a send whose answer was lost can still be matched. */
  callbackData: string
} & WhatsappContent

/** Free text (only inside the 24-hour customer window) or a template. */
export type WhatsappContent = { text: string } | { template: WhatsappTemplate }

export type WhatsappSender = { send(message: WhatsappMessage): Promise<{ id: string }> }

/** WhatsApp may have taken the message, or not: nobody can tell, so it must not be sent again. */
export class OutcomeUnknown extends SendError {
  readonly unknown = true
  constructor(message: string) {
    super(message, false)
  }
}

/** The body the Cloud API receives. */
export function whatsappPayload(message: WhatsappMessage): Record<string, unknown> {
  const base = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
    biz_opaque_callback_data: message.callbackData,
  }
  if ('text' in message) return { ...base, type: 'text', text: { body: message.text, preview_url: true } }
  const { name, language, parameters } = message.template
  return {
    ...base,
    type: 'template',
    template: {
      name,
      language: { code: language },
      components: parameters.length
        ? [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }]
        : [],
    },
  }
}

/** Errors that mean the request never left this machine, so nothing can have been sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])

export function whatsappCloudSender(options: { fetch?: typeof fetch; timeoutMs?: number } = {}): WhatsappSender {
  const send = options.fetch ?? fetch
  return {
    async send(message) {
      const url = `${message.account.apiBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(message.account.phoneNumberId)}/messages`
      let response: Response
      try {
        response = await send(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${message.account.accessToken}` },
          body: JSON.stringify(whatsappPayload(message)),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        })
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code
        if (code && NOT_SENT.has(code)) throw new SendError(`WhatsApp could not be reached: ${code}.`, false)
        throw new OutcomeUnknown(`No answer from WhatsApp: ${(error as Error).message}`)
      }
      const text = await response.text()
      let body: { messages?: { id?: unknown }[]; error?: { message?: unknown; code?: unknown } } = {}
      try {
        body = JSON.parse(text)
      } catch {
        body = {}
      }
      if (!response.ok) {
        const detail = typeof body.error?.message === 'string' ? `: ${body.error.message.slice(0, 200)}` : ''
        throw new SendError(`WhatsApp answered ${response.status}${detail}.`, isPermanentStatus(response.status))
      }
      const id = body.messages?.[0]?.id
      if (typeof id !== 'string' || !id) throw new OutcomeUnknown('WhatsApp answered without a message id.')
      return { id: id.slice(0, 200) }
    },
  }
}

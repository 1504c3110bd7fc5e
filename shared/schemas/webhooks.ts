import { z } from 'zod'
import { Text } from './common'
import type { AddressKind } from '../net/addresses'

/**
 * Outbound webhooks (Standard Webhooks): what a practice's systems hear about. Payloads are thin:
 * the event type and ids, never message text or clinical detail; the receiver fetches details
 * through the API, which audits the read.
 */
export const WEBHOOK_EVENTS = [
  'appointment.confirmed',
  'appointment.cancelled',
  'appointment.late_cancelled',
  'appointment.rescheduled',
  'message.created',
  'alert.created',
  'waitlist.offer_claimed',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** HTTPS everywhere; plain HTTP only to this machine, for development. No credentials in the URL. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Use a full URL such as https://example.com/hearth-webhooks.'
  }
  if (url.username || url.password) return 'Leave credentials out of the URL; verify the signature instead.'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null
  return 'Use an https:// URL (http:// is allowed only for 127.0.0.1 and localhost, for development).'
}

const ADDRESS_PROBLEMS: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: "This address leads back to the Hearth server itself. Use your endpoint's public address.",
  private: "This address is on a private network Hearth cannot reach. Use your endpoint's public address.",
  link_local: "This is a link-local address Hearth cannot reach. Use your endpoint's public address.",
  reserved: "This address is reserved and not on the public internet. Use your endpoint's public address.",
}

/** Why an endpoint may not be sent to at this address (a kind from `classifyAddress`), or null when it is public. */
export function webhookAddressProblem(kind: AddressKind | null): string | null {
  return kind === null || kind === 'public' ? null : ADDRESS_PROBLEMS[kind]
}

const EndpointUrl = Text.trim()
  .max(2000)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .meta({ format: 'uri' })
/** The events to send; all of them when absent. */
const EndpointEvents = z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length)

export const WebhookEndpointCreate = z
  .object({ url: EndpointUrl, events: EndpointEvents.optional(), description: Text.trim().max(200).optional() })
  .strict()

export const WebhookEndpointUpdate = z
  .object({
    url: EndpointUrl.optional(),
    events: EndpointEvents.optional(),
    /** An empty string removes the description. */
    description: Text.trim().max(200).optional(),
    /** `true` turns a turned-off endpoint back on and sends what it missed; `false` turns it off. */
    enabled: z.boolean().optional(),
  })
  .strict()

export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string().optional(),
  created_at: z.string(),
  /** False once the endpoint was turned off, by the practice or after failing for a day. */
  enabled: z.boolean(),
  /** When and why it was turned off: `failing` (Hearth, after a day of failed deliveries) or `practice`. */
  disabled_at: z.string().optional(),
  disabled_reason: z.enum(['failing', 'practice']).optional(),
  /** When the current run of failed deliveries began; absent while deliveries succeed. */
  failing_since: z.string().optional(),
  /** Failed attempts in a row since the last delivery that worked. */
  consecutive_failures: z.number().int(),
})
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>

export const WebhookEndpointCreated = WebhookEndpoint.extend({
  /** The signing secret (`whsec_...`), shown once: verify each delivery with it. */
  secret: z.string(),
})

export const WebhookDelivery = z.object({
  message_id: z.string().describe('The webhook-id header: the same on every retry of one message'),
  event_type: z.enum(WEBHOOK_EVENTS),
  attempt: z.number().int(),
  attempted_at: z.string(),
  outcome: z.enum(['delivered', 'retrying', 'failed', 'skipped']),
  status_code: z.number().int().optional(),
  error: z.string().optional(),
  duration_ms: z.number().int().optional(),
})

export const WebhookDeliveryListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: Text.max(100).optional() })
  .strict()

/** The JSON body every endpoint receives. */
export type WebhookPayload = {
  type: WebhookEventType
  /** When the event happened (ISO 8601). */
  timestamp: string
  data: Record<string, string>
}

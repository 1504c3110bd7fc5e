import { forgetPushSubscriptions, type PushSubscriptionRow, pushSubscriptionsFor } from '../push/queries'
import { type ChannelBlock, channelStatus } from '../../shared/reminders/channels'
import type { Channel } from '../../shared/schemas/policies'
import { sha256Hex } from '../crypto/web-crypto'
import { type ChannelStateRow, channelState, markChannelFailing } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import type { OutboxRow } from './queries'
import type { EntryDeps } from '../deps'
import type { PushSender } from '../providers/push'
import { SendError } from '../providers/send-error'
import type { SmsGateway } from '../providers/sms'
import { OutcomeUnknown } from '../providers/whatsapp'
import { sendOnWhatsapp, type WhatsappRoute, type WhatsappWords, whatsappRoutes } from '../whatsapp/send'
import type { Job, Outcome, Result } from './dispatch'

/**
 * What sending a client a reminder or a notice takes, whatever the words: whether the client can
 * still be reached on the row's channel, the practice's name on Hearth's address, a text through
 * the practice's gateway, a push to each of the client's devices, a provider's refusal as an
 * outcome, and what a batch leaves behind (forgotten devices, a failing email address).
 */

/** What the send-time check needs to know about the client and their practice. */
export type ClientReach = {
  consent_email: boolean
  consent_sms: boolean
  consent_whatsapp: boolean
  consent_push: boolean
  phone: string | null
  gateway_url: string | null
  whatsapp_configured: boolean
}

/** What `after` needs to know beyond the outcome. */
export type DeliveryExtra = { goneSubscriptions?: string[]; permanentEmailFailure?: boolean }

type Delivery = { outcome: Outcome; extra?: DeliveryExtra }

/**
 * Why the row should not go out on its channel now (an opt-out, a failing address, no consent, no
 * phone, no device, no gateway), or null. The row was planned on this channel; a schedule change
 * since is handled by re-planning.
 */
export function channelBlock(
  row: OutboxRow,
  client: ClientReach,
  states: readonly ChannelStateRow[],
  pushSubscriptions: number,
): ChannelBlock | null {
  const channel = row.channel as Channel
  const status = channelStatus({
    schedule: { channels: [channel] },
    consents: {
      email: client.consent_email,
      sms: client.consent_sms,
      whatsapp: client.consent_whatsapp,
      push: client.consent_push,
    },
    hasPhone: Boolean(client.phone),
    smsGatewayConfigured: Boolean(client.gateway_url),
    whatsappConfigured: client.whatsapp_configured,
    pushSubscriptions,
    state: channelState(states),
  })[channel]
  return status.receives ? null : status.reason
}

/** "Calm Waters Counselling <portal@hearth.example>": the practice's name on Hearth's address. */
export function fromLine(emailFrom: string, practiceName: string): string {
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim()
  const name = practiceName.replace(/["<>\\\r\n]/g, '').trim()
  return name ? `"${name}" <${address}>` : address
}

/** A text through the practice's own gateway, under the row's idempotency key. */
export async function sendText(
  deps: EntryDeps,
  row: OutboxRow,
  gateway: SmsGateway,
  to: string,
  text: string,
): Promise<Outcome> {
  const sent = await deps.sms.send({ gateway, to, text, idempotencyKey: row.idempotency_key })
  return { status: 'sent', providerMessageId: sent.id }
}

/** The push topic for a row: a retry under the same idempotency key replaces the copy already sent. */
export async function pushTopic(row: OutboxRow): Promise<string> {
  return (await sha256Hex(row.idempotency_key)).slice(0, 32)
}

/**
 * One payload to each of the client's devices, its time to live asked for at each send. Sent when
 * any device took it; devices the push service says are gone are forgotten in `after`; otherwise
 * the last refusal decides between a retry (until `deadline`) and a failure.
 */
export async function pushToDevices(
  push: PushSender,
  subscriptions: readonly PushSubscriptionRow[],
  message: { payload: string; topic: string; ttlSeconds: () => number },
  deadline: Date | undefined,
): Promise<Delivery> {
  const gone: string[] = []
  let delivered = 0
  let lastError: SendError | null = null
  for (const sub of subscriptions) {
    try {
      await push.send({
        subscription: { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        payload: message.payload,
        topic: message.topic,
        ttlSeconds: message.ttlSeconds(),
      })
      delivered += 1
    } catch (error) {
      if (error instanceof SendError && error.gone) gone.push(sub.id)
      else lastError = error instanceof SendError ? error : new SendError((error as Error).message, false)
    }
  }
  const extra = { goneSubscriptions: gone }
  if (delivered) return { outcome: { status: 'sent', providerMessageId: `push:${message.topic}` }, extra }
  if (lastError && !lastError.permanent)
    return { outcome: { status: 'retry', error: lastError.message, deadline }, extra }
  if (lastError) return { outcome: { status: 'failed', reason: 'rejected', error: lastError.message }, extra }
  return { outcome: { status: 'skipped', reason: 'no_device' }, extra }
}

/** A provider's refusal: a permanent one fails (and marks an email address failing), any other retries until `deadline`. */
export function refusal(row: OutboxRow, error: unknown, deadline: Date | undefined): Delivery {
  const message = (error as Error).message || 'The provider did not accept the message.'
  if (error instanceof OutcomeUnknown)
    return { outcome: { status: 'failed', reason: 'outcome_unknown', error: message } }
  if ((error as { permanent?: unknown }).permanent === true) {
    return {
      outcome: { status: 'failed', reason: 'rejected', error: message },
      extra: { permanentEmailFailure: row.channel === 'email' },
    }
  }
  return { outcome: { status: 'retry', error: message, deadline } }
}

/** What a batch leaves behind: gone devices are forgotten, an email address refused for good is marked failing. */
export async function recordDeliveryFacts(tx: Tx, results: readonly Result<DeliveryExtra>[], now: Date): Promise<void> {
  const gone = results.flatMap((r) => r.extra?.goneSubscriptions ?? [])
  if (gone.length) await forgetPushSubscriptions(tx, gone)
  for (const { row, outcome, extra } of results) {
    if (outcome.status === 'failed' && extra?.permanentEmailFailure) {
      await markChannelFailing(tx, row.practice_id, row.client_id!, 'email', 'rejected', now)
    }
  }
}

/** What `after` gets back from a client's send: the delivery's facts, and the row's context. */
export type ClientDeliveryExtra<Context> = DeliveryExtra & { context?: Context }

/**
 * The jobs for a batch of rows to clients: each row with its context (none: skipped with
 * `missing`), the client's devices and WhatsApp route, skipped with the reason `whyNot` gives,
 * else the row's `message` delivered on its channel.
 */
export async function clientJobs<Context extends { outbox_id: string } & DeliverableClient>(
  tx: Tx,
  deps: EntryDeps,
  rows: readonly OutboxRow[],
  contexts: readonly Context[],
  handle: {
    missing: string
    whyNot(row: OutboxRow, context: Context, devices: number): string | null
    message(row: OutboxRow, context: Context): ClientMessage
  },
): Promise<Map<string, Job<ClientDeliveryExtra<Context>>>> {
  const subscriptions = await pushSubscriptionsFor(tx, rows)
  const whatsapp = await whatsappRoutes(tx, rows)
  const byId = new Map(contexts.map((c) => [c.outbox_id, c]))
  const jobs = new Map<string, Job<ClientDeliveryExtra<Context>>>()
  for (const row of rows) {
    const context = byId.get(row.id)
    const devices = subscriptions.filter((s) => s.client_id === row.client_id)
    const skip = context ? handle.whyNot(row, context, devices.length) : handle.missing
    if (skip || !context) {
      jobs.set(row.id, async () => ({ outcome: { status: 'skipped', reason: skip ?? handle.missing } }))
      continue
    }
    jobs.set(row.id, async () => {
      const message = handle.message(row, context)
      const sent = await deliverToClient(deps, row, context, devices, message, whatsapp.get(row.id))
      return { ...sent, extra: { ...sent.extra, context } }
    })
  }
  return jobs
}

/** A message to a client worded for each channel; email and push are worded only when used. */
export type ClientMessage = {
  email(): Promise<{ subject: string; text: string; html: string }> | { subject: string; text: string; html: string }
  sms(): string
  /** The same words on WhatsApp, with what a template outside the 24-hour window needs. */
  whatsapp(): WhatsappWords
  push(topic: string): Promise<string> | string
  /** How long a push may wait on the push service, asked at each send. */
  pushTtlSeconds(): number
  /** Resend's tag for the kind of message. */
  kind: string
  /** Retries stop here (the session's start, an offer's end). */
  deadline?: Date | undefined
}

/**
 * Sends one message on the row's channel: email through the mailer (the practice's name on
 * Hearth's address), a text through the practice's gateway, a push to each device; a provider's
 * refusal becomes an outcome.
 */
/** Whom a client's message goes to and through what. */
type DeliverableClient = ClientReach & { email: string; practice_name: string; gateway_secret: string | null }

async function deliverToClient(
  deps: EntryDeps,
  row: OutboxRow,
  client: DeliverableClient,
  devices: readonly PushSubscriptionRow[],
  message: ClientMessage,
  whatsapp?: WhatsappRoute,
): Promise<Delivery> {
  const { deadline } = message
  try {
    if (row.channel === 'email') {
      const sent = await deps.mailer.send({
        from: fromLine(deps.emailFrom, client.practice_name),
        to: client.email,
        ...(await message.email()),
        idempotencyKey: row.idempotency_key,
        tags: { kind: message.kind },
      })
      return { outcome: { status: 'sent', providerMessageId: sent.id } }
    }
    if (row.channel === 'sms') {
      // The row was checked to have a number and a gateway.
      const gateway = { url: client.gateway_url!, signingSecret: client.gateway_secret! }
      return { outcome: await sendText(deps, row, gateway, client.phone!, message.sms()) }
    }
    if (row.channel === 'whatsapp') {
      return { outcome: await sendOnWhatsapp(deps, row, client.phone!, whatsapp, message.whatsapp()) }
    }
    if (row.channel === 'push') {
      if (!deps.push) return { outcome: { status: 'retry', error: 'No push sender in this process.', deadline } }
      const topic = await pushTopic(row)
      const payload = await message.push(topic)
      return await pushToDevices(deps.push, devices, { payload, topic, ttlSeconds: message.pushTtlSeconds }, deadline)
    }
    return { outcome: { status: 'failed', reason: 'unknown_channel', error: `Nothing is sent on ${row.channel}.` } }
  } catch (error) {
    return refusal(row, error, deadline)
  }
}

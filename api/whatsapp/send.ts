import type { WhatsappMessageKind } from '../../shared/schemas/connectors'
import type { Locale } from '../../shared/schemas/policies'
import { formatInstant } from '../../shared/time/format'
import type { Tx } from '../db/connect'
import type { EntryDeps } from '../deps'
import type { Outcome } from '../outbox/dispatch'
import type { OutboxRow } from '../outbox/queries'
import type { WhatsappContent } from '../providers/whatsapp'
import { whatsappConnectionsOf, type WhatsappConnectionRow, whatsappLastInbound } from './queries'
import { whatsappAccount } from './settings'

/**
 * A message to a client on WhatsApp. Inside the 24-hour customer window (the client wrote in the
 * last 24 hours) it goes as text, the same words as a text message; outside it only a template the
 * practice mapped for this kind and language can go, with the practice, the day and the time.
 */

export const CUSTOMER_WINDOW_MS = 24 * 3_600_000

/** What the dispatcher knows about a row's WhatsApp: the practice's number and the client's window. */
export type WhatsappRoute = { connection: WhatsappConnectionRow; lastInboundAt: Date | null }

/** The words for WhatsApp: the kind (which template), the text, and the session a template names. */
export type WhatsappWords = {
  kind: WhatsappMessageKind
  text: string
  startsAt: Date | string
  timeZone: string
  locale: Locale
  practiceName: string
}

/** The routes of a batch's WhatsApp rows, by row id. */
export async function whatsappRoutes(tx: Tx, rows: readonly OutboxRow[]): Promise<Map<string, WhatsappRoute>> {
  const wanted = rows.filter((r) => r.channel === 'whatsapp')
  if (!wanted.length) return new Map()
  const connections = await whatsappConnectionsOf(tx, [...new Set(wanted.map((r) => r.practice_id))])
  const clientIds = [...new Set(wanted.map((r) => r.client_id).filter((id): id is string => Boolean(id)))]
  const inbound = await whatsappLastInbound(tx, clientIds)
  const routes = new Map<string, WhatsappRoute>()
  for (const row of wanted) {
    const connection = connections.find((c) => c.practice_id === row.practice_id)
    if (connection) routes.set(row.id, { connection, lastInboundAt: inbound.get(row.client_id ?? '') ?? null })
  }
  return routes
}

export function insideWindow(lastInboundAt: Date | null, now: Date): boolean {
  return Boolean(lastInboundAt && now.getTime() - lastInboundAt.getTime() < CUSTOMER_WINDOW_MS)
}

/** Text inside the window, else the mapped template; null when neither can go. */
export function whatsappContent(route: WhatsappRoute, words: WhatsappWords, now: Date): WhatsappContent | null {
  if (insideWindow(route.lastInboundAt, now)) return { text: words.text }
  const template = route.connection.templates[words.kind]?.[words.locale]
  if (!template) return null
  return {
    template: {
      name: template.name,
      language: template.language,
      parameters: [
        words.practiceName,
        formatInstant(words.startsAt, words.timeZone, words.locale, 'day'),
        formatInstant(words.startsAt, words.timeZone, words.locale, 'time'),
      ],
    },
  }
}

/** The client's WhatsApp id: their number's digits with the country code. */
export const waId = (phone: string) => phone.replace(/\D/g, '')

/** Sends one row on WhatsApp; a provider's refusal is thrown for the caller's `refusal`. */
export async function sendOnWhatsapp(
  deps: EntryDeps,
  row: OutboxRow,
  phone: string,
  route: WhatsappRoute | undefined,
  words: WhatsappWords,
): Promise<Outcome> {
  if (!route) return { status: 'skipped', reason: 'no_whatsapp' }
  const content = whatsappContent(route, words, deps.clock())
  if (!content) {
    return {
      status: 'failed',
      reason: 'no_whatsapp_template',
      error: `No approved WhatsApp template for ${words.kind} in ${words.locale}, and the client has not written in the last 24 hours.`,
    }
  }
  const sent = await deps.whatsapp.send({
    account: await whatsappAccount(deps.secret, route.connection),
    to: waId(phone),
    callbackData: row.id,
    ...content,
  })
  return { status: 'sent', providerMessageId: sent.id }
}

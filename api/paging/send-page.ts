import { consoleLink } from '../../shared/console-links'
import type { Locale } from '../../shared/schemas/policies'
import { recordAlertEvents } from '../alerts/history-queries'
import type { EntryDeps } from '../deps'
import { t } from '../i18n'
import type { Job, Outcome, OutboxHandler } from '../outbox/dispatch'
import type { OutboxRow } from '../outbox/queries'
import { fromLine, pushToDevices, pushTopic, refusal, sendText } from '../outbox/client-delivery'
import { type StaffEmail, staffEmailHtml, staffEmailText } from '../staff-notices/email'
import { staffLocale } from '../staff-notices/send'
import type { PagePayload } from './enqueue'
import { type PageContext, forgetStaffDevices, pageContexts, type StaffDevice, staffDevicesOf } from './queries'

/**
 * Sends `staff_page` rows: "Urgent: a client's message is waiting in Hearth" by email, text or
 * push to the console, with a link to the alert and never the client's words (nor, by text or
 * push, their name). Checked at sending time: a resolved alert pages nobody, an acknowledged one
 * stops escalating. Every page sent or refused is written into the alert's history.
 */

type Extra = { goneDevices?: string[] }

export const staffPageHandler: OutboxHandler<Extra> = {
  topic: 'staff_page',
  // Urgent: try again soon and often, for about half an hour.
  retry: { maxAttempts: 10, backoffMs: (attempts) => Math.min(15_000 * attempts, 5 * 60_000) },

  async prepare(tx, rows, deps) {
    const contexts = new Map(
      (
        await pageContexts(
          tx,
          rows.map((r) => r.id),
        )
      ).map((c) => [c.outbox_id, c]),
    )
    const jobs = new Map<string, Job<Extra>>()
    for (const row of rows) {
      const context = contexts.get(row.id)
      const payload = row.payload as PagePayload
      const skip = !context ? 'alert_gone' : whyNot(context)
      if (skip || !context) {
        jobs.set(row.id, async () => ({ outcome: { status: 'skipped', reason: skip ?? 'alert_gone' } }))
        continue
      }
      const devices = row.channel === 'push' ? await staffDevicesOf(tx, row.practice_id, payload.recipient) : []
      jobs.set(row.id, () => sendPage(deps, row, payload, context, devices))
    }
    return jobs
  },

  async after(tx, results, _deps, now) {
    await forgetStaffDevices(
      tx,
      results.flatMap((r) => r.extra?.goneDevices ?? []),
    )
    for (const { row, outcome } of results) {
      const payload = row.payload as PagePayload
      if (outcome.status === 'retry') continue
      if (outcome.status === 'skipped' && ['acknowledged', 'resolved', 'alert_gone'].includes(outcome.reason)) continue
      await recordAlertEvents(tx, row.practice_id, [
        {
          alert_id: payload.alert_id,
          at: now,
          kind: outcome.status === 'sent' ? (payload.stage === 'first' ? 'paged' : 'escalated') : 'page_failed',
          recipient: payload.recipient,
          channel: row.channel as 'email' | 'sms' | 'push',
          detail:
            outcome.status === 'sent' ? { stage: payload.stage } : { stage: payload.stage, reason: outcome.reason },
        },
      ])
    }
  },
}

function whyNot(context: PageContext): string | null {
  if (context.alert_status !== 'open') return 'resolved'
  if (context.acknowledged_at) return 'acknowledged'
  return null
}

function pageWords(payload: PagePayload, link: string, locale: Locale) {
  const escalation = payload.stage === 'escalation'
  const count = payload.minutes
  return {
    subject: t(locale, escalation ? 'page.escalation.subject' : 'page.urgent.subject'),
    lead: escalation ? t(locale, 'page.escalation.lead', { count }) : t(locale, 'page.urgent.lead'),
    sms: escalation ? t(locale, 'page.escalation.sms', { count, link }) : t(locale, 'page.urgent.sms', { link }),
    pushTitle: t(locale, escalation ? 'page.escalation.subject' : 'page.urgent.subject'),
    pushBody: t(locale, 'page.urgent.pushBody'),
  }
}

async function sendPage(
  deps: EntryDeps,
  row: OutboxRow,
  payload: PagePayload,
  context: PageContext,
  devices: StaffDevice[],
): Promise<{ outcome: Outcome; extra?: Extra }> {
  const locale = staffLocale(payload.locale)
  const link = consoleLink(deps.publicUrl, { tab: 'alerts', alertId: payload.alert_id })
  const words = pageWords(payload, link, locale)
  try {
    if (row.channel === 'email') {
      const email: StaffEmail = {
        locale,
        lead: words.lead,
        button: { label: t(locale, 'page.button'), link, colour: '#9b2c2c' },
        footer: t(locale, 'page.footer', { practice: context.practice_name }),
      }
      const sent = await deps.mailer.send({
        from: fromLine(deps.emailFrom, 'Hearth'),
        to: payload.to!,
        subject: words.subject,
        text: staffEmailText(email),
        html: staffEmailHtml(email),
        idempotencyKey: row.idempotency_key,
        tags: { kind: `page_${payload.stage}` },
      })
      return { outcome: { status: 'sent', providerMessageId: sent.id } }
    }
    if (row.channel === 'sms') {
      if (!context.gateway_url || !context.gateway_secret || !payload.to) {
        return { outcome: { status: 'skipped', reason: 'no_sms_gateway' } }
      }
      const gateway = { url: context.gateway_url, signingSecret: context.gateway_secret }
      return { outcome: await sendText(deps, row, gateway, payload.to, words.sms) }
    }
    if (row.channel === 'push') {
      if (!deps.push) return { outcome: { status: 'retry', error: 'No push sender in this process.' } }
      const topic = await pushTopic(row)
      const message = JSON.stringify({
        title: words.pushTitle,
        body: words.pushBody,
        tag: topic,
        url: link,
        actions: [],
      })
      const delivered = await pushToDevices(
        deps.push,
        devices.map((d) => ({ ...d, client_id: d.owner_key })),
        { payload: message, topic, ttlSeconds: () => 3600 },
        undefined,
      )
      return { outcome: delivered.outcome, extra: { goneDevices: delivered.extra?.goneSubscriptions ?? [] } }
    }
    return { outcome: { status: 'failed', reason: 'unknown_channel', error: `Nothing is sent on ${row.channel}.` } }
  } catch (error) {
    return { outcome: refusal(row, error, undefined).outcome }
  }
}

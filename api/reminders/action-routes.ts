import { type Context, Hono } from 'hono'
import { isOpen } from '../../shared/policy/sessions'
import { linkUsed, useLink } from './queries'
import { z } from 'zod'
import { formatMoney } from '../../shared/i18n'
import { t } from '../i18n'
import { formatInstant } from '../../shared/time/format'
import { cancelAsClient, confirmAsClient, quoteFor, requestReschedule } from '../appointments/client-actions'
import type { Tx } from '../db/connect'
import { findOutboxRow } from '../outbox/queries'
import { type ClientAppointment, findClientAppointment } from '../appointments/portal-queries'
import { inPractice } from '../db/tenant'
import type { AppEnv, Deps } from '../deps'
import { ApiError } from '../http/errors'
import { describe } from '../http/openapi/describe'
import { type ActionLink, verifyActionLink } from './action-token'
import { type ActionPage, actionPageHeaders, renderActionPage } from './action-page'

/**
 * A reminder's Confirm / Cancel / Reschedule link. GET shows a small page (nothing changes on a
 * GET, so link scanners in mail systems cannot act); POST acts, once. Cancelling applies the same
 * policy, quote and fee acknowledgement as the widget, through the same `cancelAsClient`.
 */

const ActionForm = z.object({
  acknowledge_late: z.string().max(10).optional(),
  reason: z.string().max(500).optional(),
  note: z.string().max(1000).optional(),
})

const htmlPage = { description: 'A small HTML page', schema: z.string(), contentType: 'text/html' }

type Loaded = { link: ActionLink; appointment: ClientAppointment; used: boolean }

export function actionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('/:token', actionPageHeaders)

  async function load(tx: Tx, link: ActionLink, forUpdate = false): Promise<Loaded | null> {
    const row = await findOutboxRow(tx, link.practiceId, link.outboxId)
    if (!row?.client_id || row.appointment_id !== link.appointmentId) return null
    const appointment = await findClientAppointment(tx, link.practiceId, row.client_id, link.appointmentId, {
      forUpdate,
    })
    if (!appointment) return null
    return { link, appointment, used: await linkUsed(tx, link) }
  }

  const respond = (c: Context, page: ActionPage, status: 200 | 404 | 409 | 410 = 200) =>
    c.html(renderActionPage(page), status)

  const invalidPage = (): ActionPage => ({
    locale: 'en',
    practiceName: 'Hearth',
    heading: t('en', 'action.invalid'),
    paragraphs: [],
  })

  app.get(
    '/:token',
    describe({
      summary: "A reminder link's page: what the link will do, with a button to do it",
      tags: ['reminders'],
      auth: 'signed',
      responses: { 200: htmlPage, 404: htmlPage, 410: htmlPage },
    }),
    async (c) => {
      const link = await verifyActionLink(deps.secret, c.req.param('token'), deps.clock())
      const loaded = link && (await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link)))
      if (!loaded) return respond(c, invalidPage(), 404)
      const page = pageFor(loaded, deps.clock())
      return respond(c, page.page, page.status)
    },
  )

  app.post(
    '/:token',
    describe({
      summary: 'Do what a reminder link says (confirm, cancel, ask for another time); each link works once',
      tags: ['reminders'],
      auth: 'signed',
      description:
        'A form post (`acknowledge_late`, `reason` or `note`), or an empty POST from a push notification button.',
      responses: { 200: htmlPage, 404: htmlPage, 409: htmlPage, 410: htmlPage },
    }),
    async (c) => {
      const now = deps.clock()
      const link = await verifyActionLink(deps.secret, c.req.param('token'), now)
      if (!link) return respond(c, invalidPage(), 404)
      const form = ActionForm.safeParse(await c.req.parseBody().catch(() => ({})))
      const fields = form.success ? form.data : {}
      try {
        const page = await inPractice(deps.sql, link.practiceId, async (tx) => {
          const loaded = await load(tx, link, true)
          if (!loaded) return null
          const before = pageFor(loaded, now)
          if (before.status !== 200 || !before.page.form) return before
          await useLink(tx, link, now)
          const input = {
            practiceId: link.practiceId,
            clientId: loaded.appointment.client_id,
            appointmentId: link.appointmentId,
            actor: { kind: 'link' as const, id: link.outboxId },
          }
          const { appointment } = loaded
          const when = formatInstant(
            appointment.starts_at,
            appointment.client_time_zone,
            appointment.client_locale,
            'long',
          )
          const done = (key: 'action.confirm.done' | 'action.cancel.done' | 'action.reschedule.done') => ({
            status: 200 as const,
            page: { ...shell(appointment), heading: t(appointment.client_locale, key, { when }), paragraphs: [] },
          })
          if (link.action === 'confirm') {
            await confirmAsClient(tx, deps, input)
            return done('action.confirm.done')
          }
          if (link.action === 'cancel') {
            await cancelAsClient(tx, deps, {
              ...input,
              acknowledgeLate: fields.acknowledge_late === 'yes' || fields.acknowledge_late === 'on',
              reason: fields.reason,
            })
            return done('action.cancel.done')
          }
          await requestReschedule(tx, deps, {
            ...input,
            note: fields.note,
            via: { kind: 'reminder_link', outboxId: link.outboxId },
          })
          return done('action.reschedule.done')
        })
        if (!page) return respond(c, invalidPage(), 404)
        return respond(c, page.page, page.status)
      } catch (error) {
        if (error instanceof ApiError && error.code === 'late_cancellation_unacknowledged') {
          // Nothing was recorded: the transaction rolled back, so the link still works.
          const loaded = await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link))
          const page = pageFor(loaded!, deps.clock())
          return respond(
            c,
            { ...page.page, notice: t(loaded!.appointment.client_locale, 'action.cancel.needAcknowledge') },
            409,
          )
        }
        if (error instanceof ApiError && (error.code === 'contact_practice' || error.code === 'invalid_state')) {
          const loaded = await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link))
          return respond(c, pageFor(loaded!, deps.clock()).page, 409)
        }
        if (error instanceof Error && /action_link_uses_pkey|duplicate key/.test(error.message)) {
          const loaded = await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link))
          return respond(c, pageFor(loaded!, deps.clock()).page, 410)
        }
        throw error
      }
    },
  )
  return app
}

function shell(appointment: ClientAppointment) {
  return { locale: appointment.client_locale, practiceName: appointment.practice_name }
}

/** What the page says now: the form when the link can still act, otherwise where things stand. */
function pageFor({ link, appointment, used }: Loaded, now: Date): { page: ActionPage; status: 200 | 404 | 410 } {
  const locale = appointment.client_locale
  const practice = appointment.practice_name
  const when = formatInstant(appointment.starts_at, appointment.client_time_zone, locale, 'long')
  const lead = t(locale, 'action.lead', { practice, when })
  const call = appointment.practice_phone ? [t(locale, 'action.call', { phone: appointment.practice_phone })] : []
  const where =
    appointment.status === 'confirmed'
      ? t(locale, 'action.status.confirmed', { when })
      : appointment.status === 'cancelled' || appointment.status === 'late_cancelled'
        ? t(locale, 'action.status.cancelled', { when })
        : null
  const base = shell(appointment)

  if (used)
    return { status: 410, page: { ...base, heading: t(locale, 'action.used'), paragraphs: where ? [where] : [lead] } }
  if (appointment.version !== link.version)
    return { status: 404, page: { ...base, heading: t(locale, 'action.invalid'), paragraphs: call } }
  const open = isOpen(appointment.status)
  if (!open || appointment.starts_at.getTime() <= now.getTime()) {
    return { status: 200, page: { ...base, heading: where ?? t(locale, 'action.closed'), paragraphs: call } }
  }

  if (link.action === 'confirm') {
    if (appointment.status === 'confirmed') return { status: 200, page: { ...base, heading: where!, paragraphs: [] } }
    return {
      status: 200,
      page: { ...base, heading: lead, paragraphs: [], form: { button: t(locale, 'action.confirm.button') } },
    }
  }
  if (link.action === 'cancel') {
    const quote = quoteFor(appointment, now)
    if (!quote.can_cancel)
      return { status: 200, page: { ...base, heading: lead, paragraphs: [quote.policy_text, ...call] } }
    const fee = quote.is_late && quote.fee_cents > 0 ? formatMoney(quote.fee_cents, quote.currency, locale) : null
    return {
      status: 200,
      page: {
        ...base,
        heading: t(locale, 'action.cancel.question'),
        paragraphs: [lead, quote.policy_text],
        form: {
          acknowledge: fee ? t(locale, 'action.cancel.acknowledge', { fee }) : undefined,
          textarea: { name: 'reason', label: t(locale, 'action.cancel.reason') },
          button: t(locale, 'action.cancel.button'),
          after: t(locale, 'action.cancel.keep'),
        },
      },
    }
  }
  return {
    status: 200,
    page: {
      ...base,
      heading: lead,
      paragraphs: [t(locale, 'action.reschedule.question')],
      form: {
        textarea: { name: 'note', label: t(locale, 'action.reschedule.note') },
        button: t(locale, 'action.reschedule.button'),
      },
    },
  }
}

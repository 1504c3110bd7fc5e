import { type Context, Hono } from 'hono'
import { isOpen } from '../../shared/policy/sessions'
import { linkUsed, useLink } from './queries'
import { z } from 'zod'
import { Text } from '../../shared/schemas/common'
import { formatMoney } from '../../shared/i18n'
import { t as noticeWords } from '../../shared/i18n/notices'
import { CANCEL_REASON_CODES, isCancelReasonCode } from '../../shared/cancel-reasons'
import { videoMightHelp } from '../../shared/policy/switch-to-video'
import { t } from '../i18n'
import { formatInstant } from '../../shared/time/format'
import { cancelAsClient, confirmAsClient, quoteFor, requestReschedule } from '../appointments/client-actions'
import type { Tx } from '../db/connect'
import { findOutboxRow } from '../outbox/queries'
import { type ClientAppointment, findClientAppointment } from '../appointments/portal-queries'
import { inPractice } from '../db/tenant'
import { findPractice } from '../practice/queries'
import type { CrisisResource } from '../../shared/schemas/policies'
import type { AppEnv, Deps } from '../deps'
import { ApiError } from '../http/errors'
import { describe } from '../http/openapi/describe'
import { type ActionLink, verifyActionLink } from './action-token'
import { type ActionPage, actionPageHeaders, renderActionPage } from './action-page'
import { portalLink } from '../notices/enqueue'
import { switchSessionToVideo, videoDecisionFor } from '../reschedule/switch-to-video'
import { clientRescheduleRule, moveAsClient } from '../reschedule/client-move'
import { slotsForSession } from '../reschedule/slots'
import { FIRST_SLOT_DAYS, slotsByDay } from '../../shared/availability/slot-days'
import type { RescheduleRule } from '../../shared/policy/reschedule'
import type { Slot } from '../../shared/schemas/availability'

/**
 * A reminder's Confirm / Cancel / Reschedule link. GET shows a small page (nothing changes on a
 * GET, so link scanners in mail systems cannot act); POST acts, once. Cancelling applies the same
 * policy, quote and fee acknowledgement as the widget, through the same `cancelAsClient`.
 */

const ActionForm = z.object({
  acknowledge_late: Text.max(10).optional(),
  reason: Text.max(500).optional(),
  // An unknown code is treated as no answer: the reason is optional, and the cancel still goes ahead.
  reason_code: Text.max(40).optional(),
  note: Text.max(1000).optional(),
  // On the offer of video instead: `video` switches, `cancel` goes ahead and cancels.
  // On the free times of "Find another time": `move` moves (or asks for) `starts_at`, `ask` asks the practice.
  next: z.enum(['video', 'cancel', 'move', 'ask']).optional(),
  starts_at: Text.max(40).optional(),
})

/** Why a page is shown again after a post changed nothing. */
type RetryNotice =
  | 'action.cancel.needAcknowledge'
  | 'action.reschedule.needAcknowledge'
  | 'action.reschedule.taken'
  | 'action.reschedule.pickOne'

const htmlPage = { description: 'A small HTML page', schema: z.string(), contentType: 'text/html' }

/** For "Find another time": the practice's rule for moving the session now, and its free times. */
type Picker = { rule: RescheduleRule; slots: Slot[] }

type Loaded = {
  link: ActionLink
  appointment: ClientAppointment
  used: boolean
  crisis: CrisisResource[]
  picker?: Picker | undefined
}

export function actionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('/:token', actionPageHeaders)

  /**
   * The link's session, locked when about to act. A page to show also gets the free times of a
   * "Find another time" link; acting needs none, since the move checks its own time.
   */
  async function load(tx: Tx, link: ActionLink, forUpdate = false): Promise<Loaded | null> {
    const row = await findOutboxRow(tx, link.practiceId, link.outboxId)
    if (!row?.client_id || row.appointment_id !== link.appointmentId) return null
    const appointment = await findClientAppointment(tx, link.practiceId, row.client_id, link.appointmentId, {
      forUpdate,
    })
    if (!appointment) return null
    const practice = await findPractice(tx, link.practiceId)
    const picker =
      link.action === 'reschedule' && !forUpdate ? await freeTimes(tx, appointment, deps.clock()) : undefined
    return { link, appointment, used: await linkUsed(tx, link), crisis: practice?.crisis_resources ?? [], picker }
  }

  const respond = (c: Context, page: ActionPage, status: 200 | 400 | 404 | 409 | 410 = 200) =>
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
      const page = pageFor(loaded, deps.clock(), deps.publicUrl)
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
        'A form post (`acknowledge_late`, `reason_code`, `reason` or `note`), or an empty POST from a push notification button. ' +
        'Cancelling for a reason about getting there first offers video at the same time when the therapist offers it then ' +
        '(nothing changes, the link still works); `next=video` switches, `next=cancel` cancels. ' +
        '"Find another time" shows the free times: `next=move` with `starts_at` moves the session there (or asks for it, ' +
        'as the practice’s rule says); a time taken meanwhile answers 409 with the times still free; a note alone asks the practice.',
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
          const before = pageFor(loaded, now, deps.publicUrl)
          if (before.status !== 200 || !before.page.form) return before
          // Cancelling for a reason about getting there: first the same time by video, when the therapist offers it then.
          const askVideo =
            link.action === 'cancel' &&
            fields.next !== 'cancel' &&
            (fields.next === 'video' || videoMightHelp(fields.reason_code))
          const video = askVideo ? await videoDecisionFor(tx, loaded.appointment, now) : null
          if (video?.ok && fields.next !== 'video') {
            return { status: 200 as const, page: videoOfferPage(loaded, fields, deps.publicUrl) }
          }
          const moveTo = link.action === 'reschedule' && fields.next === 'move' ? instant(fields.starts_at) : undefined
          // No time chosen: refused like a time that is not free, so nothing happens and the link still works.
          if (moveTo === null) throw new ApiError('invalid_request', 'Choose one of the free times.')
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
          const done = (
            key:
              | 'action.confirm.done'
              | 'action.status.cancelled'
              | 'action.reschedule.done'
              | 'action.reschedule.moved'
              | 'action.reschedule.requested'
              | 'action.video.done',
            more: Partial<ActionPage> = {},
            at = when,
          ) => ({
            status: 200 as const,
            page: {
              ...shell(loaded, deps.publicUrl),
              heading: t(appointment.client_locale, key, { when: at }),
              paragraphs: [],
              ...more,
            },
          })
          if (link.action === 'confirm') {
            await confirmAsClient(tx, deps, input)
            return done('action.confirm.done')
          }
          if (link.action === 'cancel' && fields.next === 'video') {
            if (!video?.ok) throw new ApiError('invalid_state', 'This session can no longer be held by video.')
            await switchSessionToVideo(tx, deps, {
              before: appointment,
              videoUrl: video.videoUrl,
              actor: input.actor,
              now,
            })
            return done('action.video.done', { paragraphs: [t(appointment.client_locale, 'action.video.link')] })
          }
          if (link.action === 'cancel') {
            const { quote } = await cancelAsClient(tx, deps, {
              ...input,
              acknowledgeLate: acknowledged(fields),
              reasonCode: isCancelReasonCode(fields.reason_code) ? fields.reason_code : undefined,
              reason: fields.reason,
            })
            return done('action.status.cancelled', afterCancelling(loaded, quote, deps.publicUrl))
          }
          if (moveTo) {
            const moved = await moveAsClient(tx, deps, {
              session: appointment,
              startsAt: moveTo,
              acknowledgeLate: acknowledged(fields),
              actor: input.actor,
            })
            const { client_time_zone: zone, client_locale: locale } = appointment
            const newTime = formatInstant(moveTo, zone, locale, 'long')
            if (moved.kind === 'moved') {
              return done(
                'action.reschedule.moved',
                { paragraphs: [t(locale, 'action.reschedule.movedNext')] },
                newTime,
              )
            }
            const until = formatInstant(moved.request.hold_until, zone, locale, 'long')
            return done(
              'action.reschedule.requested',
              { paragraphs: [t(locale, 'portal.reschedule.held', { until })] },
              newTime,
            )
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
        const again = async (status: 400 | 409 | 410, notice?: RetryNotice) => {
          // Nothing was recorded: the transaction rolled back, so the link still works.
          const loaded = await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link))
          const page = pageFor(loaded!, deps.clock(), deps.publicUrl).page
          const locale = loaded!.appointment.client_locale
          return respond(c, notice ? { ...page, notice: t(locale, notice) } : page, status)
        }
        if (error instanceof ApiError) {
          const moving = link.action === 'reschedule'
          if (error.code === 'late_cancellation_unacknowledged')
            return again(409, moving ? 'action.reschedule.needAcknowledge' : 'action.cancel.needAcknowledge')
          if (error.code === 'slot_taken') return again(409, 'action.reschedule.taken')
          if (error.code === 'invalid_request' && moving) return again(400, 'action.reschedule.pickOne')
          if (error.code === 'contact_practice' || error.code === 'invalid_state') return again(409)
        }
        if (error instanceof Error && /action_link_uses_pkey|duplicate key/.test(error.message)) return again(410)
        throw error
      }
    },
  )
  return app
}

/** What every page about a session carries: the practice's name, crisis help, and a way into the portal at that session. */
function shell({ appointment, crisis }: Loaded, publicUrl: string) {
  return {
    locale: appointment.client_locale,
    practiceName: appointment.practice_name,
    crisis,
    secondary: {
      href: portalLink(publicUrl, appointment.practice_slug, 'session', appointment.id),
      label: t(appointment.client_locale, 'action.portal'),
    },
  }
}

/** After a cancellation: what next, and after a late one the fee that applies and the way to ask for it to be waived. */
function afterCancelling(
  { appointment }: Loaded,
  quote: { is_late: boolean; fee_cents: number; currency: string },
  publicUrl: string,
): Partial<ActionPage> {
  const locale = appointment.client_locale
  const next = t(locale, 'action.cancel.next')
  if (!quote.is_late || quote.fee_cents <= 0) return { paragraphs: [next] }
  const fee = formatMoney(quote.fee_cents, quote.currency, locale)
  return {
    paragraphs: [noticeWords(locale, 'notice.clientCancelled.fee', { fee }), next],
    link: {
      href: portalLink(publicUrl, appointment.practice_slug, 'waiver', appointment.id),
      label: t(locale, 'action.cancel.askWaiver'),
    },
  }
}

/** "Could a video session help?": switch, or cancel as the client meant to, with what they already chose. */
function videoOfferPage(loaded: Loaded, fields: z.infer<typeof ActionForm>, publicUrl: string): ActionPage {
  const { appointment } = loaded
  const locale = appointment.client_locale
  const when = formatInstant(appointment.starts_at, appointment.client_time_zone, locale, 'long')
  const chosen = { reason_code: fields.reason_code, reason: fields.reason, acknowledge_late: fields.acknowledge_late }
  const hidden = Object.fromEntries(Object.entries(chosen).filter((entry): entry is [string, string] => !!entry[1]))
  return {
    ...shell(loaded, publicUrl),
    heading: t(locale, 'action.video.offer'),
    paragraphs: [t(locale, 'action.lead', { practice: appointment.practice_name, when })],
    form: {
      hidden,
      button: t(locale, 'action.video.button'),
      next: { value: 'video', other: { label: t(locale, 'action.video.cancelAnyway'), value: 'cancel' } },
    },
  }
}

/** What the page says now: the form when the link can still act, otherwise where things stand. */
function pageFor(loaded: Loaded, now: Date, publicUrl: string): { page: ActionPage; status: 200 | 404 | 410 } {
  const { link, appointment, used } = loaded
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
  const base = shell(loaded, publicUrl)

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
          choice: {
            name: 'reason_code',
            legend: t(locale, 'action.cancel.why'),
            skip: t(locale, 'cancelReason.skip'),
            options: CANCEL_REASON_CODES.map((code) => ({ value: code, label: t(locale, `cancelReason.${code}`) })),
          },
          textarea: { name: 'reason', label: t(locale, 'action.cancel.reason') },
          button: t(locale, 'action.cancel.button'),
        },
        secondary: { ...base.secondary, label: t(locale, 'action.cancel.keep') },
      },
    }
  }
  return { status: 200, page: { ...base, ...pickerPage(loaded, lead, publicUrl) } }
}

/**
 * "Find another time": the therapist's free times for the coming days in the client's zone, to
 * move the session to (or ask for, as the practice's rule says), with asking the practice as the
 * way out when none fits. Later days are in the portal's picker.
 */
function pickerPage({ appointment, picker }: Loaded, lead: string, publicUrl: string) {
  const locale = appointment.client_locale
  const zone = appointment.client_time_zone
  const ask = {
    textarea: { name: 'note' as const, label: t(locale, 'action.reschedule.note') },
    button: t(locale, 'action.reschedule.button'),
  }
  const rule = picker?.rule
  const days = slotsByDay(picker?.slots ?? [], zone)
  if (!rule || rule.outcome === 'refused' || days.length === 0) {
    const why = rule?.outcome === 'refused' ? rule.text : t(locale, 'action.reschedule.none')
    return { heading: lead, paragraphs: [why], form: ask }
  }
  const fee = rule.needs_acknowledgement ? formatMoney(rule.fee_cents, rule.currency, locale) : null
  const more = days.length > FIRST_SLOT_DAYS
  return {
    heading: lead,
    paragraphs: [rule.text],
    form: {
      times: {
        legend: t(locale, 'action.reschedule.pick'),
        days: days.slice(0, FIRST_SLOT_DAYS).map((day) => ({
          legend: formatInstant(day.slots[0]!.starts_at, zone, locale, 'day'),
          options: day.slots.map((slot) => ({
            value: slot.starts_at,
            label: formatInstant(slot.starts_at, zone, locale, 'time'),
          })),
        })),
      },
      acknowledge: fee ? t(locale, 'action.reschedule.acknowledge', { fee }) : undefined,
      button: t(locale, rule.outcome === 'request' ? 'action.reschedule.askFor' : 'action.reschedule.move'),
      next: {
        value: 'move',
        other: { value: 'ask', label: ask.button, lead: t(locale, 'action.reschedule.orAsk'), textarea: ask.textarea },
      },
    },
    ...(more
      ? {
          secondary: {
            href: portalLink(publicUrl, appointment.practice_slug, 'reschedule', appointment.id),
            label: t(locale, 'action.reschedule.more'),
          },
        }
      : {}),
  }
}

/** The free times a "Find another time" page offers, and the rule they move under; none once it cannot move. */
async function freeTimes(tx: Tx, appointment: ClientAppointment, now: Date): Promise<Picker> {
  const { context, rule } = await clientRescheduleRule(tx, appointment, now)
  const slots = rule.outcome === 'refused' ? [] : await slotsForSession(tx, appointment, context, { now })
  return { rule, slots }
}

/** A chosen time as an instant, or null when none (or nothing readable) was chosen. */
function instant(value: string | undefined): Date | null {
  const at = value ? new Date(value) : null
  return at && !Number.isNaN(at.getTime()) ? at : null
}

const acknowledged = (fields: z.infer<typeof ActionForm>) =>
  fields.acknowledge_late === 'yes' || fields.acknowledge_late === 'on'

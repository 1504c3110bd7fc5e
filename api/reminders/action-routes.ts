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
  next: z.enum(['video', 'cancel']).optional(),
})

const htmlPage = { description: 'A small HTML page', schema: z.string(), contentType: 'text/html' }

type Loaded = { link: ActionLink; appointment: ClientAppointment; used: boolean; crisis: CrisisResource[] }

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
    const practice = await findPractice(tx, link.practiceId)
    return { link, appointment, used: await linkUsed(tx, link), crisis: practice?.crisis_resources ?? [] }
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
        '(nothing changes, the link still works); `next=video` switches, `next=cancel` cancels.',
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
            key: 'action.confirm.done' | 'action.status.cancelled' | 'action.reschedule.done' | 'action.video.done',
            more: Partial<ActionPage> = {},
          ) => ({
            status: 200 as const,
            page: {
              ...shell(loaded, deps.publicUrl),
              heading: t(appointment.client_locale, key, { when }),
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
              acknowledgeLate: fields.acknowledge_late === 'yes' || fields.acknowledge_late === 'on',
              reasonCode: isCancelReasonCode(fields.reason_code) ? fields.reason_code : undefined,
              reason: fields.reason,
            })
            return done('action.status.cancelled', afterCancelling(loaded, quote, deps.publicUrl))
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
          const page = pageFor(loaded!, deps.clock(), deps.publicUrl)
          return respond(
            c,
            { ...page.page, notice: t(loaded!.appointment.client_locale, 'action.cancel.needAcknowledge') },
            409,
          )
        }
        if (error instanceof ApiError && (error.code === 'contact_practice' || error.code === 'invalid_state')) {
          const loaded = await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link))
          return respond(c, pageFor(loaded!, deps.clock(), deps.publicUrl).page, 409)
        }
        if (error instanceof Error && /action_link_uses_pkey|duplicate key/.test(error.message)) {
          const loaded = await inPractice(deps.sql, link.practiceId, (tx) => load(tx, link))
          return respond(c, pageFor(loaded!, deps.clock(), deps.publicUrl).page, 410)
        }
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
  // "Find another time" opens the portal's picker for this session (the client signs in there
  // if they have not), with asking the practice as the way out when no time fits.
  return {
    status: 200,
    page: {
      ...base,
      heading: lead,
      link: {
        href: portalLink(publicUrl, appointment.practice_slug, 'reschedule', appointment.id),
        label: t(locale, 'action.reschedule.pick'),
      },
      paragraphs: [t(locale, 'action.reschedule.orAsk')],
      form: {
        textarea: { name: 'note', label: t(locale, 'action.reschedule.note') },
        button: t(locale, 'action.reschedule.button'),
      },
    },
  }
}

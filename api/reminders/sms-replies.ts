import { upcomingSessions } from '../appointments/queries'
import { replyLinePractice, textSenders } from './queries'
import { crisisSentence } from '../../shared/crisis'
import { t } from '../i18n'
import { interpretSmsReply, type SmsIntent } from '../../shared/reminders/replies'
import type { Locale } from '../../shared/schemas/policies'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert, sealClientNote } from '../alerts/raise'
import { cancelAsClient, confirmAsClient, quoteFor } from '../appointments/client-actions'
import { audit } from '../audit/queries'
import { setOptOut } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import { enqueue } from '../outbox/queries'
import { findClientAppointment } from '../appointments/portal-queries'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { actionUrl, signActionLink } from './action-token'
import { replanClient } from './replan'
import type { SmsReplyPayload } from './send-sms-reply'

/**
 * A client's text, answered. Keywords act (YES/C confirm, CANCEL cancels within the policy, STOP
 * and START, HELP); anything that sounds like distress, and anything not understood, becomes an
 * alert for the therapist with the words sealed in it, and gets a gentle reply. Nothing is dropped.
 */

export type InboundSms = { practiceId: string; eventId: string; from: string; text: string }

export async function handleInboundSms(tx: Tx, deps: Deps, sms: InboundSms): Promise<SmsIntent> {
  const now = deps.clock()
  const practice = await replyLinePractice(tx, sms.practiceId)
  const senders = await textSenders(tx, sms.practiceId, sms.from.replace(/\D/g, ''))
  // Two clients on one number (a family phone): nobody's session is touched, a person reads it.
  const client = senders.length === 1 ? senders[0]! : null
  const locale: Locale = client?.locale ?? practice!.locales[0] ?? 'en'
  const practiceName = practice!.name
  const intent = interpretSmsReply(sms.text)

  const reply = async (text: string, options: { appointmentId?: string; id?: string; afterOptOut?: boolean } = {}) => {
    const payload: SmsReplyPayload = { to: sms.from, text, ...(options.afterOptOut ? { after_opt_out: true } : {}) }
    await enqueue(tx, {
      ...(options.id ? { id: options.id } : {}),
      practiceId: sms.practiceId,
      topic: 'sms_reply',
      channel: 'sms',
      idempotencyKey: `sms_reply/${sms.eventId}`,
      clientId: client?.id ?? null,
      appointmentId: options.appointmentId ?? null,
      payload,
      sendAt: now,
    })
  }
  const next = client ? await nextAppointment(tx, sms.practiceId, client.id, now) : null

  const toPerson = async (kind: 'distress_reply' | 'unclear_reply') => {
    const dedupeKey = `${kind}:${sms.eventId}`
    const who = client?.name ?? (senders.length > 1 ? `One of ${senders.length} clients sharing ${sms.from}` : sms.from)
    await raiseAlert(
      tx,
      {
        practiceId: sms.practiceId,
        kind,
        audience: next ? 'therapist' : 'front_desk',
        therapistId: next?.therapist_id ?? null,
        clientId: client?.id ?? null,
        appointmentId: next?.id ?? null,
        dedupeKey,
        summary:
          kind === 'distress_reply'
            ? `A text from ${who} sounds like they may be struggling. Please read it and reach out.`
            : `${who} sent a text the reminder line could not understand. Please read it and follow up.`,
        context: { from: sms.from, via: 'sms' },
        clientNote: await sealClientNote(deps.secret, sms.practiceId, dedupeKey, sms.text.slice(0, 1600)),
      },
      now,
    )
  }

  if (intent === 'distress') {
    await toPerson('distress_reply')
    const crisis = crisisSentence(practice!.crisis_resources, locale)
    // Safety first: this answer goes even to a number that opted out of reminders.
    await reply(t(locale, 'sms.distress', { practice: practiceName, crisis }), { afterOptOut: true })
    return intent
  }
  // STOP and START speak for the number: on a shared phone they hold for everyone on it.
  if ((intent === 'stop' || intent === 'start') && senders.length > 1) {
    for (const sender of senders) await setSmsOptOut(tx, deps, sms, sender.id, intent)
    await reply(t(locale, intent === 'stop' ? 'sms.stopped' : 'sms.started', { practice: practiceName }), {
      afterOptOut: intent === 'stop',
    })
    return intent
  }
  if (intent === 'unclear' || !client) {
    await toPerson('unclear_reply')
    if (!client?.sms_opted_out) await reply(t(locale, 'sms.unclear', { practice: practiceName }))
    return 'unclear'
  }

  const actor = { kind: 'link' as const, id: `sms:${sms.eventId}` }
  switch (intent) {
    case 'stop':
      await setSmsOptOut(tx, deps, sms, client.id, 'stop')
      await reply(t(locale, 'sms.stopped', { practice: practiceName }), { afterOptOut: true })
      return intent
    case 'start':
      await setSmsOptOut(tx, deps, sms, client.id, 'start')
      await reply(t(locale, 'sms.started', { practice: practiceName }))
      return intent
    case 'help':
      await reply(
        practice!.phone
          ? t(locale, 'sms.help.call', { practice: practiceName, phone: practice!.phone })
          : t(locale, 'sms.help', { practice: practiceName }),
        { afterOptOut: true },
      )
      return intent
  }
  if (client.sms_opted_out) {
    // They asked for no texts: act on nothing by text, but make sure a person sees it.
    await toPerson('unclear_reply')
    return 'unclear'
  }
  if (!next) {
    await reply(t(locale, 'sms.noAppointment', { practice: practiceName }))
    return intent
  }
  const appointment = (await findClientAppointment(tx, sms.practiceId, client.id, next.id))!
  const when = formatInstant(appointment.starts_at, appointment.client_time_zone, locale, 'medium')
  const input = { practiceId: sms.practiceId, clientId: client.id, appointmentId: next.id, actor }

  if (intent === 'confirm') {
    const { changed } = await confirmAsClient(tx, deps, input)
    await reply(t(locale, changed ? 'sms.confirmed' : 'sms.alreadyConfirmed', { practice: practiceName, when }))
    return intent
  }

  // cancel: the same rule as the widget. A late cancellation with a fee needs the client to see
  // and accept the fee, which a text cannot do: they get a link to the cancel page instead.
  const quote = quoteFor(appointment, now)
  if (!quote.can_cancel) {
    await reply(t(locale, 'sms.cancelContact', { practice: practiceName, policy: quote.policy_text }))
    return intent
  }
  if (quote.is_late) {
    const id = crypto.randomUUID()
    const token = await signActionLink(deps.secret, {
      practiceId: sms.practiceId,
      outboxId: id,
      appointmentId: next.id,
      version: appointment.version,
      action: 'cancel',
      expiresAt: Math.floor(appointment.starts_at.getTime() / 1000),
    })
    const text = t(locale, 'sms.cancelLate', {
      practice: practiceName,
      policy: quote.policy_text,
      link: actionUrl(deps.publicUrl, token),
    })
    await reply(text, { id, appointmentId: next.id })
    return intent
  }
  try {
    await cancelAsClient(tx, deps, { ...input, acknowledgeLate: false, reason: undefined })
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    await reply(t(locale, 'sms.cancelContact', { practice: practiceName, policy: error.message }))
    return intent
  }
  await reply(t(locale, 'sms.cancelled', { practice: practiceName, when }))
  return intent
}

async function nextAppointment(tx: Tx, practiceId: string, clientId: string, now: Date) {
  const [row] = await upcomingSessions(tx, practiceId, { clientId, after: now, limit: 1 })
  return row ?? null
}

/** STOP opts the client out of texts from now on (pending texts are cancelled); START undoes it. */
async function setSmsOptOut(tx: Tx, deps: Deps, sms: InboundSms, clientId: string, intent: 'stop' | 'start') {
  const now = deps.clock()
  await setOptOut(tx, sms.practiceId, clientId, 'sms', intent === 'stop' ? { via: 'sms_stop' } : null, now)
  await replanClient(tx, deps, sms.practiceId, clientId)
  await audit(tx, {
    practiceId: sms.practiceId,
    actor: { kind: 'link', id: `sms:${sms.eventId}` },
    action: intent === 'stop' ? 'client.sms_opted_out' : 'client.sms_opted_in',
    subject: { kind: 'client', id: clientId },
  })
}

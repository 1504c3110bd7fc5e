import { upcomingSessions } from '../appointments/queries'
import { replyLinePractice, textSenders } from './queries'
import { crisisSentence } from '../../shared/crisis'
import { t } from '../i18n'
import { classifyReply, type ReplyIntent } from '../../shared/reminders/replies'
import type { Locale } from '../../shared/schemas/policies'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert, sealClientNote } from '../alerts/raise'
import { clientWroteIn, type WrittenIn } from '../messages/inbound'
import { outsidePortalAnswer } from '../../shared/policy/contact'
import { cancelAsClient, confirmAsClient, quoteFor } from '../appointments/client-actions'
import { audit } from '../audit/queries'
import { setOptOut } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import { enqueue } from '../outbox/queries'
import { findClientAppointment } from '../appointments/portal-queries'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { actionUrl, signActionLink } from './action-token'
import { requestCall } from '../confirmation-calls/request-queries'
import { moveLink } from './move-link'
import { postReplyToThread } from './reply-thread'
import { replanClient } from './replan'
import type { SmsReplyPayload } from './send-sms-reply'

/**
 * A client's text, answered. What it means comes from `classifyReply`: a plain yes confirms, a
 * plain cancel cancels within the policy, STOP / START / HELP; asking to move gets the link to find
 * another time; running late, a question and nervousness go into the client's thread with the
 * therapist (nervousness also onto the therapist's call list); distress, and anything not
 * understood, lands in the thread (api/messages/inbound.ts) and raises an alert that links it,
 * answered as the therapist's contact policy says. Every text gets a gentle reply, and
 * nothing is dropped.
 */

/** A client's message on a text line: a text through the practice's gateway, or WhatsApp (default: a text). */
export type InboundSms = {
  practiceId: string
  eventId: string
  from: string
  text: string
  channel?: 'sms' | 'whatsapp'
}

export async function handleInboundSms(tx: Tx, deps: Deps, sms: InboundSms): Promise<ReplyIntent> {
  const now = deps.clock()
  const practice = await replyLinePractice(tx, sms.practiceId)
  const channel = sms.channel ?? 'sms'
  const senders = await textSenders(tx, sms.practiceId, sms.from.replace(/\D/g, ''), channel)
  // Two clients on one number (a family phone): nobody's session is touched, a person reads it.
  const client = senders.length === 1 ? senders[0]! : null
  const locale: Locale = client?.locale ?? practice!.locales[0] ?? 'en'
  const practiceName = practice!.name
  const intent = classifyReply(sms.text)

  const reply = async (text: string, options: { appointmentId?: string; id?: string; afterOptOut?: boolean } = {}) => {
    const payload: SmsReplyPayload = { to: sms.from, text, ...(options.afterOptOut ? { after_opt_out: true } : {}) }
    await enqueue(tx, {
      ...(options.id ? { id: options.id } : {}),
      practiceId: sms.practiceId,
      topic: 'sms_reply',
      channel,
      idempotencyKey: channel === 'sms' ? `sms_reply/${sms.eventId}` : `whatsapp_reply/${sms.eventId}`,
      clientId: client?.id ?? null,
      appointmentId: options.appointmentId ?? null,
      payload,
      sendAt: now,
    })
  }
  const next = client ? await nextAppointment(tx, sms.practiceId, client.id, now) : null

  // What a person must read goes into the client's thread first (when we know whose it is).
  const toPerson = async (kind: 'distress_reply' | 'unclear_reply') => {
    const dedupeKey = `${kind}:${sms.eventId}`
    const noun = channel === 'sms' ? 'text' : 'WhatsApp message'
    const who = client?.name ?? (senders.length > 1 ? `One of ${senders.length} clients sharing ${sms.from}` : sms.from)
    const written = client
      ? await clientWroteIn(tx, deps, {
          practiceId: sms.practiceId,
          clientId: client.id,
          channel,
          text: sms.text,
          urgent: kind === 'distress_reply',
          now,
        })
      : null
    const therapistId = written?.therapist.id ?? next?.therapist_id ?? null
    await raiseAlert(
      tx,
      {
        practiceId: sms.practiceId,
        kind,
        audience: therapistId ? 'therapist' : 'front_desk',
        therapistId,
        clientId: client?.id ?? null,
        appointmentId: next?.id ?? null,
        threadId: written?.message.thread_id ?? null,
        dedupeKey,
        summary:
          kind === 'distress_reply'
            ? `A ${noun} from ${who} sounds like they may be struggling. Please read it and reach out.`
            : `${who} sent a ${noun} the reminder line could not understand. Please read it and follow up.`,
        context: { from: sms.from, via: channel, ...(written ? { message_id: written.message.id } : {}) },
        clientNote: await sealClientNote(deps.secret, sms.practiceId, dedupeKey, sms.text.slice(0, 1600)),
      },
      now,
    )
    return written
  }
  /** The answer to words now waiting in the thread, shaped by the therapist's contact policy. */
  const receivedText = (written: WrittenIn | null) => {
    if (!written) return t(locale, 'sms.unclear', { practice: practiceName })
    const answer = outsidePortalAnswer(written.therapist.contact_policy)
    if (answer.kind === 'auto_reply') {
      return t(locale, 'sms.received.auto', { practice: practiceName, autoReply: answer.text })
    }
    if (answer.kind === 'no_reply_between_sessions') return t(locale, 'sms.received.none', { practice: practiceName })
    return practice!.phone
      ? t(locale, 'sms.received.days', { practice: practiceName, count: answer.days, phone: practice!.phone })
      : t(locale, 'sms.received.daysNoPhone', { practice: practiceName, count: answer.days })
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
    const written = await toPerson('unclear_reply')
    if (!client?.sms_opted_out) await reply(receivedText(written))
    return 'unclear'
  }

  const actor = { kind: 'link' as const, id: `${channel}:${sms.eventId}` }
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
  if (intent === 'move' || intent === 'late' || intent === 'nervous' || intent === 'question') {
    // Running late or a question may be about a session that has just begun.
    const session =
      intent === 'late' || intent === 'question'
        ? await nextAppointment(tx, sms.practiceId, client.id, new Date(now.getTime() - HOUR))
        : next
    const crisis = crisisSentence(practice!.crisis_resources, locale)
    if (!session) {
      await toPerson('unclear_reply')
      await reply(
        intent === 'nervous'
          ? t(locale, 'sms.nervous.noSession', { practice: practiceName, crisis })
          : t(locale, 'sms.unclear', { practice: practiceName }),
      )
      return intent
    }
    if (intent === 'question') {
      // A question waits in the thread, and the answer says when the therapist replies, as their policy says.
      const written = await clientWroteIn(tx, deps, {
        practiceId: sms.practiceId,
        clientId: client.id,
        channel,
        text: sms.text,
        urgent: false,
        now,
      })
      await reply(receivedText(written))
      return intent
    }
    await postReplyToThread(tx, deps, {
      practiceId: sms.practiceId,
      clientId: client.id,
      therapistId: session.therapist_id,
      category: intent === 'nervous' ? 'other' : 'scheduling',
      body: sms.text.slice(0, 1600),
      via: channel,
    })
    if (intent === 'move') {
      const id = crypto.randomUUID()
      const link = await moveLink(deps, { practiceId: sms.practiceId, outboxId: id, appointment: session })
      const when = formatInstant(session.starts_at, client.time_zone, locale, 'medium')
      await reply(t(locale, 'sms.move', { practice: practiceName, link, when }), { id, appointmentId: session.id })
    } else if (intent === 'nervous') {
      await requestCall(tx, sms.practiceId, {
        appointmentId: session.id,
        reason: 'asked_for_call',
        source: `${channel}:${sms.eventId}`,
        at: now,
      })
      await audit(tx, {
        practiceId: sms.practiceId,
        actor,
        action: 'call_request.created',
        subject: { kind: 'appointment', id: session.id },
        detail: { reason: 'asked_for_call', via: channel },
      })
      await reply(t(locale, 'sms.nervous', { practice: practiceName, crisis }), { appointmentId: session.id })
    } else {
      await reply(t(locale, 'sms.late', { practice: practiceName }))
    }
    return intent
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

const HOUR = 3_600_000

async function nextAppointment(tx: Tx, practiceId: string, clientId: string, now: Date) {
  const [row] = await upcomingSessions(tx, practiceId, { clientId, after: now, limit: 1 })
  return row ?? null
}

/** STOP opts the client out of texts from now on (pending texts are cancelled); START undoes it. */
async function setSmsOptOut(tx: Tx, deps: Deps, sms: InboundSms, clientId: string, intent: 'stop' | 'start') {
  const now = deps.clock()
  const channel = sms.channel ?? 'sms'
  await setOptOut(tx, sms.practiceId, clientId, channel, intent === 'stop' ? { via: `${channel}_stop` } : null, now)
  await replanClient(tx, deps, sms.practiceId, clientId)
  await audit(tx, {
    practiceId: sms.practiceId,
    actor: { kind: 'link', id: `${channel}:${sms.eventId}` },
    action: intent === 'stop' ? `client.${channel}_opted_out` : `client.${channel}_opted_in`,
    subject: { kind: 'client', id: clientId },
  })
}

import { formatMoney } from '../i18n'
import { t } from '../i18n/notices'
import type { Locale } from '../schemas/policies'
import { formatInstant } from '../time/format'
import type { InstantInput } from '../time/zone'
import { NOTICE_KINDS } from './kinds'

/**
 * The words of the notes Hearth sends a client on its own, for every channel. Private like
 * reminders: the practice, a date and a time, and a link into the signed-in portal; never the
 * therapist's name or the kind of care, since any of it can show on a lock screen.
 */

export { NOTICE_KINDS }
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export type NoticeInput = {
  kind: NoticeKind
  /** The session the note is about (for an offer, the freed time). */
  startsAt: InstantInput
  /** The client's zone and language. */
  timeZone: string
  locale: Locale
  practiceName: string
  practicePhone?: string | null
  /** Where the button leads: the portal, on the screen this note is about. */
  link: string
  /** An offer: open until. */
  expiresAt?: InstantInput
  /** A fee waiver answer: the fee asked. */
  fee?: { cents: number; currency: string }
}

export type NoticeText = {
  subject: string
  /** Plain-text paragraphs of the email, in order; the button follows them. */
  lines: string[]
  button: string
  sms: string
  push: { title: string; body: string }
}

export function noticeText(input: NoticeInput): NoticeText {
  const { locale, timeZone, link } = input
  const practice = input.practiceName
  const when = formatInstant(input.startsAt, timeZone, locale, 'long')
  const whenShort = formatInstant(input.startsAt, timeZone, locale, 'medium')
  const day = formatInstant(input.startsAt, timeZone, locale, 'day')

  switch (input.kind) {
    // Never the words, never the therapist's name: only that something is waiting, and where.
    case 'reply_waiting':
      return {
        subject: t(locale, 'notice.reply.subject', { practice }),
        lines: [t(locale, 'notice.reply.lead', { practice })],
        button: t(locale, 'notice.reply.button'),
        sms: t(locale, 'notice.reply.sms', { practice, link }),
        push: { title: t(locale, 'notice.reply.pushTitle'), body: t(locale, 'notice.reply.pushBody') },
      }
    case 'session_moved':
      return {
        subject: t(locale, 'notice.moved.subject', { when: whenShort }),
        lines: [t(locale, 'notice.moved.lead', { when }), t(locale, 'notice.moved.other')],
        button: t(locale, 'notice.moved.button'),
        sms: t(locale, 'notice.moved.sms', { practice, when: whenShort, link }),
        push: {
          title: t(locale, 'notice.moved.pushTitle'),
          body: t(locale, 'notice.moved.pushBody', { when: whenShort }),
        },
      }
    case 'session_cancelled':
      return {
        subject: t(locale, 'notice.cancelled.subject', { day }),
        lines: [t(locale, 'notice.cancelled.lead', { when }), t(locale, 'notice.cancelled.next')],
        button: t(locale, 'notice.cancelled.button'),
        sms: t(locale, 'notice.cancelled.sms', { practice, when: whenShort, link }),
        push: { title: t(locale, 'notice.cancelled.pushTitle'), body: t(locale, 'notice.cancelled.pushBody') },
      }
    // The client's own move: a receipt with the new time and its zone.
    case 'rescheduled':
      return {
        subject: t(locale, 'notice.rescheduled.subject', { when: whenShort }),
        lines: [t(locale, 'notice.rescheduled.lead', { when }), t(locale, 'notice.rescheduled.reminders')],
        button: t(locale, 'notice.portalButton'),
        sms: t(locale, 'notice.rescheduled.sms', { practice, when: whenShort, link }),
        push: {
          title: t(locale, 'notice.rescheduled.pushTitle'),
          body: t(locale, 'notice.rescheduled.pushBody', { when: whenShort }),
        },
      }
    // A new session the client booked themselves after missing one: a receipt like a move's.
    case 'booked':
      return {
        subject: t(locale, 'notice.booked.subject', { when: whenShort }),
        lines: [t(locale, 'notice.booked.lead', { when }), t(locale, 'notice.booked.reminders')],
        button: t(locale, 'notice.portalButton'),
        sms: t(locale, 'notice.booked.sms', { practice, when: whenShort, link }),
        push: {
          title: t(locale, 'notice.booked.pushTitle'),
          body: t(locale, 'notice.rescheduled.pushBody', { when: whenShort }),
        },
      }
    case 'reschedule_declined':
      return {
        subject: t(locale, 'notice.declined.subject'),
        lines: [t(locale, 'notice.declined.lead', { when }), t(locale, 'notice.declined.next')],
        button: t(locale, 'notice.missed.button'),
        sms: t(locale, 'notice.declined.sms', { practice, when: whenShort, link }),
        push: { title: t(locale, 'notice.declined.pushTitle'), body: t(locale, 'notice.declined.pushBody') },
      }
    // Nobody answered the request within its hold: the same way out as a decline, said honestly.
    case 'reschedule_expired':
      return {
        subject: t(locale, 'notice.declined.subject'),
        lines: [t(locale, 'notice.expired.lead', { when }), t(locale, 'notice.declined.next')],
        button: t(locale, 'notice.missed.button'),
        sms: t(locale, 'notice.expired.sms', { practice, when: whenShort, link }),
        push: { title: t(locale, 'notice.declined.pushTitle'), body: t(locale, 'notice.declined.pushBody') },
      }
    case 'missed':
      return {
        subject: t(locale, 'notice.missed.subject', { day }),
        lines: [t(locale, 'notice.missed.lead', { when }), t(locale, 'notice.missed.ask')],
        button: t(locale, 'notice.missed.button'),
        sms: t(locale, 'notice.missed.sms', { practice, when: whenShort, link }),
        push: { title: t(locale, 'notice.missed.pushTitle'), body: t(locale, 'notice.missed.pushBody') },
      }
    case 'offer': {
      const until = formatInstant(input.expiresAt ?? input.startsAt, timeZone, locale, 'medium')
      return {
        subject: t(locale, 'notice.offer.subject', { when: whenShort }),
        lines: [
          t(locale, 'notice.offer.lead', { practice, when }),
          t(locale, 'notice.offer.first', { until }),
          t(locale, 'notice.offer.noPressure'),
        ],
        button: t(locale, 'notice.offer.button'),
        sms: t(locale, 'notice.offer.sms', { practice, when: whenShort, until, link }),
        push: {
          title: t(locale, 'notice.offer.pushTitle'),
          body: t(locale, 'notice.offer.pushBody', { when: whenShort }),
        },
      }
    }
    case 'offer_taken':
      return {
        subject: t(locale, 'notice.taken.subject', { when: whenShort }),
        lines: [t(locale, 'notice.taken.lead', { when }), t(locale, 'notice.taken.next')],
        button: t(locale, 'notice.portalButton'),
        sms: t(locale, 'notice.taken.sms', { practice, when: whenShort }),
        push: { title: t(locale, 'notice.taken.pushTitle'), body: t(locale, 'notice.taken.pushBody') },
      }
    case 'cancelled_by_client': {
      // The written record of a cancellation the client made: the session, the fee if one applies
      // and how to ask for it to be waived, and how to find another time.
      const fee = input.fee && input.fee.cents > 0 ? formatMoney(input.fee.cents, input.fee.currency, locale) : null
      return {
        subject: t(locale, 'notice.clientCancelled.subject', { day }),
        lines: [
          t(locale, 'notice.clientCancelled.lead', { when }),
          ...(fee ? [t(locale, 'notice.clientCancelled.fee', { fee })] : []),
          t(locale, 'notice.clientCancelled.next'),
        ],
        button: t(locale, 'notice.portalButton'),
        sms: fee
          ? t(locale, 'notice.clientCancelled.smsFee', { practice, when: whenShort, fee, link })
          : t(locale, 'notice.clientCancelled.sms', { practice, when: whenShort, link }),
        push: {
          title: t(locale, 'notice.clientCancelled.pushTitle'),
          body: t(locale, 'notice.clientCancelled.pushBody'),
        },
      }
    }
    case 'fee_waiver_granted':
    case 'fee_waiver_declined': {
      const fee = input.fee ? formatMoney(input.fee.cents, input.fee.currency, locale) : ''
      const granted = input.kind === 'fee_waiver_granted'
      const talk = input.practicePhone
        ? t(locale, 'notice.waiver.talkCall', { phone: input.practicePhone })
        : t(locale, 'notice.waiver.talk')
      return {
        subject: t(locale, 'notice.waiver.subject', { day }),
        lines: granted
          ? [t(locale, 'notice.waiver.granted', { fee, when })]
          : [t(locale, 'notice.waiver.declined', { fee, when }), talk],
        button: t(locale, 'notice.portalButton'),
        sms: granted
          ? t(locale, 'notice.waiver.grantedSms', { practice, fee, when: whenShort })
          : t(locale, 'notice.waiver.declinedSms', { practice, fee, when: whenShort }),
        push: { title: t(locale, 'notice.waiver.pushTitle'), body: t(locale, 'notice.waiver.pushBody') },
      }
    }
  }
}

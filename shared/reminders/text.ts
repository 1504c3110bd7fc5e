import type { Locale, ReminderSchedule } from '../schemas/policies'
import { t } from '../i18n/reminders'
import { serviceName } from '../services'
import { formatInstant } from '../time/format'
import { type TelehealthSession, telehealthLinkShown } from '../policy/telehealth'
import type { InstantInput } from '../time/zone'
import type { ReminderKind } from './plan'

/**
 * The words of a reminder, for every channel. Private by default: anything that can show on a lock
 * screen or in a shared inbox names the practice, the date and the time, and nothing else. The
 * therapist's name, the kind of appointment and the address appear only when the practice chose
 * `detailed`; the join link only on the last reminder, inside the window the portal shows it in.
 */

export interface ReminderTextInput {
  kind: ReminderKind
  startsAt: InstantInput
  /** The client's zone. */
  timeZone: string
  locale: Locale
  practiceName: string
  detail: ReminderSchedule['detail']
  therapistName?: string | null
  type?: string | null
  /** A link into the signed-in portal, added to the email and the SMS. */
  link?: string | null
  /** The video join link, only on the last reminder inside the link's window (`reminderExtras`). */
  joinUrl?: string | null
  /** The session's address, only on the last reminder of a detailed schedule (`reminderExtras`). */
  address?: string | null
}

export interface ReminderExtrasInput {
  kind: ReminderKind
  /** No reminder of the session is planned after this one. */
  isLast: boolean
  detail: ReminderSchedule['detail']
  session: TelehealthSession & { telehealth_url?: string | null; location?: string | null }
  /** When it is being sent. */
  now: InstantInput
}

/**
 * What the last reminder of a session carries beyond the day and time: a video session's join
 * link while the portal would show it (the same rule, `telehealthLinkShown`), and an in-person
 * session's address when the practice chose detailed reminders. The booking note never does.
 */
export function reminderExtras(input: ReminderExtrasInput): { joinUrl: string | null; address: string | null } {
  const { session } = input
  if (!input.isLast || input.kind === 'booked') return { joinUrl: null, address: null }
  const url = session.telehealth_url?.trim()
  if (url) return { joinUrl: telehealthLinkShown(session, input.now) ? url : null, address: null }
  const address = session.location?.trim()
  return { joinUrl: null, address: input.detail === 'detailed' && address ? address : null }
}

export interface ReminderText {
  subject: string
  /** Plain-text paragraphs of the email body, in order. */
  lines: string[]
  sms: string
  push: { title: string; body: string }
}

export function reminderText(input: ReminderTextInput): ReminderText {
  const { kind, startsAt, timeZone, locale, detail } = input
  const practice = input.practiceName
  const detailed = detail === 'detailed'
  const therapist = detailed ? input.therapistName?.trim() : undefined
  const type = detailed && input.type?.trim() ? serviceName(input.type, locale) : undefined
  const withWhom = therapist
    ? t(locale, 'reminder.withTherapist', { therapist, practice })
    : t(locale, 'reminder.with', { practice })
  const typeLine = type ? t(locale, 'reminder.type', { type }) : null
  const linkLine = input.link ? t(locale, 'reminder.link', { link: input.link }) : null
  const joinLine = input.joinUrl ? t(locale, 'reminder.join', { link: input.joinUrl }) : null
  const address = detailed ? input.address?.trim() : undefined
  const addressLine = address ? t(locale, 'reminder.address', { address }) : null
  const withLink = (sms: string) => [sms, joinLine, addressLine, input.link].filter(Boolean).join(' ')
  const when = formatInstant(startsAt, timeZone, locale, 'long')
  const whenShort = formatInstant(startsAt, timeZone, locale, 'medium')

  if (kind === 'confirmation') {
    return {
      subject: t(locale, 'reminder.confirm.subject', { when }),
      lines: compact([
        t(locale, 'reminder.greeting'),
        t(locale, 'reminder.confirm.lead', { with: withWhom, when }),
        typeLine,
        joinLine,
        addressLine,
        t(locale, 'reminder.confirm.ask'),
        linkLine,
      ]),
      sms: withLink(t(locale, 'reminder.confirm.sms', { practice, when: whenShort })),
      push: {
        title: t(locale, 'reminder.confirm.pushTitle'),
        body: t(locale, 'reminder.confirm.pushBody', { when: whenShort, with: withWhom }),
      },
    }
  }

  if (kind === 'booked') {
    return {
      subject: t(locale, 'reminder.booked.subject', { when: whenShort }),
      lines: compact([
        t(locale, 'reminder.greeting'),
        t(locale, 'reminder.booked.lead', { with: withWhom, when }),
        typeLine,
        t(locale, 'reminder.booked.next'),
        linkLine,
      ]),
      sms: withLink(t(locale, 'reminder.booked.sms', { practice, when: whenShort })),
      push: {
        title: t(locale, 'reminder.booked.pushTitle'),
        body: t(locale, 'reminder.booked.pushBody', { when: whenShort, with: withWhom }),
      },
    }
  }

  if (kind === 'reminder') {
    return {
      subject: t(locale, 'reminder.before.subject', { when: whenShort }),
      lines: compact([
        t(locale, 'reminder.greeting'),
        t(locale, 'reminder.before.lead', { with: withWhom, when }),
        typeLine,
        joinLine,
        addressLine,
        t(locale, 'reminder.morning.help'),
        linkLine,
      ]),
      sms: withLink(t(locale, 'reminder.before.sms', { practice, when: whenShort })),
      push: {
        title: t(locale, 'reminder.before.pushTitle'),
        body: t(locale, 'reminder.before.pushBody', { when: whenShort, with: withWhom }),
      },
    }
  }

  const at = formatInstant(startsAt, timeZone, locale, 'at')
  return {
    subject: t(locale, 'reminder.morning.subject', { at }),
    lines: compact([
      t(locale, 'reminder.greeting'),
      t(locale, 'reminder.morning.lead', { with: withWhom, at }),
      typeLine,
      joinLine,
      addressLine,
      t(locale, 'reminder.morning.help'),
      linkLine,
    ]),
    sms: withLink(t(locale, 'reminder.morning.sms', { practice, at })),
    push: {
      title: t(locale, 'reminder.morning.pushTitle'),
      body: t(locale, 'reminder.morning.pushBody', { at, with: withWhom }),
    },
  }
}

function compact(lines: (string | null)[]): string[] {
  return lines.filter((line): line is string => Boolean(line))
}

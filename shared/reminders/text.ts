import type { Locale, ReminderSchedule } from '../schemas/policies'
import { t } from '../i18n/reminders'
import { serviceName } from '../services'
import { formatInstant } from '../time/format'
import type { InstantInput } from '../time/zone'
import type { ReminderKind } from './plan'

/**
 * The words of a reminder, for every channel. Private by default: anything that can show on a lock
 * screen or in a shared inbox names the practice, the date and the time, and nothing else. The
 * therapist's name and the kind of appointment appear only when the practice chose `detailed`.
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
  const withLink = (sms: string) => (input.link ? `${sms} ${input.link}` : sms)

  if (kind === 'confirmation') {
    const when = formatInstant(startsAt, timeZone, locale, 'long')
    const whenShort = formatInstant(startsAt, timeZone, locale, 'medium')
    return {
      subject: t(locale, 'reminder.confirm.subject', { when }),
      lines: compact([
        t(locale, 'reminder.greeting'),
        t(locale, 'reminder.confirm.lead', { with: withWhom, when }),
        typeLine,
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

  const at = formatInstant(startsAt, timeZone, locale, 'at')
  return {
    subject: t(locale, 'reminder.morning.subject', { at }),
    lines: compact([
      t(locale, 'reminder.greeting'),
      t(locale, 'reminder.morning.lead', { with: withWhom, at }),
      typeLine,
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

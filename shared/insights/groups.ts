import { CANCEL_REASON_CODES } from '../cancel-reasons'
import { t } from '../i18n/insights'
import type { Locale } from '../schemas/policies'
import type { InsightGrouping } from '../schemas/practice-tools'

/** The keys each insight grouping produces, their order on a chart, and their labels. */

export const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

/** Time from booking to the session. Hearth knows a booking from when the session reached it. */
export const LEAD_TIME_KEYS = ['under_2_days', '2_to_7_days', '1_to_4_weeks', 'over_4_weeks'] as const

export const CONFIRMATION_KEYS = ['confirmed', 'unconfirmed'] as const

/** How long before the session its first confirmation request went out; `none`: none did. */
export const REMINDER_TIMING_KEYS = ['under_1_day', '1_to_2_days', '2_to_3_days', '3_days_or_more', 'none'] as const

/** The reasons in the order the client sees them, then the cancellations that gave none. */
export const CANCEL_REASON_KEYS = [...CANCEL_REASON_CODES, 'not_said'] as const

const REMINDER_TIMING_LABELS = {
  under_1_day: 'insights.reminderTiming.under1Day',
  '1_to_2_days': 'insights.reminderTiming.days1To2',
  '2_to_3_days': 'insights.reminderTiming.days2To3',
  '3_days_or_more': 'insights.reminderTiming.days3OrMore',
  none: 'insights.reminderTiming.none',
} as const

const LEAD_TIME_LABELS = {
  under_2_days: 'insights.leadTime.under2Days',
  '2_to_7_days': 'insights.leadTime.days2To7',
  '1_to_4_weeks': 'insights.leadTime.weeks1To4',
  over_4_weeks: 'insights.leadTime.over4Weeks',
} as const

const CHANNEL_LABELS = {
  email: 'insights.channel.email',
  sms: 'insights.channel.sms',
  push: 'insights.channel.push',
} as const

/** A group's label; `name` is what the database knows (a therapist's name, a session type). */
export function groupLabel(grouping: InsightGrouping, key: string, locale: Locale, name?: string): string {
  switch (grouping) {
    case 'therapist':
    case 'type':
      return name ?? key
    case 'weekday': {
      // 2024-01-01 was a Monday.
      const day = new Date(Date.UTC(2024, 0, 1 + WEEKDAY_KEYS.indexOf(key as never), 12))
      const text = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day)
      return text.charAt(0).toUpperCase() + text.slice(1)
    }
    case 'hour': {
      const hour = Number(key)
      if (locale === 'en') return `${hour % 12 || 12}:00 ${hour < 12 ? 'am' : 'pm'}`
      return locale === 'fr' ? `${hour} h` : `${hour}:00`
    }
    case 'lead_time':
      return key in LEAD_TIME_LABELS ? t(locale, LEAD_TIME_LABELS[key as keyof typeof LEAD_TIME_LABELS]) : key
    case 'confirmed':
      return t(locale, key === 'confirmed' ? 'insights.confirmed' : 'insights.unconfirmed')
    case 'reminder_timing':
      return key in REMINDER_TIMING_LABELS
        ? t(locale, REMINDER_TIMING_LABELS[key as keyof typeof REMINDER_TIMING_LABELS])
        : key
    case 'cancel_reason':
      return (CANCEL_REASON_KEYS as readonly string[]).includes(key)
        ? t(locale, `insights.cancelReason.${key as (typeof CANCEL_REASON_KEYS)[number]}`)
        : key
    case 'channel': {
      if (key === 'none') return t(locale, 'insights.channel.none')
      return key
        .split('+')
        .map((c) => (c in CHANNEL_LABELS ? t(locale, CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS]) : c))
        .join(' + ')
    }
  }
}

const FIXED_ORDER: Partial<Record<InsightGrouping, readonly string[]>> = {
  weekday: WEEKDAY_KEYS,
  lead_time: LEAD_TIME_KEYS,
  confirmed: CONFIRMATION_KEYS,
  reminder_timing: REMINDER_TIMING_KEYS,
  cancel_reason: CANCEL_REASON_KEYS,
}

/** Chart order: the week from Monday, the day by hour, booking lead times from shortest, names A–Z. */
export function compareGroups(grouping: InsightGrouping) {
  const fixed = FIXED_ORDER[grouping]
  return (a: { key: string; label: string }, b: { key: string; label: string }): number => {
    if (fixed) return fixed.indexOf(a.key) - fixed.indexOf(b.key)
    if (grouping === 'hour') return Number(a.key) - Number(b.key)
    if (grouping === 'channel')
      return (a.key === 'none' ? 1 : 0) - (b.key === 'none' ? 1 : 0) || a.key.localeCompare(b.key)
    return a.label.localeCompare(b.label) || a.key.localeCompare(b.key)
  }
}

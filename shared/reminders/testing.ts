import type { ReminderTextInput } from './text'

/** The session the reminder text tests start from: Calm Waters, Tuesday 14 January at 3:00 pm in New York. */
export const CALM_WATERS_SESSION: ReminderTextInput = {
  kind: 'confirmation',
  startsAt: '2025-01-14T20:00:00Z',
  timeZone: 'America/New_York',
  locale: 'en',
  practiceName: 'Calm Waters',
  detail: 'private',
  therapistName: 'Dr. Rivera',
  type: 'Couples therapy',
}

/** How dates read in a sentence (shared/time/format.ts speaks them), in English: the source. */
export const en = {
  // How dates read in a sentence. `{weekday}`, `{month}` and friends come from Intl in the locale.
  'date.long': '{weekday} {day} {month} {at}',
  'date.medium': '{weekdayShort} {day} {monthShort} {at}',
  'date.short': '{weekdayShort} {day} {monthShort}, {time}',
  'date.day': '{weekday} {day} {month}',
  'date.weekday': '{weekday} {at}',
  // Plural on the hour (24 h) because Spanish says "a la 1:00" but "a las 15:00".
  'date.at': { one: 'at {time}', other: 'at {time}' },
  // Plural on the day of the month because French writes "1er janvier".
  'date.dayOfMonth': { one: '{count}', other: '{count}' },
} as const

import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'date.long': '{weekday} {day} de {month} {at}',
  'date.medium': '{weekdayShort} {day} {monthShort} {at}',
  'date.short': '{weekdayShort} {day} {monthShort}, {time}',
  'date.day': '{weekday} {day} de {month}',
  'date.weekday': '{weekday} {at}',
  'date.at': { one: 'a la {time}', other: 'a las {time}' },
  'date.dayOfMonth': { one: '{count}', other: '{count}' },
}

import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'date.long': '{weekday} {day} {month} {at}',
  'date.medium': '{weekdayShort} {day} {monthShort} {at}',
  'date.short': '{weekdayShort} {day} {monthShort}, {time}',
  'date.day': '{weekday} {day} {month}',
  'date.weekday': '{weekday} {at}',
  'date.at': { one: 'à {time}', other: 'à {time}' },
  'date.dayOfMonth': { one: '{count}er', other: '{count}' },
}

export {
  instantAt,
  localDate,
  localTime,
  offsetMinutes,
  toMillis,
  wallClock,
  wallMillis,
  type InstantInput,
  type LocalDate,
  type LocalTime,
  type WallClock,
} from './zone'
export { addBusinessDays, addDays, isBusinessDay, weekdayOf } from './calendar'
export { formatInstant, zoneAbbreviation, type InstantStyle } from './format'

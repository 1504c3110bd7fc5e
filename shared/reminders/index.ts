export {
  EVENING_SEND_TIME,
  LATE_SEND_MIN_LEAD_HOURS,
  QUIET_HOURS,
  isQuietHour,
  planReminders,
  reminderKey,
  type PlannedReminder,
  type ReminderKind,
  type ReminderPlanInput,
} from './plan'
export { reminderText, type ReminderText, type ReminderTextInput } from './text'

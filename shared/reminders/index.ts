export {
  EVENING_SEND_TIME,
  LATE_SEND_MIN_LEAD_HOURS,
  QUIET_HOURS,
  isQuietHour,
  planReminders,
  quietHoursOf,
  reminderKey,
  reminderStepOf,
  reminderSteps,
  type PlannedReminder,
  type ReminderKind,
  type ReminderPlanInput,
  type ReminderStepPlan,
} from './plan'
export {
  reminderExtras,
  reminderText,
  type ReminderExtrasInput,
  type ReminderText,
  type ReminderTextInput,
} from './text'

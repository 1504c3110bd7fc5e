/** Reminders, private by default (shared/reminders/text.ts speaks them), in English: the source. */
export const en = {
  'reminder.greeting': 'Hello,',
  'reminder.with': 'with {practice}',
  'reminder.withTherapist': 'with {therapist} at {practice}',
  'reminder.type': 'Appointment type: {type}',
  'reminder.link': 'Open your portal: {link}',
  'reminder.confirm.subject': 'Please confirm your appointment on {when}',
  'reminder.confirm.lead': 'Your appointment {with} is on {when}.',
  'reminder.confirm.ask':
    "Please let us know you're coming. If the time no longer works, you can cancel or reschedule in your portal.",
  'reminder.confirm.sms':
    '{practice}: please confirm your appointment on {when}. Reply YES to confirm or CANCEL to cancel.',
  'reminder.confirm.pushTitle': 'Please confirm your appointment',
  'reminder.confirm.pushBody': 'Your appointment on {when} {with}.',
  'reminder.morning.subject': 'Your appointment today {at}',
  'reminder.morning.lead': 'A reminder that your appointment {with} is today {at}.',
  'reminder.morning.help': 'If something has come up, you can let the practice know in your portal.',
  'reminder.morning.sms': '{practice}: a reminder of your appointment today {at}.',
  'reminder.morning.pushTitle': 'Your appointment today',
  'reminder.morning.pushBody': 'Today {at} {with}.',
} as const

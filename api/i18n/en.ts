/**
 * The server's own words in English, the source: the sign-in email, what portal answers say, the
 * reminder email's buttons and footer, the pages behind an email's links (api/reminders/action-*),
 * the answers to text replies (api/reminders/sms-replies.ts) and the footer of a notice email.
 * The sentences the rules speak (reminders, notices, policies) are shared/i18n's. `es.ts` and
 * `fr.ts` must have the same keys (the compiler checks) and placeholders (`i18n.test.ts`).
 */
export const en = {
  // The sign-in email: the practice's name and the code, nothing about care.
  'signin.email.subject': 'Your sign-in code for {practice}',
  'signin.email.code': 'Your sign-in code for {practice} is {code}',
  'signin.email.expiry': "It works for {minutes} minutes. If you didn't ask for it, you can ignore this email.",
  'portal.feeWaiver.received':
    "Thank you. The practice will look at your request and let you know either way. There's nothing else you need to do.",
  'portal.reschedule.received': 'Thanks. The practice will be in touch to find another time that works for you.',
  'portal.calendar.title': 'Appointment at {practice}',
  'portal.calendar.with': 'With {therapist}.',
  'portal.calendar.video': 'This is a video session: the link appears in your portal 15 minutes before the start.',
  'reminder.action.confirm': "Yes, I'll be there",
  'reminder.action.cancel': 'Cancel',
  'reminder.action.reschedule': 'Find another time',
  'reminder.action.intro': 'You can answer with one of these links:',
  'reminder.email.footer': '{practice} sends you these reminders about your appointments. Each link above works once.',
  'reminder.push.confirm': 'Confirm',
  'reminder.push.cancel': 'Cancel',

  'action.page.title': 'Your appointment with {practice}',
  'action.lead': 'Your appointment with {practice} is on {when}.',
  'action.confirm.button': "Yes, I'll be there",
  'action.confirm.done': 'Thank you. Your appointment on {when} is confirmed. See you then.',
  'action.cancel.question': 'Would you like to cancel this appointment?',
  'action.cancel.acknowledge': "I understand that cancelling now carries the practice's {fee} late-cancellation fee.",
  'action.cancel.needAcknowledge': "Please tick the box to show you've seen the fee, then cancel again.",
  'action.cancel.reason': "Anything you'd like the practice to know (optional)",
  'action.cancel.button': 'Cancel my appointment',
  'action.cancel.keep': "If you'd rather keep it, you can simply close this page.",
  'action.cancel.done':
    "Your appointment on {when} is cancelled. Whenever you're ready, the practice will be glad to help you find another time.",
  'action.reschedule.question': "Would you like to find another time? Let the practice know, and they'll get in touch.",
  'action.reschedule.note': 'Days or times that suit you (optional)',
  'action.reschedule.button': 'Ask for another time',
  'action.reschedule.done':
    'Thank you. The practice will get in touch to find another time. Your current appointment stays in place until then.',
  'action.used': "This link has already been used, so there's nothing more to do here.",
  'action.status.confirmed': 'Your appointment on {when} is confirmed.',
  'action.status.cancelled': 'Your appointment on {when} is cancelled.',
  'action.invalid':
    "This link doesn't work any more, perhaps because the appointment changed. Your newest reminder has the current details, or you can contact the practice.",
  'action.closed': "This appointment can't be changed from here any more.",
  'action.call': 'You can call the practice at {phone}.',
  'action.error': 'Something went wrong on our side. Please try again in a moment, or contact the practice.',

  'sms.confirmed': '{practice}: thank you, your appointment on {when} is confirmed.',
  'sms.alreadyConfirmed': '{practice}: your appointment on {when} is already confirmed. See you then.',
  'sms.cancelled':
    "{practice}: your appointment on {when} is cancelled. Whenever you're ready, the practice will be glad to help you find another time.",
  'sms.cancelLate': '{practice}: {policy} To see the details and cancel, open {link}',
  'sms.cancelContact': '{practice}: {policy}',
  'sms.noAppointment':
    "{practice}: we couldn't find an upcoming appointment for this number. Please contact the practice if you need anything.",
  'sms.stopped': "{practice}: you won't get any more texts from us. Reply START if you change your mind.",
  'sms.started': '{practice}: texts are back on. Reply STOP at any time to stop them.',
  'sms.help': '{practice}: appointment reminders. Reply YES to confirm, CANCEL to cancel, STOP to stop texts.',
  'sms.help.call':
    '{practice}: appointment reminders. Reply YES to confirm, CANCEL to cancel, STOP to stop texts. To reach the practice, call {phone}.',
  'sms.unclear':
    "{practice}: thank you for your message. We've passed it on to the practice, and someone will follow up.",
  'sms.distress':
    "{practice}: thank you for telling us. We've passed your message on, and someone from the practice will be in touch. {crisis}",

  // The foot of a notice email (the notice's own words are shared/notices/text.ts's).
  'notice.footer': '{practice} sent you this message through its client portal.',
} as const

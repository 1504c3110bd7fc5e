/**
 * English strings: the source dictionary. `es.ts` and `fr.ts` must have the same keys and the same
 * `{placeholders}`; the compiler checks the keys, `i18n.test.ts` checks the placeholders.
 *
 * A value is a string, or plural forms chosen with `Intl.PluralRules` on the `count` parameter.
 * Keys are grouped by where the words appear: `date.*`, `cancel.*`, `contact.*`, `crisis.*`,
 * `reminder.*`. The widget adds its screens the same way (`screen.cancel.*` and so on).
 */
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

  'cancel.free': 'You can cancel free of charge until {deadline}.',
  'cancel.free.thenFee': "After that, cancelling carries the practice's {fee} late-cancellation fee.",
  'cancel.free.thenContact': "After that, you'll need to contact the practice to cancel.",
  'cancel.late.fee':
    "This session is less than {hours} hours away, so cancelling now carries the practice's {fee} late-cancellation fee. If something serious came up, you can ask for it to be waived.",
  'cancel.late.noFee': 'This session is less than {hours} hours away, but you can still cancel here at no charge.',
  'cancel.late.call':
    "Because this session is less than {hours} hours away, please call the practice at {phone} to cancel. They'll help you find another time.",
  'cancel.late.contact':
    "Because this session is less than {hours} hours away, please contact the practice to cancel. They'll help you find another time.",
  'cancel.started.call':
    "This session has already started, so it can't be cancelled here. If you need anything, please call the practice at {phone}.",
  'cancel.started.contact':
    "This session has already started, so it can't be cancelled here. If you need anything, please contact the practice.",

  'contact.category.scheduling': 'Scheduling',
  'contact.category.resource': 'Sharing a resource',
  'contact.category.update': 'An update',
  'contact.category.homework': 'Homework',
  'contact.category.other': 'Something else',
  'contact.category.crisis': "I'm in crisis",
  // The same categories as they read after "messages about".
  'contact.topic.scheduling': 'scheduling',
  'contact.topic.resource': 'sharing a resource',
  'contact.topic.update': "updates on how you're doing",
  'contact.topic.homework': 'homework',
  'contact.topic.other': 'anything else',
  'contact.welcomes': 'Between sessions, {therapist} welcomes messages about {topics}.',
  'contact.reply.days': {
    one: '{therapist} usually replies within {count} business day.',
    other: '{therapist} usually replies within {count} business days.',
  },
  'contact.reply.none':
    "{therapist} doesn't reply to messages between sessions, but will read yours before your next session.",
  'contact.notAccepting':
    "{therapist} doesn't take messages between sessions. You can bring what's on your mind to your next session, or contact the practice about scheduling.",
  'contact.categoryNotAllowed':
    "{therapist} doesn't take this kind of message between sessions. You can bring it to your next session instead.",
  'contact.urgent': 'For anything urgent, see {helpNow}',
  'contact.helpNow': 'Need help now?',
  'contact.confidential':
    'Please write here rather than by email: this portal is the private, secure way to reach {therapist}.',
  'contact.crisis.sent':
    "Your note will go to {therapist} marked as urgent, but it may not be read right away. If you're in danger, please use the numbers above now.",

  'crisis.emergency': 'If you might act on thoughts of harming yourself or someone else, call {number} now.',
  'crisis.emergency.generic':
    'If you might act on thoughts of harming yourself or someone else, call your local emergency number now.',
  'crisis.hotline.always': 'You can {action} any time to talk to someone.',
  'crisis.hotline.hours': 'You can {action} to talk to someone ({hours}).',
  'crisis.action.call': 'call {phone}',
  'crisis.action.text': 'text {text}',
  'crisis.action.callOrText': 'call or text {phone}',
  'crisis.action.callAndText': 'call {phone} or text {text}',
  'crisis.action.visit': 'visit {url}',
  'crisis.name.emergency': 'Emergency services',

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
  // Insights for the practice (staff console charts).
  'insights.leadTime.under2Days': 'Booked less than 2 days ahead',
  'insights.leadTime.days2To7': 'Booked 2 to 7 days ahead',
  'insights.leadTime.weeks1To4': 'Booked 1 to 4 weeks ahead',
  'insights.leadTime.over4Weeks': 'Booked more than 4 weeks ahead',
  'insights.confirmed': 'Confirmed',
  'insights.unconfirmed': 'Not confirmed',
  'insights.channel.email': 'Email',
  'insights.channel.sms': 'Text message',
  'insights.channel.push': 'Notification',
  'insights.channel.none': 'No reminder reached them',
} as const

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
  // A staff invitation: who invited them, where, and the single-use link.
  'staff.invite.subject': "You're invited to {practice} on Hearth",
  'staff.invite.body': '{inviter} invited you to join {practice} on Hearth.',
  'staff.invite.link': 'Open this link to set up your account. It works once, within {days} days: {link}',
  'staff.invite.ignore': "If you weren't expecting this, you can ignore this email.",
  'portal.feeWaiver.received':
    "Thank you. The practice will look at your request and let you know either way. There's nothing else you need to do.",
  'portal.reschedule.received': 'Thanks. The practice will be in touch to find another time that works for you.',
  'portal.calendar.title': 'Appointment at {practice}',
  'portal.reschedule.held':
    "Thanks. We're keeping that time for you until {until}, and the practice will confirm it. We'll let you know either way.",
  'portal.video.not_open': 'Only an upcoming session can be switched to video.',
  'portal.video.started': "This session has already started, so it can't be switched to video from here.",
  'portal.video.practice_off': 'The practice would like you to get in touch to change how you meet.',
  'portal.video.no_video_room': "Video isn't set up for this session. Please get in touch with the practice.",
  'portal.video.not_offered': "Video isn't offered at this time. Please get in touch with the practice.",
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
  'action.cancel.why': "If you'd like to say why — it helps the practice, and you don't have to.",
  'cancelReason.skip': "I'd rather not say",
  'cancelReason.transportation': 'Getting there is hard',
  'cancelReason.childcare': 'Childcare',
  'cancelReason.work': 'Work',
  'cancelReason.illness': "I'm unwell",
  'cancelReason.cost': 'Cost',
  'cancelReason.forgot': 'I forgot about it',
  'cancelReason.not_up_to_it': "I'm not up to it today",
  'cancelReason.weather': 'The weather',
  'cancelReason.other': 'Something else',
  'action.cancel.reason': "Anything you'd like the practice to know (optional)",
  'action.cancel.button': 'Cancel my appointment',
  'action.cancel.keep': 'Keep my appointment',
  'action.cancel.askWaiver': 'Ask for the fee to be waived',
  'action.portal': 'Open my portal',
  'action.cancel.next': "Whenever you're ready, the practice will be glad to help you find another time.",
  'action.video.offer': 'Could a video session help? Keep your time and join by video — no fee, nothing else changes.',
  'action.video.button': 'Switch to video',
  'action.video.cancelAnyway': 'No thanks, cancel my appointment',
  'action.video.done': 'Done. Your appointment on {when} is now by video, at the same time.',
  'action.video.link': 'The link to join will be in your portal.',
  'action.reschedule.question': "Would you like to find another time? Let the practice know, and they'll get in touch.",
  'action.reschedule.note': 'Days or times that suit you (optional)',
  'action.reschedule.pick': 'Choose a new time',
  'action.reschedule.orAsk': "Or, if none of the free times suit you, ask the practice and they'll get in touch.",
  'action.reschedule.button': 'Ask for another time',
  'action.reschedule.done':
    'Thank you. The practice will get in touch to find another time. Your current appointment stays in place until then.',
  'action.reschedule.move': 'Move my appointment to this time',
  'action.reschedule.askFor': 'Ask for this time',
  'action.reschedule.none': 'There are no free times to choose from right now.',
  'action.reschedule.more': 'See more times in my portal',
  'action.reschedule.moved': 'Done. Your appointment is now on {when}.',
  'action.reschedule.movedNext': 'Your reminders will follow the new time.',
  'action.reschedule.requested': 'Thank you. You asked for {when}.',
  'action.reschedule.taken': 'Someone else has just taken that time. Here are the times still free.',
  'action.reschedule.pickOne': 'Please choose one of the times, or ask the practice below.',
  'action.reschedule.acknowledge':
    "I understand that moving it now carries the practice's {fee} late-cancellation fee.",
  'action.reschedule.needAcknowledge': "Please tick the box to show you've seen the fee, then choose your time again.",
  'action.used': "This link has already been used, so there's nothing more to do here.",
  'action.status.confirmed': 'Your appointment on {when} is confirmed.',
  'action.status.cancelled': 'Your appointment on {when} is cancelled.',
  'action.invalid':
    "This link doesn't work any more, perhaps because the appointment changed. Your newest reminder has the current details, or you can contact the practice.",
  'action.closed': "This appointment can't be changed from here any more.",
  'action.call': 'You can call the practice at {phone}.',
  'action.crisis.call': 'Call {number}',
  'action.crisis.text': 'Text {number}',
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
  'sms.distress':
    "{practice}: {crisis} Thank you for telling us. We've passed your message on, and someone from the practice will be in touch.",
  'sms.move':
    "{practice}: of course. To find another time, open {link} Your appointment on {when} stays in place until it's moved.",
  'sms.late': "{practice}: thank you for letting us know. We've told your therapist you're on your way.",
  'sms.nervous':
    "{practice}: thank you for telling us — feeling nervous before a session is very common. We've let your therapist know, and they may give you a quick call beforehand. {crisis}",
  'sms.nervous.noSession':
    "{practice}: thank you for telling us — feeling nervous is very common. We've passed your message on, and someone from the practice will be in touch. {crisis}",
  'sms.unclear':
    "{practice}: thank you for your message. We've passed it on to the practice, and someone will follow up.",
  'sms.received.days': {
    one: "{practice}: thank you for your message. It's with your therapist, who usually replies within {count} business day. For anything urgent, call {phone}.",
    other:
      "{practice}: thank you for your message. It's with your therapist, who usually replies within {count} business days. For anything urgent, call {phone}.",
  },
  'sms.received.daysNoPhone': {
    one: "{practice}: thank you for your message. It's with your therapist, who usually replies within {count} business day.",
    other:
      "{practice}: thank you for your message. It's with your therapist, who usually replies within {count} business days.",
  },
  'sms.received.none':
    "{practice}: thank you for your message. It's with your therapist, who doesn't reply between sessions but will read it before your next one.",
  'sms.received.auto': '{practice}: thank you for your message. {autoReply}',

  // The foot of a notice email (the notice's own words are shared/notices/text.ts's).
  'notice.footer': '{practice} sent you this message through its client portal.',

  // Pages to the practice's staff about an urgent alert: no client words; no client name by text or push.
  'page.urgent.subject': "Urgent: a client's message is waiting in Hearth",
  'page.urgent.lead': "Urgent: a client's message is waiting in Hearth. Please open it as soon as you can.",
  'page.urgent.sms': "Urgent: a client's message is waiting in Hearth. Open the console: {link}",
  'page.urgent.pushBody': 'Tap to open it in the console.',
  'page.escalation.subject': 'Urgent: nobody has opened a client’s message yet',
  'page.escalation.lead': {
    one: 'Nobody has opened an urgent message from a client in {count} minute. Please check it now.',
    other: 'Nobody has opened an urgent message from a client in {count} minutes. Please check it now.',
  },
  'page.escalation.sms': {
    one: 'Nobody has opened an urgent message from a client in {count} minute. Please check it now: {link}',
    other: 'Nobody has opened an urgent message from a client in {count} minutes. Please check it now: {link}',
  },
  'page.button': 'Open the console',
  'page.footer': 'Hearth sends these pages for {practice}. Choose how you get them in the console.',
  // Emails to the practice's own people (api/staff-notices): never a client's words or name.
  'staffNotice.message.subject': 'A new message from a client is waiting in Hearth',
  'staffNotice.message.lead': 'A client has written to you. You can read it in the console.',
  'staffNotice.hourly.subject': {
    one: 'A new message from a client is waiting in Hearth',
    other: 'New messages from clients are waiting in Hearth',
  },
  'staffNotice.hourly.lead': {
    one: '{count} conversation has a new message from a client since your last update. You can read it in the console.',
    other:
      '{count} conversations have new messages from clients since your last update. You can read them in the console.',
  },
  'staffNotice.digest.subject': {
    one: 'This morning in Hearth: 1 alert is open',
    other: 'This morning in Hearth: {count} alerts are open',
  },
  'staffNotice.digest.lead': 'Good morning. These are still waiting for someone at {practice}:',
  'staffNotice.digest.line': '{kind}: open {age}',
  'staffNotice.age.minutes': { one: 'for {count} minute', other: 'for {count} minutes' },
  'staffNotice.age.hours': { one: 'for {count} hour', other: 'for {count} hours' },
  'staffNotice.age.days': { one: 'for {count} day', other: 'for {count} days' },
  'staffNotice.inbox': 'Open the inbox',
  'staffNotice.alerts': 'Open the alerts',
  'staffNotice.footer':
    'Hearth sends these emails for {practice}. You can choose which you get, and how often, in the console.',
  'alertKind.crisis_message': 'Crisis message',
  'alertKind.distress_reply': 'A text that sounds like distress',
  'alertKind.late_cancellation': 'Late cancellation',
  'alertKind.series_cancellation': 'Several sessions cancelled',
  'alertKind.unclear_reply': "A text we couldn't understand",
  'alertKind.delivery_failed': 'Reminder bounced',
  'alertKind.reminder_failed': "Reminder couldn't be sent",
  'alertKind.no_show': 'Missed session',
  'alertKind.reschedule_request': 'Asks for another time',
  'alertKind.fee_waiver_request': 'Asks for a fee to be waived',
  'alertKind.switched_to_video': 'Switched a session to video',
  'alertKind.sync_problem': "Couldn't bring a session in",
  'alertKind.webhook_failing': 'A webhook endpoint was paused',
  'alertKind.other': 'Something that needs a person',
} as const

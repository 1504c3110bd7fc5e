/** Notes Hearth sends a client on its own (shared/notices/text.ts speaks them), in English: the source. */
export const en = {
  // Notes Hearth sends a client on its own (api/notices): a missed session, a freed time offered
  // from the cancellation list, and the answer about a late-cancellation fee. Private like reminders.
  'notice.missed.subject': "We missed you on {day}, and that's okay",
  'notice.missed.lead': "We missed you at your appointment on {when}, and that's okay. Things come up.",
  'notice.missed.ask':
    "Would you like to find another time? You can ask in your portal and add a note if you like. There's no need to explain.",
  'notice.missed.button': 'Find another time',
  'notice.missed.sms':
    "{practice}: we missed you on {when}, and that's okay. If you'd like another time, you can ask here: {link}",
  'notice.missed.pushTitle': "We missed you, and that's okay",
  'notice.missed.pushBody': 'Tap to find another time, whenever suits you.',
  'notice.offer.subject': 'A time opened up: {when}',
  'notice.offer.lead': 'A time has opened up with {practice}: {when}. You asked to hear about times like this.',
  'notice.offer.first':
    "We're letting a few people on the cancellation list know, and the first to take it gets it. It's open until {until}.",
  'notice.offer.noPressure': "If it doesn't suit you, there's nothing you need to do.",
  'notice.offer.button': 'Take this time',
  'notice.offer.sms':
    '{practice}: a time opened up on {when}. The first to take it gets it (open until {until}): {link}',
  'notice.offer.pushTitle': 'A time opened up',
  'notice.offer.pushBody': '{when}. Tap to take it.',
  'notice.taken.subject': 'The time on {when} has been taken',
  'notice.taken.lead': "The time on {when} was taken before you got to it. We're sorry it didn't work out this time.",
  'notice.taken.next': "You're still on the cancellation list, and we'll let you know when another time opens up.",
  'notice.taken.sms':
    "{practice}: the time on {when} has been taken. You're still on the list, and we'll let you know about the next one.",
  'notice.taken.pushTitle': 'That time has been taken',
  'notice.taken.pushBody': "You're still on the list for the next one.",
  'notice.waiver.subject': 'About the fee for your appointment on {day}',
  'notice.waiver.granted':
    "Good news: the practice has waived the {fee} late-cancellation fee for your appointment on {when}. There's nothing more you need to do.",
  'notice.waiver.declined':
    "The practice has looked at your request about the {fee} late-cancellation fee for your appointment on {when}, and isn't able to waive it this time.",
  'notice.waiver.talkCall': "If you'd like to talk it over, you can call the practice at {phone}.",
  'notice.waiver.talk': "If you'd like to talk it over, you can contact the practice.",
  'notice.waiver.grantedSms':
    '{practice}: the {fee} late-cancellation fee for your appointment on {when} has been waived.',
  'notice.waiver.declinedSms':
    "{practice}: the practice isn't able to waive the {fee} late-cancellation fee for your appointment on {when} this time.",
  'notice.waiver.pushTitle': 'About your appointment',
  'notice.waiver.pushBody': 'The practice has answered your request about the late-cancellation fee.',
  'notice.reply.subject': 'You have a new message from {practice}',
  'notice.reply.lead': 'You have a new message from {practice}. You can read it in your portal.',
  'notice.reply.button': 'Read your message',
  'notice.reply.sms': '{practice}: you have a new message. You can read it in your portal: {link}',
  'notice.reply.pushTitle': 'You have a new message',
  'notice.reply.pushBody': 'Tap to read it in your portal.',
  'notice.moved.subject': 'Your appointment has moved to {when}',
  'notice.moved.lead': 'Your appointment has moved to {when}.',
  'notice.moved.other': "If that time doesn't work, you can choose another or ask the practice.",
  'notice.moved.button': 'See your appointment',
  'notice.moved.sms':
    "{practice}: your appointment has moved to {when}. If that doesn't work, you can choose another: {link}",
  'notice.moved.pushTitle': 'Your appointment has moved',
  'notice.moved.pushBody': 'New time: {when}.',
  'notice.cancelled.subject': 'Your appointment on {day} is cancelled',
  'notice.cancelled.lead': 'The practice has cancelled your appointment on {when}.',
  'notice.cancelled.next':
    "Whenever you're ready, you can find another time in your portal, or ask the practice to help.",
  'notice.cancelled.button': 'Find another time',
  'notice.cancelled.sms': '{practice}: your appointment on {when} is cancelled. To find another time: {link}',
  'notice.cancelled.pushTitle': 'Your appointment is cancelled',
  'notice.cancelled.pushBody': 'Tap to find another time.',
  'notice.rescheduled.subject': 'Your appointment has moved to {when}',
  'notice.rescheduled.lead': 'Your appointment is now on {when}.',
  'notice.rescheduled.reminders':
    "Your reminders have moved with it. If that time doesn't work after all, you can choose another in your portal.",
  'notice.rescheduled.sms': '{practice}: your appointment is now on {when}. Details: {link}',
  'notice.rescheduled.pushTitle': 'Your appointment has moved',
  'notice.rescheduled.pushBody': '{when}',
  'notice.declined.subject': 'About the new time you asked for',
  'notice.declined.lead':
    "The practice wasn't able to move your appointment to the time you asked for, so it stays on {when}.",
  'notice.declined.next': "You can choose another time in your portal, or ask the practice and they'll help.",
  'notice.declined.sms':
    "{practice}: we couldn't move your appointment, so it stays on {when}. You can pick another time: {link}",
  'notice.declined.pushTitle': 'About your appointment',
  'notice.declined.pushBody': 'It stays at its time. Tap to choose another.',
  'notice.expired.lead':
    "The practice couldn't answer your request in time, so the time you asked for is no longer held for you. Your appointment stays on {when}.",
  'notice.expired.sms':
    "{practice}: we couldn't answer your request in time, so your appointment stays on {when}. You can pick another time: {link}",
  'notice.booked.subject': 'Your new appointment: {when}',
  'notice.booked.lead': 'Your new appointment is booked for {when}.',
  'notice.booked.reminders':
    "You'll get reminders before it. If that time doesn't work after all, you can choose another in your portal.",
  'notice.booked.sms': '{practice}: your new appointment is booked for {when}. Details: {link}',
  'notice.booked.pushTitle': 'Your new appointment is booked',
  'notice.clientCancelled.subject': 'Your appointment on {day} is cancelled',
  'notice.clientCancelled.lead': 'Your appointment on {when} is cancelled, as you asked.',
  'notice.clientCancelled.fee':
    "Because it was cancelled late, the practice's {fee} late-cancellation fee applies. If something serious came up, you can ask for it to be waived in your portal.",
  'notice.clientCancelled.next':
    "Whenever you're ready, you can find another time in your portal, or join the cancellation list to hear about earlier times.",
  'notice.clientCancelled.sms': '{practice}: your appointment on {when} is cancelled. To find another time: {link}',
  'notice.clientCancelled.smsFee':
    '{practice}: your appointment on {when} is cancelled. The {fee} late-cancellation fee applies; you can ask for it to be waived: {link}',
  'notice.clientCancelled.pushTitle': 'Your appointment is cancelled',
  'notice.clientCancelled.pushBody': 'Tap to see the details or find another time.',
  'notice.portalButton': 'Open your portal',
} as const

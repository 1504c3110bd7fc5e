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
  'notice.portalButton': 'Open your portal',
} as const

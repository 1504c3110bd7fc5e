/** The practice's rule for moving a session, as the client reads it before choosing a time (shared/policy/reschedule.ts speaks them), in English: the source. */
export const en = {
  'reschedule.instant': 'Choose a time that suits you and your session moves straight away.',
  'reschedule.request':
    "Choose a time that suits you and the practice will confirm it. We'll keep that time for you meanwhile.",
  'reschedule.late.request':
    "This session is less than {hours} hours away, so the practice will confirm the new time. We'll keep the time you choose for you meanwhile.",
  'reschedule.late.fee':
    "This session is less than {hours} hours away, so moving it now counts as a late cancellation and carries the practice's {fee} late-cancellation fee.",
  'reschedule.late.call':
    "Because this session is less than {hours} hours away, please call the practice at {phone} to move it. They'll help you find another time.",
  'reschedule.late.contact':
    "Because this session is less than {hours} hours away, please contact the practice to move it. They'll help you find another time.",
  'reschedule.off.call':
    "To move this session, please call the practice at {phone}. They'll help you find another time.",
  'reschedule.off.contact': "To move this session, please contact the practice. They'll help you find another time.",
  'reschedule.started': "This session has already started, so it can't be moved from here.",
  'reschedule.again.book': 'Choose a time that suits you and your new session is booked straight away.',
  'reschedule.again.ask': "Tell the practice what suits you and they'll find a new time with you.",
  'reschedule.again.askCall':
    "Tell the practice what suits you, or call them at {phone}, and they'll find a new time with you.",
  'reschedule.again.notMissed': 'Only a missed session can be booked again from here.',
} as const

/** The cancellation rule as the client reads it before acting (shared/policy/cancellation.ts speaks them), in English: the source. */
export const en = {
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
} as const

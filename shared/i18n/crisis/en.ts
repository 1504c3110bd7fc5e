/** What to do now, whenever a client might be in crisis (shared/crisis.ts speaks them), in English: the source. */
export const en = {
  'crisis.helpNow': 'Need help now?',

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
  // Known services, by their own names; a note says when a line also speaks another language.
  'crisis.name.us988': '988 Suicide & Crisis Lifeline',
  'crisis.name.ca988': '9-8-8: Suicide Crisis Helpline (in English or French)',
  'crisis.name.samaritans': 'Samaritans',
  'crisis.name.auLifeline': 'Lifeline',
  'crisis.name.nz1737': '1737, Need to talk?',
  'crisis.name.fr3114': '3114 – French national suicide prevention line (in French)',
  'crisis.name.es024': '024 – Spanish suicide prevention line (in Spanish)',
  'crisis.hours.always': '24/7',
} as const

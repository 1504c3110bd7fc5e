/** A therapist's contact policy as the client reads it before writing (shared/policy/contact.ts speaks them), in English: the source. */
export const en = {
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
  'contact.confidential':
    'Please write here rather than by email: this portal is the private, secure way to reach {therapist}.',
  'contact.crisis.sent':
    "Your note will go to {therapist} marked as urgent, but it may not be read right away. If you're in danger, please use the numbers above now.",
} as const

import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'contact.category.scheduling': 'Rendez-vous',
  'contact.category.resource': 'Partager une ressource',
  'contact.category.update': 'Donner des nouvelles',
  'contact.category.homework': 'Exercices',
  'contact.category.other': 'Autre chose',
  'contact.category.crisis': 'Je suis en crise',
  'contact.topic.scheduling': 'vos rendez-vous',
  'contact.topic.resource': 'une ressource à partager',
  'contact.topic.update': 'de vos nouvelles',
  'contact.topic.homework': 'vos exercices',
  'contact.topic.other': 'tout autre sujet',
  'contact.welcomes': 'Entre les séances, {therapist} reçoit volontiers vos messages concernant {topics}.',
  'contact.reply.days': {
    one: '{therapist} répond généralement sous {count} jour ouvré.',
    other: '{therapist} répond généralement sous {count} jours ouvrés.',
  },
  'contact.reply.none':
    '{therapist} ne répond pas aux messages entre les séances, mais lira le vôtre avant votre prochaine séance.',
  'contact.notAccepting':
    '{therapist} ne reçoit pas de messages entre les séances. Vous pourrez parler de ce qui vous préoccupe lors de votre prochaine séance, ou contacter le cabinet pour vos rendez-vous.',
  'contact.categoryNotAllowed':
    '{therapist} ne reçoit pas ce type de message entre les séances. Vous pourrez en parler lors de votre prochaine séance.',
  'contact.urgent': 'Pour toute urgence, consultez « {helpNow} ».',
  'contact.confidential':
    "Merci d'écrire ici plutôt que par e-mail : ce portail est le moyen confidentiel et sécurisé de joindre {therapist}.",
  'contact.crisis.sent':
    'Votre message sera transmis à {therapist} et signalé comme urgent, mais il ne sera peut-être pas lu tout de suite. Si vous êtes en danger, utilisez dès maintenant les numéros ci-dessus.',
}

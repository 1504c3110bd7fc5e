import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'reminder.greeting': 'Bonjour,',
  'reminder.with': 'avec {practice}',
  'reminder.withTherapist': 'avec {therapist} chez {practice}',
  'reminder.type': 'Type de rendez-vous : {type}',
  'reminder.link': 'Accéder à votre portail : {link}',
  'reminder.confirm.subject': 'Merci de confirmer votre rendez-vous du {when}',
  'reminder.confirm.lead': 'Votre rendez-vous {with} est prévu le {when}.',
  'reminder.confirm.ask':
    "Merci de nous confirmer votre venue. Si l'horaire ne vous convient plus, vous pouvez annuler ou déplacer le rendez-vous depuis votre portail.",
  'reminder.confirm.sms':
    '{practice} : merci de confirmer votre rendez-vous du {when}. Répondez OUI pour confirmer ou ANNULER pour annuler.',
  'reminder.confirm.pushTitle': 'Merci de confirmer votre rendez-vous',
  'reminder.confirm.pushBody': 'Votre rendez-vous du {when} {with}.',
  'reminder.morning.subject': "Votre rendez-vous aujourd'hui {at}",
  'reminder.morning.lead': "Petit rappel : votre rendez-vous {with} a lieu aujourd'hui {at}.",
  'reminder.morning.help': "En cas d'imprévu, vous pouvez prévenir le cabinet depuis votre portail.",
  'reminder.morning.sms': "{practice} : rappel de votre rendez-vous aujourd'hui {at}.",
  'reminder.morning.pushTitle': "Votre rendez-vous aujourd'hui",
  'reminder.morning.pushBody': "Aujourd'hui {at} {with}.",
  'reminder.before.subject': 'Votre rendez-vous du {when}',
  'reminder.before.lead': 'Petit rappel : votre rendez-vous {with} est prévu le {when}.',
  'reminder.before.sms': '{practice} : rappel de votre rendez-vous du {when}.',
  'reminder.before.pushTitle': 'Votre rendez-vous approche',
  'reminder.before.pushBody': '{when} {with}.',
  'reminder.booked.subject': 'Votre rendez-vous du {when} est réservé',
  'reminder.booked.lead': 'Votre rendez-vous {with} est réservé pour le {when}.',
  'reminder.booked.next':
    "Nous vous enverrons un rappel avant. Si l'horaire ne vous convient pas, vous pouvez le modifier depuis votre portail.",
  'reminder.booked.sms': '{practice} : votre rendez-vous du {when} est réservé.',
  'reminder.booked.pushTitle': 'Votre rendez-vous est réservé',
  'reminder.booked.pushBody': '{when} {with}.',
  'reminder.join': 'Rejoindre la visio : {link}',
  'reminder.address': 'Adresse : {address}',
}

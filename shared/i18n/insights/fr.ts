import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'insights.leadTime.under2Days': 'Réservé moins de 2 jours avant',
  'insights.leadTime.days2To7': 'Réservé 2 à 7 jours avant',
  'insights.leadTime.weeks1To4': 'Réservé 1 à 4 semaines avant',
  'insights.leadTime.over4Weeks': 'Réservé plus de 4 semaines avant',
  'insights.confirmed': 'Confirmé',
  'insights.unconfirmed': 'Non confirmé',
  'insights.channel.email': 'E-mail',
  'insights.channel.sms': 'SMS',
  'insights.channel.push': 'Notification',
  'insights.channel.none': 'Aucun rappel reçu',
}

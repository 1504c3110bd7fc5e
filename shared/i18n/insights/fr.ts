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
  'insights.reminderTiming.under1Day': 'Confirmation demandée moins d’un jour avant',
  'insights.reminderTiming.days1To2': 'Demandée 1 à 2 jours avant',
  'insights.reminderTiming.days2To3': 'Demandée 2 à 3 jours avant',
  'insights.reminderTiming.days3OrMore': 'Demandée 3 jours ou plus avant',
  'insights.reminderTiming.none': 'Aucune demande de confirmation envoyée',
  'insights.cancelReason.transportation': 'Le trajet',
  'insights.cancelReason.childcare': 'La garde des enfants',
  'insights.cancelReason.work': 'Le travail',
  'insights.cancelReason.illness': 'La maladie',
  'insights.cancelReason.cost': 'Le coût',
  'insights.cancelReason.forgot': 'Un oubli',
  'insights.cancelReason.not_up_to_it': 'Pas la force',
  'insights.cancelReason.weather': 'La météo',
  'insights.cancelReason.other': 'Autre chose',
  'insights.cancelReason.not_said': 'A préféré ne pas le dire',
}

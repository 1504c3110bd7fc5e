import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous". */
export const fr: Translation<typeof en> = {
  'reschedule.instant': 'Choisissez l’horaire qui vous convient et votre séance est déplacée aussitôt.',
  'reschedule.request':
    'Choisissez l’horaire qui vous convient et le cabinet le confirmera. Nous vous le réservons en attendant.',
  'reschedule.late.request':
    'Cette séance a lieu dans moins de {hours} heures, le cabinet confirmera donc le nouvel horaire. Nous vous réservons l’horaire choisi en attendant.',
  'reschedule.late.fee':
    'Cette séance a lieu dans moins de {hours} heures : la déplacer maintenant compte comme une annulation tardive et entraîne les frais de {fee} du cabinet.',
  'reschedule.late.call':
    'Cette séance a lieu dans moins de {hours} heures : pour la déplacer, appelez le cabinet au {phone}. On vous aidera à trouver un autre horaire.',
  'reschedule.late.contact':
    'Cette séance a lieu dans moins de {hours} heures : pour la déplacer, contactez le cabinet. On vous aidera à trouver un autre horaire.',
  'reschedule.off.call':
    'Pour déplacer cette séance, appelez le cabinet au {phone}. On vous aidera à trouver un autre horaire.',
  'reschedule.off.contact':
    'Pour déplacer cette séance, contactez le cabinet. On vous aidera à trouver un autre horaire.',
  'reschedule.started': 'Cette séance a déjà commencé : elle ne peut plus être déplacée d’ici.',
  'reschedule.again.book': 'Choisissez un horaire qui vous convient : votre nouvelle séance est réservée aussitôt.',
  'reschedule.again.ask': 'Dites au cabinet ce qui vous convient, il trouvera avec vous un nouvel horaire.',
  'reschedule.again.askCall':
    'Dites au cabinet ce qui vous convient, ou appelez-le au {phone}, il trouvera avec vous un nouvel horaire.',
  'reschedule.again.notMissed': 'Seule une séance manquée peut être réservée à nouveau ici.',
}

import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'cancel.free': "Vous pouvez annuler sans frais jusqu'au {deadline}.",
  'cancel.free.thenFee': 'Passé ce délai, le cabinet facture {fee} pour une annulation tardive.',
  'cancel.free.thenContact': 'Passé ce délai, il faudra contacter le cabinet pour annuler.',
  'cancel.late.fee':
    'Cette séance a lieu dans moins de {hours} heures : si vous annulez maintenant, le cabinet facturera {fee} pour annulation tardive. Si vous avez eu un empêchement sérieux, vous pouvez demander une exonération de ces frais.',
  'cancel.late.noFee':
    "Cette séance a lieu dans moins de {hours} heures, mais vous pouvez encore l'annuler ici sans frais.",
  'cancel.late.call':
    "Cette séance ayant lieu dans moins de {hours} heures, merci d'appeler le cabinet au {phone} pour l'annuler. On vous aidera à trouver un autre créneau.",
  'cancel.late.contact':
    "Cette séance ayant lieu dans moins de {hours} heures, merci de contacter le cabinet pour l'annuler. On vous aidera à trouver un autre créneau.",
  'cancel.started.call':
    'Cette séance a déjà commencé : elle ne peut plus être annulée ici. Si vous avez besoin de quoi que ce soit, appelez le cabinet au {phone}.',
  'cancel.started.contact':
    'Cette séance a déjà commencé : elle ne peut plus être annulée ici. Si vous avez besoin de quoi que ce soit, contactez le cabinet.',
}

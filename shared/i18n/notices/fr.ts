import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'notice.missed.subject': 'Vous nous avez manqué le {day}, et ce n’est pas grave',
  'notice.missed.lead': 'Vous nous avez manqué lors de votre rendez-vous du {when}, et ce n’est pas grave. Ça arrive.',
  'notice.missed.ask':
    'Souhaitez-vous trouver un autre horaire ? Vous pouvez le demander dans votre portail et ajouter un mot si vous le souhaitez. Aucune explication n’est nécessaire.',
  'notice.missed.button': 'Trouver un autre horaire',
  'notice.missed.sms':
    '{practice} : vous nous avez manqué le {when}, et ce n’est pas grave. Pour un autre horaire, vous pouvez le demander ici : {link}',
  'notice.missed.pushTitle': 'Vous nous avez manqué, et ce n’est pas grave',
  'notice.missed.pushBody': 'Touchez pour trouver un autre horaire, quand cela vous convient.',
  'notice.offer.subject': 'Un horaire s’est libéré : {when}',
  'notice.offer.lead':
    'Un horaire s’est libéré chez {practice} : {when}. Vous avez demandé à être prévenu(e) de ce genre d’horaire.',
  'notice.offer.first':
    'Nous prévenons quelques personnes de la liste d’attente, et la première à l’accepter l’obtient. Il reste disponible jusqu’au {until}.',
  'notice.offer.noPressure': 'S’il ne vous convient pas, vous n’avez rien à faire.',
  'notice.offer.button': 'Prendre cet horaire',
  'notice.offer.sms':
    '{practice} : un horaire s’est libéré le {when}. La première personne à l’accepter l’obtient (jusqu’au {until}) : {link}',
  'notice.offer.pushTitle': 'Un horaire s’est libéré',
  'notice.offer.pushBody': '{when}. Touchez pour le prendre.',
  'notice.taken.subject': 'L’horaire du {when} a été pris',
  'notice.taken.lead':
    'L’horaire du {when} a été pris avant vous. Nous sommes désolés que cela n’ait pas pu se faire cette fois.',
  'notice.taken.next':
    'Vous restez sur la liste d’attente, et nous vous préviendrons quand un autre horaire se libérera.',
  'notice.taken.sms':
    '{practice} : l’horaire du {when} a été pris. Vous restez sur la liste, et nous vous préviendrons du prochain.',
  'notice.taken.pushTitle': 'Cet horaire a été pris',
  'notice.taken.pushBody': 'Vous restez sur la liste pour le prochain.',
  'notice.waiver.subject': 'À propos des frais de votre rendez-vous du {day}',
  'notice.waiver.granted':
    'Bonne nouvelle : le cabinet a annulé les frais d’annulation tardive de {fee} pour votre rendez-vous du {when}. Vous n’avez rien d’autre à faire.',
  'notice.waiver.declined':
    'Le cabinet a examiné votre demande concernant les frais d’annulation tardive de {fee} pour votre rendez-vous du {when}, et ne peut pas les annuler cette fois.',
  'notice.waiver.talkCall': 'Si vous souhaitez en parler, vous pouvez appeler le cabinet au {phone}.',
  'notice.waiver.talk': 'Si vous souhaitez en parler, vous pouvez contacter le cabinet.',
  'notice.waiver.grantedSms':
    '{practice} : les frais d’annulation tardive de {fee} pour votre rendez-vous du {when} ont été annulés.',
  'notice.waiver.declinedSms':
    '{practice} : le cabinet ne peut pas annuler cette fois les frais d’annulation tardive de {fee} pour votre rendez-vous du {when}.',
  'notice.waiver.pushTitle': 'À propos de votre rendez-vous',
  'notice.waiver.pushBody': 'Le cabinet a répondu à votre demande concernant les frais d’annulation tardive.',
  'notice.portalButton': 'Ouvrir votre portail',
}

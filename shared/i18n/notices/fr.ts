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
  'notice.reply.subject': 'Vous avez un nouveau message de {practice}',
  'notice.reply.lead': 'Vous avez un nouveau message de {practice}. Vous pouvez le lire dans votre portail.',
  'notice.reply.button': 'Lire votre message',
  'notice.reply.sms': '{practice} : vous avez un nouveau message. Vous pouvez le lire dans votre portail : {link}',
  'notice.reply.pushTitle': 'Vous avez un nouveau message',
  'notice.reply.pushBody': 'Touchez pour le lire dans votre portail.',
  'notice.moved.subject': 'Votre rendez-vous est déplacé au {when}',
  'notice.moved.lead': 'Votre rendez-vous est déplacé au {when}.',
  'notice.moved.other': 'Si cet horaire ne vous convient pas, vous pouvez en choisir un autre ou demander au cabinet.',
  'notice.moved.button': 'Voir votre rendez-vous',
  'notice.moved.sms':
    '{practice} : votre rendez-vous est déplacé au {when}. Sinon, vous pouvez en choisir un autre : {link}',
  'notice.moved.pushTitle': 'Votre rendez-vous est déplacé',
  'notice.moved.pushBody': 'Nouvel horaire : {when}.',
  'notice.cancelled.subject': 'Votre rendez-vous du {day} est annulé',
  'notice.cancelled.lead': 'Le cabinet a annulé votre rendez-vous du {when}.',
  'notice.cancelled.next':
    "Quand vous le souhaitez, vous pouvez trouver un autre horaire dans votre portail, ou demander l'aide du cabinet.",
  'notice.cancelled.button': 'Trouver un autre horaire',
  'notice.cancelled.sms': '{practice} : votre rendez-vous du {when} est annulé. Pour trouver un autre horaire : {link}',
  'notice.cancelled.pushTitle': 'Votre rendez-vous est annulé',
  'notice.cancelled.pushBody': 'Touchez pour trouver un autre horaire.',
  'notice.rescheduled.subject': 'Votre rendez-vous est déplacé au {when}',
  'notice.rescheduled.lead': 'Votre rendez-vous a maintenant lieu le {when}.',
  'notice.rescheduled.reminders':
    'Vos rappels ont été déplacés avec lui. Si cet horaire ne vous convient finalement pas, vous pouvez en choisir un autre dans votre portail.',
  'notice.rescheduled.sms': '{practice} : votre rendez-vous a maintenant lieu le {when}. Détails : {link}',
  'notice.rescheduled.pushTitle': 'Votre rendez-vous est déplacé',
  'notice.rescheduled.pushBody': '{when}',
  'notice.declined.subject': 'À propos du nouvel horaire demandé',
  'notice.declined.lead': 'Le cabinet n’a pas pu déplacer votre rendez-vous à l’horaire demandé : il reste le {when}.',
  'notice.declined.next': 'Vous pouvez choisir un autre horaire dans votre portail, ou demander de l’aide au cabinet.',
  'notice.declined.sms':
    '{practice} : nous n’avons pas pu déplacer votre rendez-vous, il reste le {when}. Choisir un autre horaire : {link}',
  'notice.declined.pushTitle': 'À propos de votre rendez-vous',
  'notice.declined.pushBody': 'Il reste à son horaire. Touchez pour en choisir un autre.',
  'notice.expired.lead':
    'Le cabinet n’a pas pu répondre à temps à votre demande : l’horaire demandé n’est plus réservé pour vous. Votre rendez-vous reste le {when}.',
  'notice.expired.sms':
    '{practice} : nous n’avons pas pu répondre à temps, votre rendez-vous reste le {when}. Choisir un autre horaire : {link}',
  'notice.booked.subject': 'Votre nouveau rendez-vous : {when}',
  'notice.booked.lead': 'Votre nouveau rendez-vous est réservé le {when}.',
  'notice.booked.reminders':
    'Vous recevrez des rappels avant. Si cet horaire ne vous convient finalement pas, vous pouvez en choisir un autre dans votre portail.',
  'notice.booked.sms': '{practice} : votre nouveau rendez-vous est réservé le {when}. Détails : {link}',
  'notice.booked.pushTitle': 'Votre nouveau rendez-vous est réservé',
  'notice.clientCancelled.subject': 'Votre rendez-vous du {day} est annulé',
  'notice.clientCancelled.lead': 'Votre rendez-vous du {when} est annulé, comme vous l’avez demandé.',
  'notice.clientCancelled.fee':
    'Comme il a été annulé tard, les frais d’annulation tardive de {fee} du cabinet s’appliquent. Si quelque chose de sérieux est arrivé, vous pouvez demander à en être dispensé depuis votre portail.',
  'notice.clientCancelled.next':
    'Quand vous le souhaitez, vous pouvez trouver un autre créneau dans votre portail, ou vous inscrire sur la liste d’attente pour être prévenu d’un créneau plus tôt.',
  'notice.clientCancelled.sms':
    '{practice} : votre rendez-vous du {when} est annulé. Pour trouver un autre créneau : {link}',
  'notice.clientCancelled.smsFee':
    '{practice} : votre rendez-vous du {when} est annulé. Les frais d’annulation tardive de {fee} s’appliquent ; vous pouvez demander à en être dispensé : {link}',
  'notice.clientCancelled.pushTitle': 'Votre rendez-vous est annulé',
  'notice.clientCancelled.pushBody': 'Touchez pour voir les détails ou trouver un autre créneau.',
  'notice.portalButton': 'Ouvrir votre portail',
}

import type { Translation } from '../../shared/i18n'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'signin.email.subject': 'Votre code de connexion pour {practice}',
  'signin.email.code': 'Votre code de connexion pour {practice} est {code}',
  'signin.email.expiry':
    "Il est valable {minutes} minutes. Si vous ne l'avez pas demandé, vous pouvez ignorer cet e-mail.",
  'portal.feeWaiver.received':
    'Merci. Le cabinet examinera votre demande et vous donnera sa réponse. Vous n’avez rien d’autre à faire.',
  'portal.reschedule.received': 'Merci. Le cabinet vous contactera pour trouver un autre horaire qui vous convient.',
  'portal.calendar.title': 'Rendez-vous chez {practice}',
  'portal.calendar.with': 'Avec {therapist}.',
  'portal.calendar.video': "C'est une séance vidéo : le lien apparaîtra dans votre portail 15 minutes avant le début.",
  'reminder.action.confirm': 'Oui, je serai là',
  'reminder.action.cancel': 'Annuler',
  'reminder.action.reschedule': 'Trouver un autre horaire',
  'reminder.action.intro': "Vous pouvez répondre avec l'un de ces liens :",
  'reminder.email.footer': "{practice} vous envoie ces rappels de rendez-vous. Chaque lien ne sert qu'une fois.",
  'reminder.push.confirm': 'Confirmer',
  'reminder.push.cancel': 'Annuler',

  'action.page.title': 'Votre rendez-vous chez {practice}',
  'action.lead': 'Votre rendez-vous chez {practice} est prévu le {when}.',
  'action.confirm.button': 'Oui, je serai là',
  'action.confirm.done': 'Merci. Votre rendez-vous du {when} est confirmé. À bientôt.',
  'action.cancel.question': 'Souhaitez-vous annuler ce rendez-vous ?',
  'action.cancel.acknowledge':
    "Je comprends qu'annuler maintenant entraîne les frais d'annulation tardive de {fee} du cabinet.",
  'action.cancel.needAcknowledge': 'Cochez la case pour indiquer que vous avez vu les frais, puis annulez à nouveau.',
  'action.cancel.reason': 'Un mot pour le cabinet (facultatif)',
  'action.cancel.button': 'Annuler mon rendez-vous',
  'action.cancel.keep': 'Si vous préférez le garder, fermez simplement cette page.',
  'action.cancel.done':
    'Votre rendez-vous du {when} est annulé. Quand vous le souhaitez, le cabinet vous aidera volontiers à trouver un autre horaire.',
  'action.reschedule.question': 'Souhaitez-vous un autre horaire ? Prévenez le cabinet, qui vous recontactera.',
  'action.reschedule.note': 'Jours ou horaires qui vous conviennent (facultatif)',
  'action.reschedule.button': 'Demander un autre horaire',
  'action.reschedule.done':
    "Merci. Le cabinet vous recontactera pour trouver un autre horaire. D'ici là, votre rendez-vous actuel est maintenu.",
  'action.used': "Ce lien a déjà été utilisé : il n'y a plus rien à faire ici.",
  'action.status.confirmed': 'Votre rendez-vous du {when} est confirmé.',
  'action.status.cancelled': 'Votre rendez-vous du {when} est annulé.',
  'action.invalid':
    'Ce lien ne fonctionne plus, peut-être parce que le rendez-vous a changé. Votre rappel le plus récent contient les informations à jour ; vous pouvez aussi contacter le cabinet.',
  'action.closed': "Ce rendez-vous ne peut plus être modifié d'ici.",
  'action.call': 'Vous pouvez appeler le cabinet au {phone}.',
  'action.error': 'Un problème est survenu de notre côté. Réessayez dans un instant ou contactez le cabinet.',

  'sms.confirmed': '{practice} : merci, votre rendez-vous du {when} est confirmé.',
  'sms.alreadyConfirmed': '{practice} : votre rendez-vous du {when} est déjà confirmé. À bientôt.',
  'sms.cancelled':
    '{practice} : votre rendez-vous du {when} est annulé. Quand vous le souhaitez, le cabinet vous aidera volontiers à trouver un autre horaire.',
  'sms.cancelLate': '{practice} : {policy} Pour voir les détails et annuler, ouvrez {link}',
  'sms.cancelContact': '{practice} : {policy}',
  'sms.noAppointment':
    "{practice} : nous n'avons trouvé aucun rendez-vous à venir pour ce numéro. Contactez le cabinet si besoin.",
  'sms.stopped': "{practice} : vous ne recevrez plus de SMS de notre part. Répondez START si vous changez d'avis.",
  'sms.started': '{practice} : les SMS sont de nouveau activés. Répondez STOP à tout moment pour les arrêter.',
  'sms.help':
    '{practice} : rappels de rendez-vous. Répondez OUI pour confirmer, ANNULER pour annuler, STOP pour ne plus recevoir de SMS.',
  'sms.help.call':
    '{practice} : rappels de rendez-vous. Répondez OUI pour confirmer, ANNULER pour annuler, STOP pour ne plus recevoir de SMS. Pour joindre le cabinet, appelez le {phone}.',
  'sms.unclear': "{practice} : merci pour votre message. Nous l'avons transmis au cabinet, qui reviendra vers vous.",
  'sms.distress':
    "{practice} : merci de nous l'avoir dit. Nous avons transmis votre message, et quelqu'un du cabinet vous recontactera. {crisis}",

  'notice.footer': '{practice} vous a envoyé ce message via son portail client.',
}

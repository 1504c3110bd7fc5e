import type { Translation } from '../../shared/i18n'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'signin.email.subject': 'Votre code de connexion pour {practice}',
  'signin.email.code': 'Votre code de connexion pour {practice} est {code}',
  'signin.email.expiry':
    "Il est valable {minutes} minutes. Si vous ne l'avez pas demandé, vous pouvez ignorer cet e-mail.",
  'staff.invite.subject': 'Vous êtes invité·e à rejoindre {practice} sur Hearth',
  'staff.invite.body': '{inviter} vous invite à rejoindre {practice} sur Hearth.',
  'staff.invite.link':
    'Ouvrez ce lien pour créer votre compte. Il fonctionne une seule fois, pendant {days} jours : {link}',
  'staff.invite.ignore': 'Si vous ne vous y attendiez pas, vous pouvez ignorer cet e-mail.',
  'portal.feeWaiver.received':
    'Merci. Le cabinet examinera votre demande et vous donnera sa réponse. Vous n’avez rien d’autre à faire.',
  'portal.reschedule.received': 'Merci. Le cabinet vous contactera pour trouver un autre horaire qui vous convient.',
  'portal.calendar.title': 'Rendez-vous chez {practice}',
  'portal.reschedule.held':
    'Merci. Nous vous réservons cet horaire jusqu’au {until} et le cabinet le confirmera. Nous vous tiendrons au courant dans tous les cas.',
  'portal.video.not_open': 'Seule une séance à venir peut passer en visio.',
  'portal.video.started': 'Cette séance a déjà commencé : elle ne peut plus passer en visio d’ici.',
  'portal.video.practice_off': 'Le cabinet préfère que vous le contactiez pour changer la façon de vous voir.',
  'portal.video.no_video_room': 'La visio n’est pas prévue pour cette séance. Merci de contacter le cabinet.',
  'portal.video.not_offered': 'La visio n’est pas proposée à cet horaire. Merci de contacter le cabinet.',
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
  'action.cancel.why': 'Si vous voulez bien dire pourquoi, cela aide le cabinet, mais rien ne vous y oblige.',
  'cancelReason.skip': 'Je préfère ne pas le dire',
  'cancelReason.transportation': 'Venir est compliqué',
  'cancelReason.childcare': 'La garde des enfants',
  'cancelReason.work': 'Le travail',
  'cancelReason.illness': 'Je ne me sens pas bien',
  'cancelReason.cost': 'Le coût',
  'cancelReason.forgot': "J'ai oublié",
  'cancelReason.not_up_to_it': "Je ne m'en sens pas capable aujourd'hui",
  'cancelReason.weather': 'La météo',
  'cancelReason.other': 'Autre chose',
  'action.cancel.reason': 'Un mot pour le cabinet (facultatif)',
  'action.cancel.button': 'Annuler mon rendez-vous',
  'action.cancel.keep': 'Garder mon rendez-vous',
  'action.cancel.askWaiver': 'Demander à être dispensé des frais',
  'action.portal': 'Ouvrir mon portail',
  'action.cancel.next': 'Quand vous le souhaitez, le cabinet vous aidera volontiers à trouver un autre horaire.',
  'action.video.offer':
    'Une séance en visio vous aiderait-elle ? Gardez votre horaire et rejoignez-la en visio, sans frais et sans autre changement.',
  'action.video.button': 'Passer en visio',
  'action.video.cancelAnyway': 'Non merci, annuler mon rendez-vous',
  'action.video.done': 'C’est fait. Votre rendez-vous du {when} a lieu en visio, au même horaire.',
  'action.video.link': 'Le lien pour vous connecter sera dans votre portail.',
  'action.reschedule.question': 'Souhaitez-vous un autre horaire ? Prévenez le cabinet, qui vous recontactera.',
  'action.reschedule.note': 'Jours ou horaires qui vous conviennent (facultatif)',
  'action.reschedule.pick': 'Choisir un nouvel horaire',
  'action.reschedule.orAsk':
    'Ou, si aucun des horaires libres ne vous convient, demandez au cabinet : il vous recontactera.',
  'action.reschedule.button': 'Demander un autre horaire',
  'action.reschedule.done':
    "Merci. Le cabinet vous recontactera pour trouver un autre horaire. D'ici là, votre rendez-vous actuel est maintenu.",
  'action.reschedule.move': 'Déplacer mon rendez-vous à cet horaire',
  'action.reschedule.askFor': 'Demander cet horaire',
  'action.reschedule.none': 'Il n’y a pas d’horaire libre à choisir pour le moment.',
  'action.reschedule.more': 'Voir plus d’horaires dans mon portail',
  'action.reschedule.moved': 'C’est fait. Votre rendez-vous est maintenant prévu le {when}.',
  'action.reschedule.movedNext': 'Vos rappels suivront le nouvel horaire.',
  'action.reschedule.requested': 'Merci. Vous avez demandé le {when}.',
  'action.reschedule.taken': 'Quelqu’un vient de prendre cet horaire. Voici les horaires encore libres.',
  'action.reschedule.pickOne': 'Choisissez l’un des horaires, ou demandez au cabinet ci-dessous.',
  'action.reschedule.acknowledge':
    'Je comprends que le déplacer maintenant entraîne les frais d’annulation tardive de {fee} du cabinet.',
  'action.reschedule.needAcknowledge':
    'Cochez la case pour indiquer que vous avez vu les frais, puis choisissez à nouveau votre horaire.',
  'action.used': "Ce lien a déjà été utilisé : il n'y a plus rien à faire ici.",
  'action.status.confirmed': 'Votre rendez-vous du {when} est confirmé.',
  'action.status.cancelled': 'Votre rendez-vous du {when} est annulé.',
  'action.invalid':
    'Ce lien ne fonctionne plus, peut-être parce que le rendez-vous a changé. Votre rappel le plus récent contient les informations à jour ; vous pouvez aussi contacter le cabinet.',
  'action.closed': "Ce rendez-vous ne peut plus être modifié d'ici.",
  'action.call': 'Vous pouvez appeler le cabinet au {phone}.',
  'action.crisis.call': 'Appeler le {number}',
  'action.crisis.text': 'Envoyer un SMS au {number}',
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
  'sms.received.days': {
    one: "{practice} : merci pour votre message. Votre thérapeute l'a reçu et répond en général sous {count} jour ouvré. En cas d'urgence, appelez le {phone}.",
    other:
      "{practice} : merci pour votre message. Votre thérapeute l'a reçu et répond en général sous {count} jours ouvrés. En cas d'urgence, appelez le {phone}.",
  },
  'sms.received.daysNoPhone': {
    one: "{practice} : merci pour votre message. Votre thérapeute l'a reçu et répond en général sous {count} jour ouvré.",
    other:
      "{practice} : merci pour votre message. Votre thérapeute l'a reçu et répond en général sous {count} jours ouvrés.",
  },
  'sms.received.none':
    "{practice} : merci pour votre message. Votre thérapeute l'a reçu ; il ne répond pas entre les séances mais le lira avant la prochaine.",
  'sms.received.auto': '{practice} : merci pour votre message. {autoReply}',

  'sms.distress':
    "{practice} : {crisis} Merci de nous l'avoir dit. Nous avons transmis votre message, et quelqu'un du cabinet vous recontactera.",
  'sms.move':
    "{practice} : bien sûr. Pour trouver un autre moment, ouvrez {link} Votre rendez-vous du {when} reste prévu tant qu'il n'est pas déplacé.",
  'sms.late': '{practice} : merci de nous prévenir. Nous avons dit à votre thérapeute que vous êtes en route.',
  'sms.nervous':
    "{practice} : merci de nous l'avoir dit, c'est très courant d'être nerveux avant une séance. Nous avons prévenu votre thérapeute, qui vous appellera peut-être un instant avant. {crisis}",
  'sms.nervous.noSession':
    "{practice} : merci de nous l'avoir dit, c'est très courant d'être nerveux. Nous avons transmis votre message, et quelqu'un du cabinet vous recontactera. {crisis}",

  'notice.footer': '{practice} vous a envoyé ce message via son portail client.',

  'page.urgent.subject': "Urgent : le message d'un client attend dans Hearth",
  'page.urgent.lead': "Urgent : le message d'un client attend dans Hearth. Merci de l'ouvrir dès que possible.",
  'page.urgent.sms': "Urgent : le message d'un client attend dans Hearth. Ouvrez la console : {link}",
  'page.urgent.pushBody': 'Touchez pour l’ouvrir dans la console.',
  'page.escalation.subject': "Urgent : personne n'a encore ouvert le message d'un client",
  'page.escalation.lead': {
    one: "Personne n'a ouvert le message urgent d'un client depuis {count} minute. Merci de le consulter maintenant.",
    other:
      "Personne n'a ouvert le message urgent d'un client depuis {count} minutes. Merci de le consulter maintenant.",
  },
  'page.escalation.sms': {
    one: "Personne n'a ouvert le message urgent d'un client depuis {count} minute. Consultez-le maintenant : {link}",
    other: "Personne n'a ouvert le message urgent d'un client depuis {count} minutes. Consultez-le maintenant : {link}",
  },
  'page.button': 'Ouvrir la console',
  'page.footer': 'Hearth envoie ces alertes pour {practice}. Choisissez comment les recevoir dans la console.',
  // E-mails à l'équipe du cabinet (api/staff-notices) : jamais les mots ni le nom d'un client.
  'staffNotice.message.subject': "Un nouveau message d'un client attend dans Hearth",
  'staffNotice.message.lead': 'Un client vous a écrit. Vous pouvez le lire dans la console.',
  'staffNotice.hourly.subject': {
    one: "Un nouveau message d'un client attend dans Hearth",
    other: 'De nouveaux messages de clients attendent dans Hearth',
  },
  'staffNotice.hourly.lead': {
    one: "{count} conversation a un nouveau message d'un client depuis votre dernier point. Vous pouvez le lire dans la console.",
    other:
      '{count} conversations ont de nouveaux messages de clients depuis votre dernier point. Vous pouvez les lire dans la console.',
  },
  'staffNotice.digest.subject': {
    one: 'Ce matin dans Hearth : 1 alerte ouverte',
    other: 'Ce matin dans Hearth : {count} alertes ouvertes',
  },
  'staffNotice.digest.lead': 'Bonjour. Ceci attend encore quelqu’un chez {practice} :',
  'staffNotice.digest.line': '{kind} : ouverte {age}',
  'staffNotice.age.minutes': { one: 'depuis {count} minute', other: 'depuis {count} minutes' },
  'staffNotice.age.hours': { one: 'depuis {count} heure', other: 'depuis {count} heures' },
  'staffNotice.age.days': { one: 'depuis {count} jour', other: 'depuis {count} jours' },
  'staffNotice.inbox': 'Ouvrir la messagerie',
  'staffNotice.alerts': 'Ouvrir les alertes',
  'staffNotice.footer':
    'Hearth envoie ces e-mails pour {practice}. Vous pouvez choisir lesquels vous recevez, et à quelle fréquence, dans la console.',
  'alertKind.crisis_message': 'Message de crise',
  'alertKind.distress_reply': 'Un SMS qui semble inquiétant',
  'alertKind.late_cancellation': 'Annulation tardive',
  'alertKind.series_cancellation': 'Plusieurs séances annulées',
  'alertKind.unclear_reply': 'Un SMS incompris',
  'alertKind.delivery_failed': 'Rappel non distribué',
  'alertKind.reminder_failed': 'Rappel impossible à envoyer',
  'alertKind.no_show': 'Séance manquée',
  'alertKind.reschedule_request': 'Demande un autre horaire',
  'alertKind.fee_waiver_request': 'Demande l’annulation de frais',
  'alertKind.switched_to_video': 'A passé une séance en visio',
  'alertKind.sync_problem': "Une séance n'a pas pu être importée",
  'alertKind.webhook_failing': 'Un webhook a été mis en pause',
  'alertKind.other': 'Quelque chose qui demande une personne',
}

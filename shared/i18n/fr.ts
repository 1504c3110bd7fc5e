import type { Dictionary } from './dictionary'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Dictionary = {
  'date.long': '{weekday} {day} {month} {at}',
  'date.medium': '{weekdayShort} {day} {monthShort} {at}',
  'date.short': '{weekdayShort} {day} {monthShort}, {time}',
  'date.day': '{weekday} {day} {month}',
  'date.weekday': '{weekday} {at}',
  'date.at': { one: 'à {time}', other: 'à {time}' },
  'date.dayOfMonth': { one: '{count}er', other: '{count}' },

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
  'contact.helpNow': "Besoin d'aide maintenant ?",
  'contact.confidential':
    "Merci d'écrire ici plutôt que par e-mail : ce portail est le moyen confidentiel et sécurisé de joindre {therapist}.",
  'contact.crisis.sent':
    'Votre message sera transmis à {therapist} et signalé comme urgent, mais il ne sera peut-être pas lu tout de suite. Si vous êtes en danger, utilisez dès maintenant les numéros ci-dessus.',

  'crisis.emergency':
    "Si vous pensez que vous pourriez vous faire du mal ou faire du mal à quelqu'un, appelez le {number} dès maintenant.",
  'crisis.emergency.generic':
    "Si vous pensez que vous pourriez vous faire du mal ou faire du mal à quelqu'un, appelez dès maintenant le numéro d'urgence local.",
  'crisis.hotline.always': "Vous pouvez {action} à tout moment pour parler à quelqu'un.",
  'crisis.hotline.hours': "Vous pouvez {action} pour parler à quelqu'un ({hours}).",
  'crisis.action.call': 'appeler le {phone}',
  'crisis.action.text': 'envoyer un SMS au {text}',
  'crisis.action.callOrText': 'appeler le {phone} ou lui envoyer un SMS',
  'crisis.action.callAndText': 'appeler le {phone} ou envoyer un SMS au {text}',
  'crisis.action.visit': 'consulter {url}',
  'crisis.name.emergency': "Services d'urgence",

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

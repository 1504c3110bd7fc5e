import type { Translation } from '../../../shared/i18n'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'widget.launcher': 'Mes rendez-vous',
  'widget.pageTitle': '{practice} · Vos rendez-vous',
  'widget.close': 'Fermer',
  'widget.back': 'Retour',
  'widget.thePractice': 'le cabinet',
  'widget.error.network': 'Impossible de joindre le portail. Vérifiez votre connexion, puis réessayez.',
  'widget.error.tooMany': "Beaucoup d'essais en peu de temps. Patientez une minute, puis réessayez.",
  'widget.error.signedOut': 'Pour protéger vos informations, nous avons fermé votre accès. Merci de vous reconnecter.',
  'widget.error.notFound':
    'Nous ne trouvons pas ce rendez-vous. Il a peut-être changé : revenez en arrière et regardez à nouveau.',
  'widget.error.generic': 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  'widget.signin.title': 'Connectez-vous pour voir vos rendez-vous',
  'widget.signin.lead': 'Nous vous envoyons un code à 6 chiffres par e-mail. Aucun mot de passe à retenir.',
  'widget.signin.email': 'Votre adresse e-mail',
  'widget.signin.emailMissing': "Saisissez l'adresse e-mail que vous avez donnée au cabinet.",
  'widget.signin.emailInvalid': 'Cette adresse e-mail semble incomplète. Vérifiez-la, puis réessayez.',
  'widget.signin.send': 'Recevoir un code',
  'widget.signin.sending': 'Envoi…',
  'widget.signin.privacy':
    "Vos rendez-vous ne sont visibles que par vous. Utilisez l'adresse que le cabinet a pour vous.",
  'widget.signin.codeTitle': 'Consultez vos e-mails',
  'widget.signin.codeLead':
    "Si {email} est l'adresse que le cabinet a pour vous, nous y avons envoyé un code à 6 chiffres.",
  'widget.signin.code': 'Code à 6 chiffres',
  'widget.signin.codeHint': 'Il peut mettre une minute à arriver. Pensez aussi à regarder dans vos indésirables.',
  'widget.signin.codeShape': 'Saisissez les 6 chiffres reçus par e-mail.',
  'widget.signin.codeWrong':
    "Ce code n'a pas fonctionné. Vérifiez le dernier e-mail de {practice} ou demandez un nouveau code.",
  'widget.signin.codeLocked': "Ce code a reçu trop d'essais. Demandez un nouveau code.",
  'widget.signin.verify': 'Se connecter',
  'widget.signin.checking': 'Vérification…',
  'widget.signin.noCode': 'Rien reçu ?',
  'widget.signin.resend': 'Envoyer un nouveau code',
  'widget.signin.resendIn': {
    one: 'Nouveau code possible dans {count} seconde',
    other: 'Nouveau code possible dans {count} secondes',
  },
  'widget.signin.resent': 'Un nouveau code est en route vers {email}.',
  'widget.signin.otherEmail': 'Utiliser une autre adresse',
  'widget.signout.button': 'Se déconnecter',
  'widget.signout.done': 'Déconnexion effectuée. À bientôt.',
  'widget.signout.idle': 'Après un moment sans activité, nous avons fermé votre accès pour protéger vos informations.',
  'widget.signout.expired': 'Votre connexion a expiré. Reconnectez-vous pour continuer.',
  'widget.idle.warning':
    'Toujours là ? Pour protéger vos informations, nous fermerons votre accès dans quelques minutes.',
  'widget.idle.stay': 'Je suis là',
  'widget.crisis.title': "Si vous avez besoin d'aide maintenant",
  'widget.crisis.call': 'Appeler le {number}',
  'widget.crisis.text': 'Envoyer un SMS au {number}',
  'widget.crisis.website': 'Site web',
  'widget.help.practiceCall': "Pour tout ce qui n'est pas urgent, vous pouvez appeler le cabinet au {phone}.",
  'widget.help.practice': "Pour tout ce qui n'est pas urgent, vous pouvez contacter le cabinet.",
}

import type { Translation } from '../translator'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'crisis.helpNow': "Besoin d'aide maintenant ?",

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
  'crisis.name.us988': '988 Suicide & Crisis Lifeline (en anglais, avec interprète en français sur demande)',
  'crisis.name.ca988': "9-8-8 : Ligne d'aide en cas de crise de suicide (en français ou en anglais)",
  'crisis.name.samaritans': 'Samaritans (en anglais)',
  'crisis.name.auLifeline': 'Lifeline (en anglais)',
  'crisis.name.nz1737': '1737, Need to talk? (en anglais)',
  'crisis.name.fr3114': '3114 – Numéro national de prévention du suicide',
  'crisis.name.es024': '024 – Ligne espagnole de prévention du suicide (en espagnol)',
  'crisis.hours.always': '24 h/24, 7 j/7',
}

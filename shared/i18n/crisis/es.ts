import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'crisis.helpNow': '¿Necesitas ayuda ahora?',

  'crisis.emergency': 'Si crees que podrías hacerte daño o hacer daño a otra persona, llama ahora al {number}.',
  'crisis.emergency.generic':
    'Si crees que podrías hacerte daño o hacer daño a otra persona, llama ahora al número de emergencias de tu zona.',
  'crisis.hotline.always': 'Puedes {action} en cualquier momento para hablar con alguien.',
  'crisis.hotline.hours': 'Puedes {action} para hablar con alguien ({hours}).',
  'crisis.action.call': 'llamar al {phone}',
  'crisis.action.text': 'enviar un mensaje de texto al {text}',
  'crisis.action.callOrText': 'llamar o enviar un mensaje de texto al {phone}',
  'crisis.action.callAndText': 'llamar al {phone} o enviar un mensaje de texto al {text}',
  'crisis.action.visit': 'entrar en {url}',
  'crisis.name.emergency': 'Servicios de emergencia',
  'crisis.name.us988': 'Línea 988 de Prevención del Suicidio y Crisis (en español: oprima 2)',
  'crisis.name.ca988': '9-8-8: Línea de ayuda en caso de crisis suicida (en inglés o francés)',
  'crisis.name.samaritans': 'Samaritans (en inglés)',
  'crisis.name.auLifeline': 'Lifeline (en inglés)',
  'crisis.name.nz1737': '1737, Need to talk? (en inglés)',
  'crisis.name.fr3114': '3114 – Línea nacional de prevención del suicidio de Francia (en francés)',
  'crisis.name.es024': 'Línea 024 de atención a la conducta suicida',
  'crisis.hours.always': 'las 24 horas, todos los días',
}

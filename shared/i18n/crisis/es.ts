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
}

import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'reminder.greeting': 'Hola:',
  'reminder.with': 'con {practice}',
  'reminder.withTherapist': 'con {therapist} en {practice}',
  'reminder.type': 'Tipo de cita: {type}',
  'reminder.link': 'Entra en tu portal: {link}',
  'reminder.confirm.subject': 'Confirma tu cita del {when}',
  'reminder.confirm.lead': 'Tu cita {with} es el {when}.',
  'reminder.confirm.ask':
    'Por favor, confírmanos que vas a venir. Si el horario ya no te viene bien, puedes cancelar o cambiar la cita desde tu portal.',
  'reminder.confirm.sms':
    '{practice}: confirma tu cita del {when}. Responde SÍ para confirmar o CANCELAR para cancelar.',
  'reminder.confirm.pushTitle': 'Confirma tu cita',
  'reminder.confirm.pushBody': 'Tu cita del {when} {with}.',
  'reminder.morning.subject': 'Tu cita de hoy {at}',
  'reminder.morning.lead': 'Te recordamos que tu cita {with} es hoy {at}.',
  'reminder.morning.help': 'Si te ha surgido algo, puedes avisar a la consulta desde tu portal.',
  'reminder.morning.sms': '{practice}: te recordamos tu cita de hoy {at}.',
  'reminder.morning.pushTitle': 'Tu cita de hoy',
  'reminder.morning.pushBody': 'Hoy {at} {with}.',
}

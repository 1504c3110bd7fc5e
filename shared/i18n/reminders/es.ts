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
  'reminder.before.subject': 'Tu cita del {when}',
  'reminder.before.lead': 'Te recordamos que tu cita {with} es el {when}.',
  'reminder.before.sms': '{practice}: te recordamos tu cita del {when}.',
  'reminder.before.pushTitle': 'Tu cita se acerca',
  'reminder.before.pushBody': '{when} {with}.',
  'reminder.booked.subject': 'Tu cita del {when} está reservada',
  'reminder.booked.lead': 'Tu cita {with} está reservada para el {when}.',
  'reminder.booked.next':
    'Te enviaremos un recordatorio antes. Si la hora no te va bien, puedes cambiarla desde tu portal.',
  'reminder.booked.sms': '{practice}: tu cita del {when} está reservada.',
  'reminder.booked.pushTitle': 'Tu cita está reservada',
  'reminder.booked.pushBody': '{when} {with}.',
  'reminder.join': 'Entra a la videollamada: {link}',
  'reminder.address': 'Dirección: {address}',
}

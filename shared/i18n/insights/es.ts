import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'insights.leadTime.under2Days': 'Reservada con menos de 2 días',
  'insights.leadTime.days2To7': 'Reservada con 2 a 7 días',
  'insights.leadTime.weeks1To4': 'Reservada con 1 a 4 semanas',
  'insights.leadTime.over4Weeks': 'Reservada con más de 4 semanas',
  'insights.confirmed': 'Confirmada',
  'insights.unconfirmed': 'Sin confirmar',
  'insights.channel.email': 'Correo electrónico',
  'insights.channel.sms': 'Mensaje de texto',
  'insights.channel.push': 'Notificación',
  'insights.channel.none': 'Ningún recordatorio llegó',
}

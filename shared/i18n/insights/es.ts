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
  'insights.reminderTiming.under1Day': 'Confirmación pedida menos de un día antes',
  'insights.reminderTiming.days1To2': 'Pedida 1 a 2 días antes',
  'insights.reminderTiming.days2To3': 'Pedida 2 a 3 días antes',
  'insights.reminderTiming.days3OrMore': 'Pedida 3 días o más antes',
  'insights.reminderTiming.none': 'No se pidió confirmación',
  'insights.cancelReason.transportation': 'Desplazamiento',
  'insights.cancelReason.childcare': 'Cuidado de los niños',
  'insights.cancelReason.work': 'Trabajo',
  'insights.cancelReason.illness': 'Enfermedad',
  'insights.cancelReason.cost': 'Coste',
  'insights.cancelReason.forgot': 'Olvido',
  'insights.cancelReason.not_up_to_it': 'Sin fuerzas',
  'insights.cancelReason.weather': 'El tiempo',
  'insights.cancelReason.other': 'Otra cosa',
  'insights.cancelReason.not_said': 'Prefirió no decirlo',
}

import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'notice.missed.subject': 'Te echamos de menos el {day}, y no pasa nada',
  'notice.missed.lead': 'Te echamos de menos en tu cita del {when}, y no pasa nada. A veces surgen cosas.',
  'notice.missed.ask':
    '¿Quieres buscar otro horario? Puedes pedirlo en tu portal y añadir una nota si quieres. No hace falta que des explicaciones.',
  'notice.missed.button': 'Buscar otro horario',
  'notice.missed.sms':
    '{practice}: te echamos de menos el {when}, y no pasa nada. Si quieres otro horario, puedes pedirlo aquí: {link}',
  'notice.missed.pushTitle': 'Te echamos de menos, y no pasa nada',
  'notice.missed.pushBody': 'Toca para buscar otro horario cuando te venga bien.',
  'notice.offer.subject': 'Se ha liberado un horario: {when}',
  'notice.offer.lead': 'Se ha liberado un horario en {practice}: {when}. Pediste que te avisáramos de horarios así.',
  'notice.offer.first':
    'Se lo estamos ofreciendo a algunas personas de la lista de cancelaciones, y es para quien lo acepte primero. Está disponible hasta el {until}.',
  'notice.offer.noPressure': 'Si no te viene bien, no tienes que hacer nada.',
  'notice.offer.button': 'Quiero este horario',
  'notice.offer.sms':
    '{practice}: se ha liberado un horario el {when}. Es para quien lo acepte primero (disponible hasta el {until}): {link}',
  'notice.offer.pushTitle': 'Se ha liberado un horario',
  'notice.offer.pushBody': '{when}. Toca para aceptarlo.',
  'notice.taken.subject': 'El horario del {when} ya está ocupado',
  'notice.taken.lead': 'Alguien aceptó el horario del {when} antes que tú. Sentimos que esta vez no haya podido ser.',
  'notice.taken.next': 'Sigues en la lista de cancelaciones y te avisaremos cuando se libere otro horario.',
  'notice.taken.sms':
    '{practice}: el horario del {when} ya está ocupado. Sigues en la lista y te avisaremos del próximo.',
  'notice.taken.pushTitle': 'Ese horario ya está ocupado',
  'notice.taken.pushBody': 'Sigues en la lista para el próximo.',
  'notice.waiver.subject': 'Sobre el cargo de tu cita del {day}',
  'notice.waiver.granted':
    'Buenas noticias: la consulta ha anulado el cargo de {fee} por cancelación tardía de tu cita del {when}. No tienes que hacer nada más.',
  'notice.waiver.declined':
    'La consulta ha revisado tu solicitud sobre el cargo de {fee} por cancelación tardía de tu cita del {when} y esta vez no puede anularlo.',
  'notice.waiver.talkCall': 'Si quieres hablarlo, puedes llamar a la consulta al {phone}.',
  'notice.waiver.talk': 'Si quieres hablarlo, puedes contactar con la consulta.',
  'notice.waiver.grantedSms':
    '{practice}: se ha anulado el cargo de {fee} por cancelación tardía de tu cita del {when}.',
  'notice.waiver.declinedSms':
    '{practice}: esta vez la consulta no puede anular el cargo de {fee} por cancelación tardía de tu cita del {when}.',
  'notice.waiver.pushTitle': 'Sobre tu cita',
  'notice.waiver.pushBody': 'La consulta ha respondido a tu solicitud sobre el cargo por cancelación tardía.',
  'notice.reply.subject': 'Tienes un mensaje nuevo de {practice}',
  'notice.reply.lead': 'Tienes un mensaje nuevo de {practice}. Puedes leerlo en tu portal.',
  'notice.reply.button': 'Leer tu mensaje',
  'notice.reply.sms': '{practice}: tienes un mensaje nuevo. Puedes leerlo en tu portal: {link}',
  'notice.reply.pushTitle': 'Tienes un mensaje nuevo',
  'notice.reply.pushBody': 'Toca para leerlo en tu portal.',
  'notice.moved.subject': 'Tu cita ha cambiado al {when}',
  'notice.moved.lead': 'Tu cita ha cambiado al {when}.',
  'notice.moved.other': 'Si esa hora no te viene bien, puedes elegir otra o pedir ayuda a la consulta.',
  'notice.moved.button': 'Ver tu cita',
  'notice.moved.sms': '{practice}: tu cita ha cambiado al {when}. Si no te viene bien, puedes elegir otra: {link}',
  'notice.moved.pushTitle': 'Tu cita ha cambiado',
  'notice.moved.pushBody': 'Nueva hora: {when}.',
  'notice.cancelled.subject': 'Tu cita del {day} está cancelada',
  'notice.cancelled.lead': 'La consulta ha cancelado tu cita del {when}.',
  'notice.cancelled.next': 'Cuando quieras, puedes buscar otra hora en tu portal o pedir ayuda a la consulta.',
  'notice.cancelled.button': 'Buscar otra hora',
  'notice.cancelled.sms': '{practice}: tu cita del {when} está cancelada. Para buscar otra hora: {link}',
  'notice.cancelled.pushTitle': 'Tu cita está cancelada',
  'notice.cancelled.pushBody': 'Toca para buscar otra hora.',
  'notice.rescheduled.subject': 'Tu cita ha cambiado al {when}',
  'notice.rescheduled.lead': 'Tu cita es ahora el {when}.',
  'notice.rescheduled.reminders':
    'Tus recordatorios se han cambiado con ella. Si al final ese horario no te viene bien, puedes elegir otro en tu portal.',
  'notice.rescheduled.sms': '{practice}: tu cita es ahora el {when}. Detalles: {link}',
  'notice.rescheduled.pushTitle': 'Tu cita ha cambiado',
  'notice.rescheduled.pushBody': '{when}',
  'notice.declined.subject': 'Sobre el nuevo horario que pediste',
  'notice.declined.lead': 'La consulta no ha podido cambiar tu cita al horario que pediste, así que sigue el {when}.',
  'notice.declined.next': 'Puedes elegir otro horario en tu portal, o pedir ayuda a la consulta.',
  'notice.declined.sms':
    '{practice}: no hemos podido cambiar tu cita, así que sigue el {when}. Puedes elegir otro horario: {link}',
  'notice.declined.pushTitle': 'Sobre tu cita',
  'notice.declined.pushBody': 'Sigue en su horario. Toca para elegir otro.',
  'notice.expired.lead':
    'La consulta no ha podido responder a tu petición a tiempo, así que ya no te guardamos el horario que pediste. Tu cita sigue el {when}.',
  'notice.expired.sms':
    '{practice}: no hemos podido responder a tiempo, así que tu cita sigue el {when}. Puedes elegir otro horario: {link}',
  'notice.booked.subject': 'Tu nueva cita: {when}',
  'notice.booked.lead': 'Tu nueva cita está reservada para el {when}.',
  'notice.booked.reminders':
    'Te enviaremos recordatorios antes. Si al final ese horario no te viene bien, puedes elegir otro en tu portal.',
  'notice.booked.sms': '{practice}: tu nueva cita está reservada para el {when}. Detalles: {link}',
  'notice.booked.pushTitle': 'Tu nueva cita está reservada',
  'notice.clientCancelled.subject': 'Tu cita del {day} está cancelada',
  'notice.clientCancelled.lead': 'Tu cita del {when} está cancelada, como pediste.',
  'notice.clientCancelled.fee':
    'Como la cancelación fue tardía, se aplica el cargo de {fee} por cancelación tardía de la consulta. Si surgió algo serio, puedes pedir que lo anulen desde tu portal.',
  'notice.clientCancelled.next':
    'Cuando quieras, puedes buscar otra hora en tu portal o apuntarte a la lista de cancelaciones para enterarte de horas antes.',
  'notice.clientCancelled.sms': '{practice}: tu cita del {when} está cancelada. Para buscar otra hora: {link}',
  'notice.clientCancelled.smsFee':
    '{practice}: tu cita del {when} está cancelada. Se aplica el cargo de {fee} por cancelación tardía; puedes pedir que lo anulen: {link}',
  'notice.clientCancelled.pushTitle': 'Tu cita está cancelada',
  'notice.clientCancelled.pushBody': 'Toca para ver los detalles o buscar otra hora.',
  'notice.portalButton': 'Abrir tu portal',
}

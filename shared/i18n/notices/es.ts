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
  'notice.portalButton': 'Abrir tu portal',
}

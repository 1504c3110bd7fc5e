import type { Translation } from '../../shared/i18n'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'signin.email.subject': 'Tu código de acceso para {practice}',
  'signin.email.code': 'Tu código de acceso para {practice} es {code}',
  'signin.email.expiry': 'Sirve durante {minutes} minutos. Si no lo has pedido, puedes ignorar este correo.',
  'portal.feeWaiver.received':
    'Gracias. La consulta revisará tu solicitud y te dirá lo que decida. No tienes que hacer nada más.',
  'portal.reschedule.received':
    'Gracias. La consulta se pondrá en contacto contigo para buscar otro horario que te venga bien.',
  'portal.calendar.title': 'Cita en {practice}',
  'portal.calendar.with': 'Con {therapist}.',
  'portal.calendar.video': 'Es una sesión por vídeo: el enlace aparecerá en tu portal 15 minutos antes de empezar.',
  'reminder.action.confirm': 'Sí, allí estaré',
  'reminder.action.cancel': 'Cancelar',
  'reminder.action.reschedule': 'Buscar otro horario',
  'reminder.action.intro': 'Puedes responder con uno de estos enlaces:',
  'reminder.email.footer': '{practice} te envía estos recordatorios de tus citas. Cada enlace funciona una sola vez.',
  'reminder.push.confirm': 'Confirmar',
  'reminder.push.cancel': 'Cancelar',

  'action.page.title': 'Tu cita con {practice}',
  'action.lead': 'Tu cita con {practice} es el {when}.',
  'action.confirm.button': 'Sí, allí estaré',
  'action.confirm.done': 'Gracias. Tu cita del {when} está confirmada. Hasta entonces.',
  'action.cancel.question': '¿Quieres cancelar esta cita?',
  'action.cancel.acknowledge':
    'Entiendo que cancelar ahora conlleva el cargo de {fee} por cancelación tardía de la consulta.',
  'action.cancel.needAcknowledge': 'Marca la casilla para indicar que has visto el cargo y vuelve a cancelar.',
  'action.cancel.reason': 'Algo que quieras contar a la consulta (opcional)',
  'action.cancel.button': 'Cancelar mi cita',
  'action.cancel.keep': 'Si prefieres mantenerla, simplemente cierra esta página.',
  'action.cancel.done':
    'Tu cita del {when} está cancelada. Cuando quieras, la consulta te ayudará con gusto a buscar otro horario.',
  'action.reschedule.question': '¿Quieres buscar otro horario? Avisa a la consulta y se pondrán en contacto contigo.',
  'action.reschedule.note': 'Días u horas que te vengan bien (opcional)',
  'action.reschedule.button': 'Pedir otro horario',
  'action.reschedule.done':
    'Gracias. La consulta se pondrá en contacto contigo para buscar otro horario. Mientras tanto, tu cita actual se mantiene.',
  'action.used': 'Este enlace ya se ha usado, así que no hace falta hacer nada más aquí.',
  'action.status.confirmed': 'Tu cita del {when} está confirmada.',
  'action.status.cancelled': 'Tu cita del {when} está cancelada.',
  'action.invalid':
    'Este enlace ya no funciona, quizá porque la cita ha cambiado. Tu recordatorio más reciente tiene los datos actuales; también puedes contactar con la consulta.',
  'action.closed': 'Esta cita ya no se puede cambiar desde aquí.',
  'action.call': 'Puedes llamar a la consulta al {phone}.',
  'action.error': 'Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento o contacta con la consulta.',

  'sms.confirmed': '{practice}: gracias, tu cita del {when} está confirmada.',
  'sms.alreadyConfirmed': '{practice}: tu cita del {when} ya está confirmada. Hasta entonces.',
  'sms.cancelled':
    '{practice}: tu cita del {when} está cancelada. Cuando quieras, la consulta te ayudará con gusto a buscar otro horario.',
  'sms.cancelLate': '{practice}: {policy} Para ver los detalles y cancelar, abre {link}',
  'sms.cancelContact': '{practice}: {policy}',
  'sms.noAppointment':
    '{practice}: no encontramos ninguna cita próxima para este número. Contacta con la consulta si necesitas algo.',
  'sms.stopped': '{practice}: ya no recibirás más mensajes nuestros. Responde START si cambias de opinión.',
  'sms.started': '{practice}: vuelves a recibir mensajes. Responde STOP cuando quieras para dejar de recibirlos.',
  'sms.help':
    '{practice}: recordatorios de citas. Responde SÍ para confirmar, CANCELAR para cancelar, STOP para no recibir más mensajes.',
  'sms.help.call':
    '{practice}: recordatorios de citas. Responde SÍ para confirmar, CANCELAR para cancelar, STOP para no recibir más mensajes. Para hablar con la consulta, llama al {phone}.',
  'sms.unclear': '{practice}: gracias por tu mensaje. Se lo hemos pasado a la consulta y alguien te responderá.',
  'sms.distress':
    '{practice}: gracias por contárnoslo. Hemos pasado tu mensaje y alguien de la consulta se pondrá en contacto contigo. {crisis}',

  'notice.footer': '{practice} te envió este mensaje a través de su portal para clientes.',
}

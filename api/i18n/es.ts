import type { Translation } from '../../shared/i18n'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'signin.email.subject': 'Tu código de acceso para {practice}',
  'signin.email.code': 'Tu código de acceso para {practice} es {code}',
  'signin.email.expiry': 'Sirve durante {minutes} minutos. Si no lo has pedido, puedes ignorar este correo.',
  'staff.invite.subject': 'Te han invitado a {practice} en Hearth',
  'staff.invite.body': '{inviter} te ha invitado a unirte a {practice} en Hearth.',
  'staff.invite.link': 'Abre este enlace para crear tu cuenta. Funciona una sola vez, durante {days} días: {link}',
  'staff.invite.ignore': 'Si no lo esperabas, puedes ignorar este correo.',
  'portal.feeWaiver.received':
    'Gracias. La consulta revisará tu solicitud y te dirá lo que decida. No tienes que hacer nada más.',
  'portal.reschedule.received':
    'Gracias. La consulta se pondrá en contacto contigo para buscar otro horario que te venga bien.',
  'portal.reschedule.held':
    'Gracias. Te guardamos ese horario hasta el {until} y la consulta lo confirmará. Te avisaremos en cualquier caso.',
  'portal.video.not_open': 'Solo una sesión próxima se puede cambiar a videollamada.',
  'portal.video.started': 'Esta sesión ya ha empezado, así que no se puede cambiar a videollamada desde aquí.',
  'portal.video.practice_off': 'La consulta prefiere que te pongas en contacto para cambiar cómo os veis.',
  'portal.video.no_video_room':
    'La videollamada no está preparada para esta sesión. Ponte en contacto con la consulta.',
  'portal.video.not_offered': 'No se ofrece videollamada a esta hora. Ponte en contacto con la consulta.',
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
  'action.cancel.why': 'Si quieres contarnos por qué, ayuda a la consulta, pero no tienes por qué hacerlo.',
  'cancelReason.skip': 'Prefiero no decirlo',
  'cancelReason.transportation': 'Me cuesta llegar',
  'cancelReason.childcare': 'El cuidado de los niños',
  'cancelReason.work': 'El trabajo',
  'cancelReason.illness': 'No me encuentro bien',
  'cancelReason.cost': 'El coste',
  'cancelReason.forgot': 'Se me olvidó',
  'cancelReason.not_up_to_it': 'Hoy no me siento con fuerzas',
  'cancelReason.weather': 'El tiempo',
  'cancelReason.other': 'Otra cosa',
  'action.cancel.reason': 'Algo que quieras contar a la consulta (opcional)',
  'action.cancel.button': 'Cancelar mi cita',
  'action.cancel.keep': 'Mantener mi cita',
  'action.cancel.askWaiver': 'Pedir que anulen el cargo',
  'action.portal': 'Abrir mi portal',
  'action.cancel.next': 'Cuando quieras, la consulta te ayudará con gusto a buscar otro horario.',
  'action.video.offer':
    '¿Te ayudaría una videollamada? Mantén tu horario y conéctate por video, sin cargo y sin ningún otro cambio.',
  'action.video.button': 'Cambiar a videollamada',
  'action.video.cancelAnyway': 'No, gracias, cancelar mi cita',
  'action.video.done': 'Listo. Tu cita del {when} es ahora por videollamada, a la misma hora.',
  'action.video.link': 'El enlace para conectarte estará en tu portal.',
  'action.reschedule.question': '¿Quieres buscar otro horario? Avisa a la consulta y se pondrán en contacto contigo.',
  'action.reschedule.note': 'Días u horas que te vengan bien (opcional)',
  'action.reschedule.pick': 'Elegir un nuevo horario',
  'action.reschedule.orAsk':
    'O, si ninguno de los horarios libres te viene bien, pregunta a la consulta y se pondrán en contacto contigo.',
  'action.reschedule.button': 'Pedir otro horario',
  'action.reschedule.done':
    'Gracias. La consulta se pondrá en contacto contigo para buscar otro horario. Mientras tanto, tu cita actual se mantiene.',
  'action.reschedule.move': 'Cambiar mi cita a este horario',
  'action.reschedule.askFor': 'Pedir este horario',
  'action.reschedule.none': 'Ahora mismo no hay horarios libres para elegir.',
  'action.reschedule.more': 'Ver más horarios en mi portal',
  'action.reschedule.moved': 'Listo. Tu cita es ahora el {when}.',
  'action.reschedule.movedNext': 'Tus recordatorios seguirán el nuevo horario.',
  'action.reschedule.requested': 'Gracias. Has pedido el {when}.',
  'action.reschedule.taken': 'Otra persona acaba de reservar ese horario. Estos son los horarios que siguen libres.',
  'action.reschedule.pickOne': 'Elige uno de los horarios, o pregunta a la consulta más abajo.',
  'action.reschedule.acknowledge':
    'Entiendo que cambiarla ahora conlleva el cargo de {fee} por cancelación tardía de la consulta.',
  'action.reschedule.needAcknowledge':
    'Marca la casilla para indicar que has visto el cargo y vuelve a elegir el horario.',
  'action.used': 'Este enlace ya se ha usado, así que no hace falta hacer nada más aquí.',
  'action.status.confirmed': 'Tu cita del {when} está confirmada.',
  'action.status.cancelled': 'Tu cita del {when} está cancelada.',
  'action.invalid':
    'Este enlace ya no funciona, quizá porque la cita ha cambiado. Tu recordatorio más reciente tiene los datos actuales; también puedes contactar con la consulta.',
  'action.closed': 'Esta cita ya no se puede cambiar desde aquí.',
  'action.call': 'Puedes llamar a la consulta al {phone}.',
  'action.crisis.call': 'Llamar al {number}',
  'action.crisis.text': 'Enviar un SMS al {number}',
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
  'sms.received.days': {
    one: '{practice}: gracias por tu mensaje. Ya lo tiene tu terapeuta, que suele responder en {count} día hábil. Si es urgente, llama al {phone}.',
    other:
      '{practice}: gracias por tu mensaje. Ya lo tiene tu terapeuta, que suele responder en {count} días hábiles. Si es urgente, llama al {phone}.',
  },
  'sms.received.daysNoPhone': {
    one: '{practice}: gracias por tu mensaje. Ya lo tiene tu terapeuta, que suele responder en {count} día hábil.',
    other: '{practice}: gracias por tu mensaje. Ya lo tiene tu terapeuta, que suele responder en {count} días hábiles.',
  },
  'sms.received.none':
    '{practice}: gracias por tu mensaje. Ya lo tiene tu terapeuta, que no responde entre sesiones pero lo leerá antes de la próxima.',
  'sms.received.auto': '{practice}: gracias por tu mensaje. {autoReply}',

  'sms.distress':
    '{practice}: {crisis} Gracias por contárnoslo. Hemos pasado tu mensaje y alguien de la consulta se pondrá en contacto contigo.',
  'sms.move':
    '{practice}: claro. Para buscar otra hora, abre {link} Tu cita del {when} sigue en pie hasta que se cambie.',
  'sms.late': '{practice}: gracias por avisarnos. Le hemos dicho a tu terapeuta que vas en camino.',
  'sms.nervous':
    '{practice}: gracias por contárnoslo; sentir nervios antes de una sesión es muy común. Se lo hemos dicho a tu terapeuta, que quizá te llame un momento antes. {crisis}',
  'sms.nervous.noSession':
    '{practice}: gracias por contárnoslo; sentir nervios es muy común. Hemos pasado tu mensaje y alguien de la consulta se pondrá en contacto contigo. {crisis}',

  'notice.footer': '{practice} te envió este mensaje a través de su portal para clientes.',

  'page.urgent.subject': 'Urgente: un mensaje de un cliente espera en Hearth',
  'page.urgent.lead': 'Urgente: un mensaje de un cliente espera en Hearth. Ábrelo en cuanto puedas.',
  'page.urgent.sms': 'Urgente: un mensaje de un cliente espera en Hearth. Abre la consola: {link}',
  'page.urgent.pushBody': 'Toca para abrirlo en la consola.',
  'page.escalation.subject': 'Urgente: nadie ha abierto todavía el mensaje de un cliente',
  'page.escalation.lead': {
    one: 'Nadie ha abierto un mensaje urgente de un cliente en {count} minuto. Revísalo ahora, por favor.',
    other: 'Nadie ha abierto un mensaje urgente de un cliente en {count} minutos. Revísalo ahora, por favor.',
  },
  'page.escalation.sms': {
    one: 'Nadie ha abierto un mensaje urgente de un cliente en {count} minuto. Revísalo ahora: {link}',
    other: 'Nadie ha abierto un mensaje urgente de un cliente en {count} minutos. Revísalo ahora: {link}',
  },
  'page.button': 'Abrir la consola',
  'page.footer': 'Hearth envía estos avisos para {practice}. Elige cómo recibirlos en la consola.',
  // Correos al personal de la consulta (api/staff-notices): nunca las palabras ni el nombre de un cliente.
  'staffNotice.message.subject': 'Un mensaje nuevo de un cliente espera en Hearth',
  'staffNotice.message.lead': 'Un cliente te ha escrito. Puedes leerlo en la consola.',
  'staffNotice.hourly.subject': {
    one: 'Un mensaje nuevo de un cliente espera en Hearth',
    other: 'Mensajes nuevos de clientes esperan en Hearth',
  },
  'staffNotice.hourly.lead': {
    one: '{count} conversación tiene un mensaje nuevo de un cliente desde tu último aviso. Puedes leerlo en la consola.',
    other:
      '{count} conversaciones tienen mensajes nuevos de clientes desde tu último aviso. Puedes leerlos en la consola.',
  },
  'staffNotice.digest.subject': {
    one: 'Esta mañana en Hearth: 1 alerta abierta',
    other: 'Esta mañana en Hearth: {count} alertas abiertas',
  },
  'staffNotice.digest.lead': 'Buenos días. Esto sigue esperando a alguien en {practice}:',
  'staffNotice.digest.line': '{kind}: abierta {age}',
  'staffNotice.age.minutes': { one: 'desde hace {count} minuto', other: 'desde hace {count} minutos' },
  'staffNotice.age.hours': { one: 'desde hace {count} hora', other: 'desde hace {count} horas' },
  'staffNotice.age.days': { one: 'desde hace {count} día', other: 'desde hace {count} días' },
  'staffNotice.inbox': 'Abrir la bandeja',
  'staffNotice.alerts': 'Abrir las alertas',
  'staffNotice.footer':
    'Hearth envía estos correos para {practice}. Puedes elegir cuáles recibes, y cada cuánto, en la consola.',
  'alertKind.crisis_message': 'Mensaje de crisis',
  'alertKind.distress_reply': 'Un SMS que suena a angustia',
  'alertKind.late_cancellation': 'Cancelación tardía',
  'alertKind.series_cancellation': 'Varias sesiones canceladas',
  'alertKind.unclear_reply': 'Un SMS que no entendimos',
  'alertKind.delivery_failed': 'Recordatorio rebotado',
  'alertKind.reminder_failed': 'No se pudo enviar un recordatorio',
  'alertKind.no_show': 'Sesión perdida',
  'alertKind.reschedule_request': 'Pide otro horario',
  'alertKind.fee_waiver_request': 'Pide que se anule un cargo',
  'alertKind.switched_to_video': 'Cambió una sesión a videollamada',
  'alertKind.sync_problem': 'No se pudo traer una sesión',
  'alertKind.webhook_failing': 'Se pausó un webhook',
  'alertKind.other': 'Algo que necesita a una persona',
}

import type { Dictionary } from './dictionary'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Dictionary = {
  'date.long': '{weekday} {day} de {month} {at}',
  'date.medium': '{weekdayShort} {day} {monthShort} {at}',
  'date.short': '{weekdayShort} {day} {monthShort}, {time}',
  'date.day': '{weekday} {day} de {month}',
  'date.weekday': '{weekday} {at}',
  'date.at': { one: 'a la {time}', other: 'a las {time}' },
  'date.dayOfMonth': { one: '{count}', other: '{count}' },

  'cancel.free': 'Puedes cancelar sin coste hasta el {deadline}.',
  'cancel.free.thenFee': 'A partir de ese momento, la consulta cobra {fee} por cancelación tardía.',
  'cancel.free.thenContact': 'A partir de ese momento, tendrás que ponerte en contacto con la consulta para cancelar.',
  'cancel.late.fee':
    'Faltan menos de {hours} horas para esta sesión, así que si cancelas ahora la consulta cobrará {fee} por cancelación tardía. Si te ha surgido algo serio, puedes pedir que no te lo cobren.',
  'cancel.late.noFee':
    'Faltan menos de {hours} horas para esta sesión, pero aún puedes cancelarla aquí sin ningún coste.',
  'cancel.late.call':
    'Como faltan menos de {hours} horas para esta sesión, llama a la consulta al {phone} para cancelarla. Te ayudarán a encontrar otro horario.',
  'cancel.late.contact':
    'Como faltan menos de {hours} horas para esta sesión, ponte en contacto con la consulta para cancelarla. Te ayudarán a encontrar otro horario.',
  'cancel.started.call':
    'Esta sesión ya ha empezado, así que no se puede cancelar desde aquí. Si necesitas algo, llama a la consulta al {phone}.',
  'cancel.started.contact':
    'Esta sesión ya ha empezado, así que no se puede cancelar desde aquí. Si necesitas algo, ponte en contacto con la consulta.',

  'contact.category.scheduling': 'Citas y horarios',
  'contact.category.resource': 'Compartir un recurso',
  'contact.category.update': 'Contar cómo estás',
  'contact.category.homework': 'Tareas',
  'contact.category.other': 'Otra cosa',
  'contact.category.crisis': 'Estoy en crisis',
  'contact.topic.scheduling': 'tus citas',
  'contact.topic.resource': 'algún recurso que quieras compartir',
  'contact.topic.update': 'cómo te va',
  'contact.topic.homework': 'las tareas entre sesiones',
  'contact.topic.other': 'cualquier otro tema',
  'contact.welcomes': 'Entre sesiones, {therapist} recibe con gusto mensajes sobre {topics}.',
  'contact.reply.days': {
    one: '{therapist} suele responder en un plazo de {count} día hábil.',
    other: '{therapist} suele responder en un plazo de {count} días hábiles.',
  },
  'contact.reply.none':
    '{therapist} no responde mensajes entre sesiones, pero leerá el tuyo antes de tu próxima sesión.',
  'contact.notAccepting':
    '{therapist} no recibe mensajes entre sesiones. Puedes hablar de lo que te preocupa en tu próxima sesión, o escribir a la consulta para cualquier tema de citas.',
  'contact.categoryNotAllowed':
    '{therapist} no recibe este tipo de mensajes entre sesiones. Puedes comentarlo en tu próxima sesión.',
  'contact.urgent': 'Si es algo urgente, consulta «{helpNow}».',
  'contact.helpNow': '¿Necesitas ayuda ahora?',
  'contact.confidential':
    'Escribe aquí en lugar de por correo electrónico: este portal es la vía privada y segura para comunicarte con {therapist}.',
  'contact.crisis.sent':
    'Tu mensaje le llegará a {therapist} marcado como urgente, pero puede que no lo lea enseguida. Si estás en peligro, usa ahora los números de arriba.',

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

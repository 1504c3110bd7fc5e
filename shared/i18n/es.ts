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
  'reminder.confirm.sms': '{practice}: confirma tu cita del {when}. Responde YES para confirmar o C para cancelar.',
  'reminder.confirm.pushTitle': 'Confirma tu cita',
  'reminder.confirm.pushBody': 'Tu cita del {when} {with}.',
  'reminder.morning.subject': 'Tu cita de hoy {at}',
  'reminder.morning.lead': 'Te recordamos que tu cita {with} es hoy {at}.',
  'reminder.morning.help': 'Si te ha surgido algo, puedes avisar a la consulta desde tu portal.',
  'reminder.morning.sms': '{practice}: te recordamos tu cita de hoy {at}.',
  'reminder.morning.pushTitle': 'Tu cita de hoy',
  'reminder.morning.pushBody': 'Hoy {at} {with}.',
}

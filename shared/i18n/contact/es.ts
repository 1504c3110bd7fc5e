import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
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
  'contact.confidential':
    'Escribe aquí en lugar de por correo electrónico: este portal es la vía privada y segura para comunicarte con {therapist}.',
  'contact.crisis.sent':
    'Tu mensaje le llegará a {therapist} marcado como urgente, pero puede que no lo lea enseguida. Si estás en peligro, usa ahora los números de arriba.',
}

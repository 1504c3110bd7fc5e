import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú". */
export const es: Translation<typeof en> = {
  'reschedule.instant': 'Elige el horario que mejor te venga y tu sesión se cambiará al momento.',
  'reschedule.request':
    'Elige el horario que mejor te venga y la consulta lo confirmará. Mientras tanto, te guardamos ese horario.',
  'reschedule.late.request':
    'Faltan menos de {hours} horas para esta sesión, así que la consulta confirmará el nuevo horario. Mientras tanto, te guardamos el horario que elijas.',
  'reschedule.late.fee':
    'Faltan menos de {hours} horas para esta sesión, así que cambiarla ahora cuenta como una cancelación tardía y la consulta cobrará {fee}.',
  'reschedule.late.call':
    'Como faltan menos de {hours} horas para esta sesión, llama a la consulta al {phone} para cambiarla. Te ayudarán a encontrar otro horario.',
  'reschedule.late.contact':
    'Como faltan menos de {hours} horas para esta sesión, ponte en contacto con la consulta para cambiarla. Te ayudarán a encontrar otro horario.',
  'reschedule.off.call':
    'Para cambiar esta sesión, llama a la consulta al {phone}. Te ayudarán a encontrar otro horario.',
  'reschedule.off.contact':
    'Para cambiar esta sesión, ponte en contacto con la consulta. Te ayudarán a encontrar otro horario.',
  'reschedule.started': 'Esta sesión ya ha empezado, así que no se puede cambiar desde aquí.',
  'reschedule.again.book': 'Elige un horario que te venga bien y tu nueva sesión queda reservada al momento.',
  'reschedule.again.ask': 'Cuéntale a la consulta qué te viene bien y buscarán contigo un nuevo horario.',
  'reschedule.again.askCall':
    'Cuéntale a la consulta qué te viene bien, o llama al {phone}, y buscarán contigo un nuevo horario.',
  'reschedule.again.notMissed': 'Desde aquí solo se puede volver a reservar una sesión perdida.',
}

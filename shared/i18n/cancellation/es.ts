import type { Translation } from '../translator'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
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
}

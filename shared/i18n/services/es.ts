import type { Translation } from '../translator'
import type { en } from './en'

export const es: Translation<typeof en> = {
  'service.individual': 'Sesión individual',
  'service.video': 'Sesión por videollamada',
  'service.couples': 'Terapia de pareja',
  'service.family': 'Sesión familiar',
  'service.group': 'Sesión de grupo',
  'service.intake': 'Primera sesión',
  'service.consultation': 'Consulta',
  'service.phone': 'Sesión por teléfono',
}

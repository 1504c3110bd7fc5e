import type { Translation } from '../../shared/i18n'
import type { en } from './en'

/** Spanish, addressed as "tú": warm and direct, the way a friendly front desk writes. */
export const es: Translation<typeof en> = {
  'ui.retry': 'Intentar de nuevo',
  'ui.loading': 'Cargando…',
}

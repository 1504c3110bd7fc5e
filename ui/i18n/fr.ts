import type { Translation } from '../../shared/i18n'
import type { en } from './en'

/** French, addressed as "vous", in the plain register of a good cabinet's secretariat. */
export const fr: Translation<typeof en> = {
  'ui.retry': 'Réessayer',
  'ui.loading': 'Chargement…',
}

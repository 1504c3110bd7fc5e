import type { Translation } from '../translator'
import type { en } from './en'

export const fr: Translation<typeof en> = {
  'service.individual': 'Séance individuelle',
  'service.video': 'Séance en visio',
  'service.couples': 'Thérapie de couple',
  'service.family': 'Séance familiale',
  'service.group': 'Séance de groupe',
  'service.intake': 'Première séance',
  'service.consultation': 'Consultation',
  'service.phone': 'Séance par téléphone',
}

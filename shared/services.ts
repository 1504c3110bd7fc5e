import { dictionaries, t } from './i18n/services'
import type { Locale } from './schemas/policies'

type ServiceKey = keyof typeof dictionaries.en

// Other ways practices and EHRs spell the same kinds, beside the names in the dictionaries.
const ALSO: Partial<Record<ServiceKey, string[]>> = {
  'service.individual': ['Individual therapy', 'Individual', 'Therapy session', 'Session'],
  'service.video': ['Telehealth session', 'Telehealth', 'Video', 'Online session'],
  'service.couples': ['Couples session', 'Couples counselling', 'Couples counseling'],
  'service.family': ['Family therapy'],
  'service.group': ['Group therapy'],
  'service.intake': ['Intake', 'Intake session', 'Initial consultation', 'Initial session'],
  'service.phone': ['Phone call', 'Telephone session'],
}

const byName = new Map<string, ServiceKey>()
for (const key of Object.keys(dictionaries.en) as ServiceKey[]) {
  const names = [...Object.values(dictionaries).map((d) => d[key]), ...(ALSO[key] ?? [])]
  for (const name of names) byName.set(name.trim().toLowerCase(), key)
}

/**
 * A session's kind as the client reads it: a usual kind ("Video session") in their language, any
 * other name the practice gave it as written (a name we do not know is not guessed at).
 */
export function serviceName(type: string, locale: Locale): string {
  const key = byName.get(type.trim().toLowerCase())
  return key ? t(locale, key) : type
}

import type { AppointmentStatus } from '../../shared/schemas/appointment'
import type { FhirResource } from './fetch-bundles'

/** Pure readings of FHIR R4 resources into what Hearth keeps. */

type HumanName = { text?: string; given?: string[]; family?: string; use?: string }
type ContactPoint = { system?: string; value?: string; use?: string }

export function personName(resource: FhirResource): string | null {
  const names = (resource.name as HumanName[] | undefined) ?? []
  const name = names.find((n) => n.use === 'official') ?? names[0]
  if (!name) return null
  const text = name.text?.trim() || [...(name.given ?? []), name.family ?? ''].join(' ').trim()
  return text ? text.slice(0, 120) : null
}

export function contact(resource: FhirResource, system: 'email' | 'phone'): string | null {
  const points = (resource.telecom as ContactPoint[] | undefined) ?? []
  return points.find((p) => p.system === system && p.value)?.value?.trim() ?? null
}

/** The patient's language, when it is one the portal speaks. */
export function patientLocale(resource: FhirResource): 'en' | 'es' | 'fr' | null {
  const languages = (resource.communication as { language?: { coding?: { code?: string }[] } }[] | undefined) ?? []
  for (const language of languages) {
    for (const coding of language.language?.coding ?? []) {
      const code = coding.code?.slice(0, 2).toLowerCase()
      if (code === 'en' || code === 'es' || code === 'fr') return code
    }
  }
  return null
}

/**
 * What a FHIR `Appointment.status` means for a session: `booked` keeps the status Hearth holds
 * (a confirmation stays), `cancelled` and `entered-in-error` cancel it, `noshow` is missed,
 * `fulfilled` attended. Proposed, pending and waitlisted ones are not sessions yet (`skip`).
 */
export function sessionStatus(status: unknown): AppointmentStatus | undefined | 'skip' {
  switch (status) {
    case 'booked':
    case 'arrived':
    case 'checked-in':
      return undefined
    case 'cancelled':
    case 'entered-in-error':
      return 'cancelled'
    case 'noshow':
      return 'no_show'
    case 'fulfilled':
      return 'attended'
    default:
      return 'skip'
  }
}

/** The `Practitioner/…` and `Patient/…` ids taking part. */
export function participants(resource: FhirResource): { practitioner: string | null; patient: string | null } {
  const list = (resource.participant as { actor?: { reference?: string } }[] | undefined) ?? []
  const find = (type: string) => {
    for (const p of list) {
      const match = new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(p.actor?.reference ?? '')
      if (match) return match[1]!
    }
    return null
  }
  return { practitioner: find('Practitioner'), patient: find('Patient') }
}

export function sessionType(resource: FhirResource): string {
  type Concept = { text?: string; coding?: { display?: string }[] }
  const concepts = [
    resource.appointmentType as Concept | undefined,
    ...((resource.serviceType as Concept[] | undefined) ?? []),
  ]
  for (const concept of concepts) {
    const text = concept?.text ?? concept?.coding?.find((c) => c.display)?.display
    if (text) return text.slice(0, 80)
  }
  return 'Session'
}

import type { Consents } from '../../shared/schemas/people'
import type { ContactPolicy, Locale } from '../../shared/schemas/policies'
import { fieldError } from '../http/errors'
import type { Tx } from '../db/connect'

export type PortalClientRow = {
  id: string
  name: string
  email: string
  time_zone: string
  locale: Locale
  consents: Consents
}

export async function findPortalClient(tx: Tx, practiceId: string, clientId: string): Promise<PortalClientRow | null> {
  const [row] = await tx<(Omit<PortalClientRow, 'consents'> & Record<`consent_${keyof Consents}`, boolean>)[]>`
    select id, name, email, time_zone, locale, consent_email, consent_sms, consent_whatsapp, consent_push
    from clients where practice_id = ${practiceId} and id = ${clientId}`
  if (!row) return null
  const { consent_email, consent_sms, consent_whatsapp, consent_push, ...client } = row
  return {
    ...client,
    consents: { email: consent_email, sms: consent_sms, whatsapp: consent_whatsapp, push: consent_push },
  }
}

export type ClientTherapist = { id: string; name: string; contact_policy: ContactPolicy }

/** The client's therapists: anyone they have a session or a message thread with, by name. */
export async function clientTherapists(tx: Tx, practiceId: string, clientId: string): Promise<ClientTherapist[]> {
  return tx<ClientTherapist[]>`
    select t.id, t.name, t.contact_policy from therapists t
    where t.practice_id = ${practiceId} and (
      exists (select 1 from appointments a
              where a.practice_id = t.practice_id and a.therapist_id = t.id and a.client_id = ${clientId})
      or exists (select 1 from message_threads m
                 where m.practice_id = t.practice_id and m.therapist_id = t.id and m.client_id = ${clientId}))
    order by t.name, t.id`
}

/**
 * Which of the client's therapists a request means: the one named, or the only one. Another
 * therapist's id (or another practice's) is simply not one of theirs. With `nearestWhenUnsure`
 * (crisis notes, which are never refused) an unnamed choice goes to the therapist of the
 * session nearest in time.
 */
export async function chooseClientTherapist(
  tx: Tx,
  practiceId: string,
  clientId: string,
  therapistId?: string,
  options: { nearestWhenUnsure?: Date } = {},
): Promise<ClientTherapist> {
  const therapists = await clientTherapists(tx, practiceId, clientId)
  let chosen = therapistId ? therapists.find((t) => t.id === therapistId) : therapists[0]
  if (!therapistId && therapists.length > 1) {
    const at = options.nearestWhenUnsure
    const [nearest] = at
      ? await tx<{ therapist_id: string }[]>`
          select therapist_id from appointments where practice_id = ${practiceId} and client_id = ${clientId}
          order by abs(extract(epoch from starts_at - ${at}::timestamptz)), id limit 1`
      : []
    chosen = therapists.find((t) => t.id === nearest?.therapist_id)
  }
  if (!chosen) {
    const message = therapistId ? 'Choose one of your therapists.' : 'Choose which therapist this is for.'
    throw fieldError('therapist_id', message)
  }
  return chosen
}

/** A client whose portal access has not been ended, by id or by email. */
export async function findActiveClient(
  tx: Tx,
  practiceId: string,
  subject: { id: string } | { email: string },
): Promise<{ id: string } | null> {
  const [client] = await tx<{ id: string }[]>`
    select id from clients where practice_id = ${practiceId} and disabled_at is null
      and ${'id' in subject ? tx`id = ${subject.id}` : tx`email = ${subject.email}`}`
  return client ?? null
}

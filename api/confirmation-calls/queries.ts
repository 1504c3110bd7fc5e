import type { CallOutcome, ConfirmationCall } from '../../shared/schemas/practice-tools'
import type { Principal } from '../auth/practice-auth'
import type { Tx } from '../db/connect'
import { compact, iso } from '../db/rows'

type CallRow = {
  id: string
  appointment_id: string
  outcome: CallOutcome
  note: string | null
  called_at: Date
  recorded_by_key_id: string | null
  recorded_by_staff_id: string | null
  recorded_by_name: string | null
  recorded_by_therapist_id: string | null
}

function toConfirmationCall(row: CallRow): ConfirmationCall {
  return compact({
    id: row.id,
    appointment_id: row.appointment_id,
    outcome: row.outcome,
    note: row.note,
    called_at: iso(row.called_at),
    recorded_by: compact({
      api_key_id: row.recorded_by_key_id,
      staff_user_id: row.recorded_by_staff_id,
      name: row.recorded_by_name,
      role: row.recorded_by_therapist_id ? ('therapist' as const) : ('admin' as const),
      therapist_id: row.recorded_by_therapist_id,
    }),
  }) as ConfirmationCall
}

const columns = (tx: Tx) =>
  tx`id, appointment_id, outcome, note, called_at, recorded_by_key_id, recorded_by_staff_id, recorded_by_name,
     recorded_by_therapist_id`

export async function insertConfirmationCall(
  tx: Tx,
  practiceId: string,
  values: {
    appointmentId: string
    outcome: CallOutcome
    note: string | null
    calledAt: Date
    recordedBy: Pick<Principal, 'actor' | 'actorId' | 'actorName' | 'therapistId'>
  },
): Promise<ConfirmationCall> {
  const by = values.recordedBy
  const [row] = await tx<CallRow[]>`
    insert into confirmation_calls
      (practice_id, appointment_id, outcome, note, called_at, recorded_by_key_id, recorded_by_staff_id,
       recorded_by_name, recorded_by_therapist_id)
    values (${practiceId}, ${values.appointmentId}, ${values.outcome}, ${values.note}, ${values.calledAt},
            ${by.actor.kind === 'api_key' ? by.actorId : null}, ${by.actor.kind === 'staff' ? by.actorId : null},
            ${by.actorName}, ${by.therapistId})
    returning ${columns(tx)}`
  return toConfirmationCall(row!)
}

/** Every call about these sessions, oldest first, by session. */
export async function callsBySession(
  tx: Tx,
  practiceId: string,
  appointmentIds: string[],
): Promise<Map<string, ConfirmationCall[]>> {
  const calls = new Map<string, ConfirmationCall[]>()
  if (!appointmentIds.length) return calls
  const rows = await tx<CallRow[]>`
    select ${columns(tx)} from confirmation_calls
    where practice_id = ${practiceId} and appointment_id = any(${appointmentIds}::uuid[])
    order by called_at, id`
  for (const row of rows) {
    calls.set(row.appointment_id, [...(calls.get(row.appointment_id) ?? []), toConfirmationCall(row)])
  }
  return calls
}

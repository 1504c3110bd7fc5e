import type { CallOutcome, ConfirmationCall } from '../../shared/schemas/practice-tools'
import type { Tx } from '../db/connect'
import { compact, iso } from '../db/rows'

type CallRow = {
  id: string
  appointment_id: string
  outcome: CallOutcome
  note: string | null
  called_at: Date
  recorded_by_key_id: string
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
      role: row.recorded_by_therapist_id ? ('therapist' as const) : ('admin' as const),
      therapist_id: row.recorded_by_therapist_id,
    }),
  }) as ConfirmationCall
}

const columns = (tx: Tx) =>
  tx`id, appointment_id, outcome, note, called_at, recorded_by_key_id, recorded_by_therapist_id`

export async function insertConfirmationCall(
  tx: Tx,
  practiceId: string,
  values: {
    appointmentId: string
    outcome: CallOutcome
    note: string | null
    calledAt: Date
    keyId: string
    therapistId: string | null
  },
): Promise<ConfirmationCall> {
  const [row] = await tx<CallRow[]>`
    insert into confirmation_calls
      (practice_id, appointment_id, outcome, note, called_at, recorded_by_key_id, recorded_by_therapist_id)
    values (${practiceId}, ${values.appointmentId}, ${values.outcome}, ${values.note}, ${values.calledAt},
            ${values.keyId}, ${values.therapistId})
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

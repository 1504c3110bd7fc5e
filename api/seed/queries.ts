import type { Tx } from '../db/connect'

/** The demo's past: many sessions at once, as they were. */
export async function insertHistory(
  tx: Tx,
  rows: Record<string, unknown>[],
): Promise<{ id: string; client_id: string; starts_at: Date }[]> {
  return tx<{ id: string; client_id: string; starts_at: Date }[]>`
    insert into appointments ${tx(rows as never)} returning id, client_id, starts_at`
}

/** The reminders that went out for the demo's past sessions, as the dispatcher would have recorded them. */
export async function insertSentReminders(tx: Tx, rows: Record<string, unknown>[]): Promise<void> {
  await tx`insert into outbox ${tx(rows as never)}`
}

/** The demo's therapists by email, to bind their staff accounts. */
export async function demoTherapistIds(tx: Tx, practiceId: string): Promise<Map<string, string>> {
  const rows = await tx<
    { id: string; email: string }[]
  >`select id, email from therapists where practice_id = ${practiceId}`
  return new Map(rows.map((row) => [row.email, row.id]))
}

import type { Tx } from '../db/connect'

export type Actor =
  | { kind: 'api_key'; id: string }
  | { kind: 'client'; id: string }
  | { kind: 'operator' }
  | { kind: 'system' }
  | { kind: 'link'; id: string }

/** Appends one line to the audit log, inside the caller's transaction. Never holds message text. */
export async function audit(
  tx: Tx,
  entry: {
    practiceId: string
    actor: Actor
    action: string
    subject?: { kind: string; id: string }
    detail?: Record<string, unknown>
  },
): Promise<void> {
  await tx`
    insert into audit_log (practice_id, actor_kind, actor_id, action, subject_kind, subject_id, detail)
    values (${entry.practiceId}, ${entry.actor.kind}, ${'id' in entry.actor ? entry.actor.id : null},
            ${entry.action}, ${entry.subject?.kind ?? null}, ${entry.subject?.id ?? null},
            ${tx.json((entry.detail ?? {}) as never)})`
}

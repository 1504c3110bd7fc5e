import type { Tx } from '../db/connect'

/** A person signed in to the console: named in the log, with where they were and what they used. */
export type StaffActor = { kind: 'staff'; id: string; name: string; ip: string | null; userAgent: string | null }

export type Actor =
  | { kind: 'api_key'; id: string }
  | StaffActor
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
  const { actor } = entry
  const staff = actor.kind === 'staff' ? actor : null
  await tx`
    insert into audit_log (practice_id, actor_kind, actor_id, actor_name, ip, user_agent, action, subject_kind,
                           subject_id, detail)
    values (${entry.practiceId}, ${actor.kind}, ${'id' in actor ? actor.id : null}, ${staff?.name ?? null},
            ${staff?.ip ?? null}, ${staff?.userAgent ?? null}, ${entry.action}, ${entry.subject?.kind ?? null},
            ${entry.subject?.id ?? null}, ${tx.json((entry.detail ?? {}) as never)})`
}

export type AuditRow = {
  id: string
  at: Date
  actor_kind: string
  actor_id: string | null
  actor_name: string | null
  action: string
  subject_kind: string | null
  subject_id: string | null
  ip: string | null
  user_agent: string | null
  detail: Record<string, unknown>
}

/** The practice's log, newest first, filtered; `before` is the id of the last line already shown. */
export async function listAudit(
  tx: Tx,
  practiceId: string,
  q: { actorId?: string; subjectId?: string; from?: Date; to?: Date; before?: string; limit: number },
): Promise<AuditRow[]> {
  return tx<AuditRow[]>`
    select id::text, at, actor_kind, actor_id, actor_name, action, subject_kind, subject_id, ip, user_agent, detail
    from audit_log
    where practice_id = ${practiceId}
      ${q.actorId ? tx`and actor_id = ${q.actorId}` : tx``}
      ${q.subjectId ? tx`and subject_id = ${q.subjectId}` : tx``}
      ${q.from ? tx`and at >= ${q.from}` : tx``}
      ${q.to ? tx`and at < ${q.to}` : tx``}
      ${q.before ? tx`and id < ${q.before}::bigint` : tx``}
    order by id desc limit ${q.limit}`
}

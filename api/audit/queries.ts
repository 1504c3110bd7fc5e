import type { Tx } from '../db/connect'
import { type AuditLine, keptAudits } from '../db/read-audits'

/** A person signed in to the console: named in the log, with where they were and what they used. */
export type StaffActor = { kind: 'staff'; id: string; name: string; ip: string | null; userAgent: string | null }

export type Actor =
  | { kind: 'api_key'; id: string }
  | StaffActor
  | { kind: 'client'; id: string }
  | { kind: 'operator' }
  | { kind: 'system' }
  | { kind: 'link'; id: string }

/**
 * Appends one line to the audit log, inside the caller's transaction; a read's line is written
 * just after its transaction commits, with other reads' (api/db/read-audits.ts). Never holds
 * message text.
 */
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
  const line: AuditLine = {
    practice_id: entry.practiceId,
    actor_kind: actor.kind,
    actor_id: 'id' in actor ? actor.id : null,
    actor_name: staff?.name ?? null,
    ip: staff?.ip ?? null,
    user_agent: staff?.userAgent ?? null,
    action: entry.action,
    subject_kind: entry.subject?.kind ?? null,
    subject_id: entry.subject?.id ?? null,
    detail: entry.detail ?? {},
  }
  const kept = keptAudits(tx)
  if (kept) kept.push(line)
  else await insertAuditLines(tx, [line])
}

/** A line for what the caller of a practice route did, in their practice: the key or person signed in. */
export function auditCaller(
  tx: Tx,
  caller: { practiceId: string; actor: Actor },
  entry: Omit<Parameters<typeof audit>[1], 'practiceId' | 'actor'>,
): Promise<void> {
  return audit(tx, { practiceId: caller.practiceId, actor: caller.actor, ...entry })
}

/** Many lines in one statement (one parameter, so one prepared statement whatever the count). */
export async function insertAuditLines(tx: Tx, lines: AuditLine[]): Promise<void> {
  await tx`
    insert into audit_log (practice_id, actor_kind, actor_id, actor_name, ip, user_agent, action, subject_kind,
                           subject_id, detail)
    select practice_id, actor_kind, actor_id, actor_name, ip, user_agent, action, subject_kind, subject_id, detail
    from jsonb_to_recordset(${tx.json(lines as never)}) as r(
      practice_id uuid, actor_kind text, actor_id text, actor_name text, ip text, user_agent text, action text,
      subject_kind text, subject_id text, detail jsonb)`
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

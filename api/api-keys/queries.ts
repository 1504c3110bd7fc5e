import type { Sql, Tx } from '../db/connect'
import { iso } from '../db/rows'

export type KeyPrincipal = {
  keyId: string
  practiceId: string
  role: 'admin' | 'therapist'
  therapistId: string | null
}

type KeyRow = {
  id: string
  practice_id: string
  role: 'admin' | 'therapist'
  therapist_id: string | null
  name: string
  key_prefix: string
  created_at: Date
  last_used_at: Date | null
}

export function toApiKey(row: KeyRow) {
  return {
    id: row.id,
    role: row.role,
    therapist_id: row.therapist_id,
    name: row.name,
    prefix: row.key_prefix,
    created_at: iso(row.created_at),
    last_used_at: row.last_used_at ? iso(row.last_used_at) : null,
  }
}

/**
 * The key behind `hash`, before its practice is known, in one statement (hearth_key_scope runs
 * with app.system on for its own duration); null for an unknown or revoked key. As the first
 * statement of a read's own transaction (README: the read path) it also scopes that transaction
 * to the key's practice, and a therapist's key to its therapist, and its refusal (SQLSTATE 28000)
 * aborts every statement sent after it: sent at once, so they can follow before its answer.
 * `usedAt` also writes down the use.
 */
export function checkKey(sql: Sql | Tx, hash: string, usedAt: Date | null): Promise<KeyPrincipal | null> {
  return sql<Pick<KeyRow, 'id' | 'practice_id' | 'role' | 'therapist_id'>[]>`
    select id, practice_id, role, therapist_id from hearth_key_scope(${hash}, ${usedAt})`
    .execute()
    .then(
      ([row]) =>
        row ? { keyId: row.id, practiceId: row.practice_id, role: row.role, therapistId: row.therapist_id } : null,
      (error: { code?: string }) => {
        if (error.code === '28000') return null
        throw error
      },
    )
}

/** Whether a key with this hash was ever made (revoked ones included: a hash is never reused). */
export async function keyHashKnown(tx: Tx, hash: string): Promise<boolean> {
  const [known] = await tx`select 1 from api_keys where key_hash = ${hash}`
  return Boolean(known)
}

export async function insertApiKey(
  tx: Tx,
  values: {
    practiceId: string
    role: 'admin' | 'therapist'
    therapistId: string | null
    name: string
    hash: string
    prefix: string
  },
) {
  const [row] = await tx<KeyRow[]>`
    insert into api_keys (practice_id, role, therapist_id, name, key_hash, key_prefix)
    values (${values.practiceId}, ${values.role}, ${values.therapistId}, ${values.name}, ${values.hash}, ${values.prefix})
    returning id, practice_id, role, therapist_id, name, key_prefix, created_at, last_used_at`
  return toApiKey(row!)
}

/** `forUpdate` locks the active keys, so two revocations cannot both remove the last admin key. */
export async function listApiKeys(tx: Tx, practiceId: string, options: { forUpdate?: boolean } = {}) {
  const rows = await tx<KeyRow[]>`
    select id, practice_id, role, therapist_id, name, key_prefix, created_at, last_used_at from api_keys
    where practice_id = ${practiceId} and revoked_at is null order by created_at, id
    ${options.forUpdate ? tx`for update` : tx``}`
  return rows.map(toApiKey)
}

export async function revokeApiKey(tx: Tx, practiceId: string, id: string): Promise<boolean> {
  const rows = await tx`
    update api_keys set revoked_at = now() where practice_id = ${practiceId} and id = ${id} and revoked_at is null
    returning id`
  return rows.length > 0
}

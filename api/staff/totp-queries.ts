import type { Tx } from '../db/connect'

export type TotpRow = { secret: Uint8Array; secret_iv: Uint8Array; confirmed_at: Date | null; last_step: string | null }

/** A new secret replaces an unconfirmed one; a confirmed one stays until it is removed. */
export async function putPendingTotp(
  tx: Tx,
  values: { practiceId: string; userId: string; sealed: { ciphertext: Uint8Array; iv: Uint8Array }; now: Date },
): Promise<boolean> {
  const rows = await tx`
    insert into staff_totp (user_id, practice_id, secret, secret_iv, created_at)
    values (${values.userId}, ${values.practiceId}, ${values.sealed.ciphertext}, ${values.sealed.iv}, ${values.now})
    on conflict (user_id) do update set secret = excluded.secret, secret_iv = excluded.secret_iv,
      created_at = excluded.created_at, last_step = null
      where staff_totp.confirmed_at is null
    returning user_id`
  return rows.length > 0
}

/** Locked, so two codes sent at once cannot both pass the replay check. */
export async function findTotp(tx: Tx, practiceId: string, userId: string): Promise<TotpRow | null> {
  const [row] = await tx<TotpRow[]>`
    select secret, secret_iv, confirmed_at, last_step::text from staff_totp
    where practice_id = ${practiceId} and user_id = ${userId} for update`
  return row ?? null
}

export async function useTotpStep(
  tx: Tx,
  practiceId: string,
  userId: string,
  step: number,
  confirmAt: Date | null,
): Promise<void> {
  await tx`
    update staff_totp set last_step = ${step}, confirmed_at = coalesce(confirmed_at, ${confirmAt})
    where practice_id = ${practiceId} and user_id = ${userId}`
}

export async function deleteTotp(tx: Tx, practiceId: string, userId: string): Promise<boolean> {
  const rows =
    await tx`delete from staff_totp where practice_id = ${practiceId} and user_id = ${userId} returning user_id`
  return rows.length > 0
}

import type { Tx } from '../db/connect'

/** New codes replace every earlier one, used or not. */
export async function replaceRecoveryCodes(
  tx: Tx,
  values: { practiceId: string; userId: string; hashes: string[]; now: Date },
): Promise<void> {
  await tx`delete from staff_recovery_codes where practice_id = ${values.practiceId} and user_id = ${values.userId}`
  const rows = values.hashes.map((code_hash) => ({
    practice_id: values.practiceId,
    user_id: values.userId,
    code_hash,
    created_at: values.now,
  }))
  await tx`insert into staff_recovery_codes ${tx(rows)}`
}

/** Spends the code with this hash, if it is the person's and unused; true when it was. */
export async function spendRecoveryCode(
  tx: Tx,
  values: { practiceId: string; userId: string; hash: string; now: Date },
): Promise<boolean> {
  const rows = await tx`
    update staff_recovery_codes set used_at = ${values.now}
    where practice_id = ${values.practiceId} and user_id = ${values.userId} and code_hash = ${values.hash}
      and used_at is null
    returning id`
  return rows.length > 0
}

import type { Tx } from '../db/connect'

export type SmsGatewayRow = { practice_id: string; url: string; signing_secret: string }

export async function findSmsGateway(tx: Tx, practiceId: string): Promise<SmsGatewayRow | null> {
  const [row] = await tx<SmsGatewayRow[]>`
    select practice_id, url, signing_secret from sms_gateways where practice_id = ${practiceId}`
  return row ?? null
}

export async function setSmsGateway(
  tx: Tx,
  practiceId: string,
  gateway: { url: string; signingSecret: string } | null,
  now: Date,
): Promise<void> {
  if (!gateway) {
    await tx`delete from sms_gateways where practice_id = ${practiceId}`
    return
  }
  await tx`
    insert into sms_gateways (practice_id, url, signing_secret, updated_at)
    values (${practiceId}, ${gateway.url}, ${gateway.signingSecret}, ${now})
    on conflict (practice_id) do update
      set url = excluded.url, signing_secret = excluded.signing_secret, updated_at = excluded.updated_at`
}

/** The gateways of many practices at once (the dispatcher's batch). */
export async function smsGatewaysOf(tx: Tx, practiceIds: string[]): Promise<SmsGatewayRow[]> {
  return tx<SmsGatewayRow[]>`
    select practice_id, url, signing_secret from sms_gateways where practice_id = any(${practiceIds}::uuid[])`
}

import type { WhatsappPatch, WhatsappSettings } from '../../shared/schemas/connectors'
import type { ReminderSchedule } from '../../shared/schemas/policies'
import { openText, sealText } from '../crypto/secrets'
import type { Tx } from '../db/connect'
import { DEFAULT_WHATSAPP_API, type WhatsappAccount } from '../providers/whatsapp'
import { setWhatsappConnection, type WhatsappConnectionRow } from './queries'

/**
 * The `whatsapp` block of `PATCH /v1/practice`. The access token, app secret and verify token are
 * sealed at rest, each bound to its practice and its field, and never shown again.
 */

type Secret = 'access_token' | 'app_secret' | 'verify_token'

const seal = (rootSecret: string, practiceId: string, field: Secret, value: string) =>
  sealText(rootSecret, 'whatsapp-credentials', value, `${practiceId}/${field}`)

export function openWhatsappSecret(rootSecret: string, row: WhatsappConnectionRow, field: Secret): Promise<string> {
  return openText(
    rootSecret,
    'whatsapp-credentials',
    { ciphertext: row[field], iv: row[`${field}_iv`] },
    `${row.practice_id}/${field}`,
  )
}

export async function whatsappAccount(rootSecret: string, row: WhatsappConnectionRow): Promise<WhatsappAccount> {
  return {
    apiBaseUrl: row.api_base_url,
    phoneNumberId: row.phone_number_id,
    accessToken: await openWhatsappSecret(rootSecret, row, 'access_token'),
  }
}

export async function applyWhatsapp(
  tx: Tx,
  rootSecret: string,
  practiceId: string,
  patch: WhatsappPatch | null,
  now: Date,
): Promise<void> {
  if (!patch) return setWhatsappConnection(tx, practiceId, null, now)
  const [token, appSecret, verifyToken] = await Promise.all([
    seal(rootSecret, practiceId, 'access_token', patch.access_token),
    seal(rootSecret, practiceId, 'app_secret', patch.app_secret),
    seal(rootSecret, practiceId, 'verify_token', patch.verify_token),
  ])
  await setWhatsappConnection(
    tx,
    practiceId,
    {
      phone_number_id: patch.phone_number_id,
      api_base_url: (patch.api_base_url ?? DEFAULT_WHATSAPP_API).replace(/\/+$/, ''),
      access_token: token.ciphertext,
      access_token_iv: token.iv,
      app_secret: appSecret.ciphertext,
      app_secret_iv: appSecret.iv,
      verify_token: verifyToken.ciphertext,
      verify_token_iv: verifyToken.iv,
      templates: patch.templates,
    },
    now,
  )
}

/** Connecting WhatsApp puts it in the reminder schedule (after texts), so clients can choose it. */
export function scheduleWithWhatsapp(schedule: ReminderSchedule): ReminderSchedule | null {
  if (schedule.channels.includes('whatsapp')) return null
  const channels = [...schedule.channels]
  const afterSms = channels.indexOf('sms')
  channels.splice(afterSms >= 0 ? afterSms + 1 : channels.length, 0, 'whatsapp')
  return { ...schedule, channels }
}

export function whatsappView(
  publicUrl: string,
  slug: string,
  row: WhatsappConnectionRow | null,
): WhatsappSettings | null {
  if (!row) return null
  return {
    phone_number_id: row.phone_number_id,
    api_base_url: row.api_base_url,
    webhook_url: `${publicUrl}/v1/inbound/whatsapp?practice=${encodeURIComponent(slug)}`,
    templates: row.templates,
    has_access_token: true,
    has_app_secret: true,
    has_verify_token: true,
  }
}

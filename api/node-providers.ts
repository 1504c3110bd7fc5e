import { chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EntryDeps } from './deps'
import { devMailer, resendMailer } from './providers/email'
import { generateVapidKeys, type VapidKeys, webPushSender } from './providers/push'
import { smsGatewaySender } from './providers/sms'
import { whatsappCloudSender } from './providers/whatsapp'
import { webhookSender } from './providers/webhook'
import { resolveHostOnNode } from './providers/resolve-host'

/**
 * The providers a Node process uses, from its environment: Resend or the development outbox, web
 * push with VAPID keys (generated once into the data folder when not configured), the practices'
 * SMS gateways and webhook endpoints (signed POSTs with fetch; host names resolved to refuse private addresses), and the Resend webhook secret. Shared by `node.ts` (API + dispatcher) and `dispatcher.ts` (dispatcher only).
 */

type Env = Record<string, string | undefined>

/** A value kept in the data folder across restarts, created on first use. */
export async function remembered(
  dataDir: string,
  name: string,
  create: () => string | Promise<string>,
): Promise<string> {
  const file = join(dataDir, name)
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    const value = await create()
    await writeFile(file, `${value}\n`, { mode: 0o600 })
    await chmod(file, 0o600)
    return value
  }
}

export async function vapidKeys(env: Env, dataDir: string | null): Promise<VapidKeys | null> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY }
  }
  if (!dataDir) return null
  return JSON.parse(await remembered(dataDir, 'vapid.json', () => JSON.stringify(generateVapidKeys()))) as VapidKeys
}

export async function nodeProviders(
  env: Env,
  options: { dataDir: string | null; publicUrl: string },
): Promise<
  Pick<
    EntryDeps,
    'mailer' | 'push' | 'sms' | 'whatsapp' | 'webhooks' | 'resolveHost' | 'resendWebhookSecret' | 'emailFrom'
  >
> {
  const vapid = await vapidKeys(env, options.dataDir)
  const subject =
    env.VAPID_SUBJECT ?? (options.publicUrl.startsWith('https://') ? options.publicUrl : 'mailto:portal@hearth.example')
  return {
    mailer: env.RESEND_API_KEY ? resendMailer(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL }) : devMailer(),
    push: vapid ? webPushSender({ ...vapid, subject }) : undefined,
    sms: smsGatewaySender(),
    whatsapp: whatsappCloudSender(),
    webhooks: webhookSender(),
    resolveHost: resolveHostOnNode,
    resendWebhookSecret: env.RESEND_WEBHOOK_SECRET || undefined,
    emailFrom: env.EMAIL_FROM ?? 'Hearth <portal@hearth.example>',
  }
}

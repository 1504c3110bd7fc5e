import { composeDeps, createApp } from '../app'
import { generateApiKey } from '../api-keys/auth'
import { insertApiKey } from '../api-keys/queries'
import { insertPractice } from '../practice/queries'
import { asSystem } from '../db/tenant'
import type { EntryDeps } from '../deps'
import { devMailer } from '../providers/email'
import { smsGatewaySender } from '../providers/sms'
import { whatsappCloudSender } from '../providers/whatsapp'
import { webhookSender } from '../providers/webhook'
import { defaultCrisisResources } from '../../shared/crisis'
import { DEFAULT_CANCELLATION_POLICY, DEFAULT_REMINDER_SCHEDULE } from '../../shared/schemas/policies'
import { contractChecker } from './contract'
import { freshDatabase, type TestDatabase } from './database'
import type { ConnectOptions } from '../db/connect'
import { startReadAuditWriter } from '../audit/read-audit-writer'

export const OPERATOR_KEY = 'test-operator-key-0123456789'

/** A clock tests can set and move. */
export function testClock(start: string | Date) {
  let now = new Date(start)
  return {
    now: () => new Date(now),
    set(to: string | Date) {
      now = new Date(to)
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms)
    },
  }
}

export type TestContext = Awaited<ReturnType<typeof startTestApp>>

/** The real app on a fresh database, with a settable clock and JSON request helpers. */
export async function startTestApp(
  options: { now?: string; deps?: Partial<EntryDeps>; onQuery?: ConnectOptions['onQuery'] } = {},
) {
  const db: TestDatabase = await freshDatabase(options.onQuery ? { onQuery: options.onQuery } : {})
  const clock = testClock(options.now ?? '2026-03-02T15:00:00Z')
  const entry: EntryDeps = {
    sql: db.sql,
    clock: clock.now,
    publicUrl: 'http://hearth.test',
    secret: 'test-secret-with-enough-entropy-0123456789abcdef',
    development: true,
    operatorKey: OPERATOR_KEY,
    mailer: devMailer(clock.now),
    emailFrom: 'Hearth <portal@hearth.test>',
    sms: smsGatewaySender(),
    whatsapp: whatsappCloudSender(),
    webhooks: webhookSender(),
    ...options.deps,
  }
  const app = createApp(entry)
  // What the app's routes run with, for tests that call a feature's functions directly.
  const deps = composeDeps(entry)
  const checkContract = contractChecker(app)
  // As in production; every call waits for its read's audit line, so tests can read the log at once.
  const readAudits = startReadAuditWriter(db.sql)

  async function call(
    method: string,
    path: string,
    options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers }
    if (options.key) headers.authorization = `Bearer ${options.key}`
    let body: string | undefined
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    }
    const response = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await response.text()
    await readAudits.flush()
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    checkContract(method, path, response.status, json, response.headers.get('content-type'))
    return { status: response.status, body: json, text, headers: response.headers }
  }

  /** A practice with an admin key, created the way the operator API would. */
  async function createPractice(slug: string, overrides: { time_zone?: string; country?: string } = {}) {
    const secret = await generateApiKey()
    const practice = await asSystem(db.sql, async (tx) => {
      const practice = await insertPractice(tx, {
        name: `Practice ${slug}`,
        slug,
        time_zone: overrides.time_zone ?? 'America/New_York',
        country: overrides.country ?? 'US',
        phone: '+15550102000',
        allowed_origins: [`https://${slug}.example`],
        locales: ['en', 'es', 'fr'],
        cancellation_policy: DEFAULT_CANCELLATION_POLICY,
        reminder_schedule: DEFAULT_REMINDER_SCHEDULE,
        crisis_resources: defaultCrisisResources(overrides.country ?? 'US'),
        branding: {},
      })
      await insertApiKey(tx, {
        practiceId: practice.id,
        role: 'admin',
        therapistId: null,
        name: 'test',
        hash: secret.hash,
        prefix: secret.prefix,
      })
      return practice
    })
    return { practice, adminKey: secret.key }
  }

  return {
    app,
    deps,
    db,
    sql: db.sql,
    clock,
    call,
    createPractice,
    readAudits,
    stop: async () => {
      await readAudits.stop()
      await db.stop()
    },
  }
}

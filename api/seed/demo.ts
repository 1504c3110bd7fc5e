import { lockFor } from '../db/tenant'
import { TZDate } from '@date-fns/tz'
import { generateApiKey } from '../api-keys/auth'
import { sha256Hex } from '../crypto/web-crypto'
import { insertApiKey, keyHashKnown } from '../api-keys/queries'
import { insertAppointment } from '../appointments/queries'
import { insertClient } from '../clients/queries'
import type { Sql } from '../db/connect'
import { findPracticeBySlug, insertPractice } from '../practice/queries'
import { insertTherapist } from '../therapists/queries'
import { putAvailability } from '../availability/queries'
import { asSystem } from '../db/tenant'
import { seedDemoAlerts } from './demo-alerts'
import { seedDemoHistory } from './demo-history'
import { seedDemoStaff } from './demo-staff'
import { defaultCrisisResources } from '../../shared/crisis'
import type { ContactPolicy } from '../../shared/schemas/policies'
import { DEFAULT_REMINDER_SCHEDULE } from '../../shared/schemas/policies'

export const DEMO_SLUG = 'demo'
const ZONE = 'America/New_York'

const RIVERA_POLICY: ContactPolicy = {
  accepts_messages: true,
  allowed_categories: ['scheduling', 'resource', 'update', 'homework'],
  reply_expectation: { kind: 'business_days', days: 2 },
  auto_reply: 'Thanks for your message. I read messages on weekdays and will reply within two business days.',
  crisis_note: 'If you are not safe right now, please call 911 or call or text 988 before writing to me.',
}

const OKAFOR_POLICY: ContactPolicy = {
  accepts_messages: true,
  allowed_categories: ['scheduling', 'update'],
  reply_expectation: { kind: 'none' },
}

/** A session `days` from today at `hour` o'clock in the practice's zone. */
function sessionAt(now: Date, days: number, hour: number, minutes = 50) {
  const today = new TZDate(now.getTime(), ZONE)
  const start = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + days, hour, 0, ZONE)
  return { starts_at: new Date(start.getTime()), ends_at: new Date(start.getTime() + minutes * 60_000) }
}

export type SeedResult = { created: boolean; adminKey: string | null; practiceId: string }

/**
 * Seeds "Calm Waters Counselling" (`demo`) when it is absent: two therapists with different
 * contact policies, three clients and a week of sessions around `now`, and a few months of past
 * sessions for the insights (`demo-history.ts`). Idempotent.
 */
export async function seedDemo(
  sql: Sql,
  options: { now: Date; publicUrl: string; demoUrl?: string | undefined; bootstrapAdminKey?: string | undefined },
): Promise<SeedResult> {
  return asSystem(sql, async (tx) => {
    await lockFor(tx, 'seed:demo')
    const existing = await findPracticeBySlug(tx, DEMO_SLUG)
    if (existing) {
      // A demo seeded before staff accounts existed gains its people.
      await seedDemoStaff(tx, existing.id, options.now)
      let adminKey: string | null = null
      if (options.bootstrapAdminKey) {
        const hash = await sha256Hex(options.bootstrapAdminKey)
        if (!(await keyHashKnown(tx, hash))) {
          await insertApiKey(tx, {
            practiceId: existing.id,
            role: 'admin',
            therapistId: null,
            name: 'Bootstrap admin key',
            hash,
            prefix: options.bootstrapAdminKey.slice(0, 14),
          })
        }
        adminKey = options.bootstrapAdminKey
      }
      return { created: false, adminKey, practiceId: existing.id }
    }

    const practice = await insertPractice(tx, {
      name: 'Calm Waters Counselling',
      slug: DEMO_SLUG,
      time_zone: ZONE,
      country: 'US',
      phone: '+15550102000',
      // The demo website on its own origin embeds the portal; Hearth's own origin stays for the inline page of tests.
      allowed_origins: [
        ...(options.demoUrl ? [new URL(options.demoUrl).origin] : []),
        new URL(options.publicUrl).origin,
      ],
      locales: ['en', 'es', 'fr'],
      cancellation_policy: { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' },
      reminder_schedule: DEFAULT_REMINDER_SCHEDULE,
      crisis_resources: defaultCrisisResources('US'),
      branding: { accent_color: '#2f6f62' },
    })
    const p = practice.id
    const rivera = await insertTherapist(
      tx,
      p,
      { name: 'Dr. Maya Rivera', email: 'maya.rivera@calmwaters.example', phone: '+15550102011', time_zone: ZONE },
      RIVERA_POLICY,
    )
    const okafor = await insertTherapist(
      tx,
      p,
      {
        name: 'Sam Okafor, LCSW',
        email: 'sam.okafor@calmwaters.example',
        phone: '+15550102012',
        time_zone: ZONE,
        cancellation_policy: { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' },
      },
      OKAFOR_POLICY,
    )
    // Hours clients can move sessions into: Dr. Rivera on weekdays, in person or by video;
    // Sam Okafor by video, Tuesday to Thursday.
    const hours = (weekdays: number[], start: string, end: string, modes?: ('in_person' | 'video')[]) =>
      weekdays.map((weekday) => ({ weekday, start, end, ...(modes ? { modes } : {}) }))
    const now = options.now
    await putAvailability(
      tx,
      p,
      rivera.id,
      {
        time_zone: ZONE,
        weekly: hours([1, 2, 3, 4, 5], '09:00', '17:00'),
        exceptions: [],
        buffer_minutes: 10,
        min_notice_hours: 24,
        horizon_days: 21,
        video_url: 'https://video.calmwaters.example/rivera',
      },
      now,
    )
    await putAvailability(
      tx,
      p,
      okafor.id,
      {
        time_zone: ZONE,
        weekly: hours([2, 3, 4], '10:00', '18:00', ['video']),
        exceptions: [],
        buffer_minutes: 15,
        min_notice_hours: 24,
        horizon_days: 28,
        video_url: 'https://video.calmwaters.example/okafor',
      },
      now,
    )
    const alex = await insertClient(tx, p, {
      name: 'Alex Morgan',
      email: 'alex@example.com',
      phone: '+15550103001',
      time_zone: ZONE,
      locale: 'en',
      consents: { email: true, sms: true, push: false },
    })
    const jordan = await insertClient(tx, p, {
      name: 'Jordan Lee',
      email: 'jordan@example.com',
      phone: '+15550103002',
      time_zone: 'America/Chicago',
      locale: 'en',
      consents: { email: true, sms: false, push: false },
    })
    const lucia = await insertClient(tx, p, {
      name: 'Lucía Fernández',
      email: 'lucia@example.com',
      phone: '+15550103003',
      time_zone: 'America/Los_Angeles',
      locale: 'es',
      consents: { email: true, sms: true, push: false },
    })

    const office = 'Calm Waters Counselling, 12 Harbor Street, Suite 3, Portland, ME 04101'
    const video = 'https://video.calmwaters.example/room/'
    const sessions = [
      { client: alex, therapist: rivera, days: -7, hour: 10, status: 'attended', series: 'alex-weekly' },
      { client: alex, therapist: rivera, days: 0, hour: 10, status: 'attended', series: 'alex-weekly' },
      { client: alex, therapist: rivera, days: 1, hour: 16, status: 'scheduled', series: null },
      { client: alex, therapist: rivera, days: 7, hour: 10, status: 'scheduled', series: 'alex-weekly' },
      { client: jordan, therapist: rivera, days: -2, hour: 14, status: 'no_show', series: null },
      { client: jordan, therapist: rivera, days: 4, hour: 14, status: 'scheduled', series: null, telehealth: true },
      { client: lucia, therapist: okafor, days: -4, hour: 11, status: 'attended', series: null, telehealth: true },
      { client: lucia, therapist: okafor, days: 2, hour: 11, status: 'confirmed', series: null, telehealth: true },
      { client: lucia, therapist: okafor, days: 5, hour: 15, status: 'scheduled', series: null, telehealth: true },
    ] as const
    for (const [index, s] of sessions.entries()) {
      const telehealth = 'telehealth' in s && s.telehealth
      await insertAppointment(tx, p, {
        external_id: `demo-${index + 1}`,
        therapist_id: s.therapist.id,
        client_id: s.client.id,
        ...sessionAt(options.now, s.days, s.hour),
        type: telehealth ? 'Video session' : 'Individual session',
        location: telehealth ? null : office,
        telehealth_url: telehealth ? `${video}${index + 1}` : null,
        series_id: s.series,
        status: s.status,
      })
    }
    await seedDemoHistory(tx, p, { now: options.now, zone: ZONE, rivera, okafor, lateFeeCents: 7500 })
    await seedDemoAlerts(tx, p, options.now)
    await seedDemoStaff(tx, p, options.now)

    const secret = options.bootstrapAdminKey
      ? {
          key: options.bootstrapAdminKey,
          hash: await sha256Hex(options.bootstrapAdminKey),
          prefix: options.bootstrapAdminKey.slice(0, 14),
        }
      : await generateApiKey()
    await insertApiKey(tx, {
      practiceId: p,
      role: 'admin',
      therapistId: null,
      name: 'Demo admin key',
      hash: secret.hash,
      prefix: secret.prefix,
    })
    return { created: true, adminKey: secret.key, practiceId: p }
  })
}

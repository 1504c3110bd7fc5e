import type { Context } from 'hono'
import type { AppointmentListener } from './appointments/changed'
import type { Sql } from './db/connect'
import type { PracticeRead, Principal } from './auth/practice-auth'
import type { LiveSession } from './staff/session-queries'
import type { InSession, PortalClient } from './portal/token'
import type { Mailer } from './providers/email'
import type { PushSender } from './providers/push'
import type { SmsSender } from './providers/sms'
import type { WhatsappSender } from './providers/whatsapp'
import type { WebhookSender } from './providers/webhook'

/** Everything the app needs from the outside world, passed in by the entry (Node, Worker, tests). */
export type EntryDeps = {
  sql: Sql
  clock: () => Date
  /** Hearth's own public origin, e.g. https://portal.hearth.example (no trailing slash). */
  publicUrl: string
  /** The Calm Waters demo website's own origin (DEMO_PORT), linked from Hearth's home page; absent when not served. */
  demoUrl?: string | undefined
  /** The root secret for signing and encryption (HEARTH_SECRET). */
  secret: string
  /**
   * A development server (Node without NODE_ENV=production, Workers only with HEARTH_ENV=development):
   * only then do the /dev routes exist and may webhooks point at this machine or its network.
   */
  development: boolean
  /** HEARTH_OPERATOR_KEY; the operator routes are off when it is absent. */
  operatorKey?: string | undefined
  /** Sends email; the development mailer also keeps an outbox readable at GET /dev/outbox. */
  mailer: Mailer
  /** The From address for email, e.g. "Calm Waters via Hearth <portal@hearth.example>". */
  emailFrom: string
  /** Web push with VAPID; absent where `web-push` cannot run (Workers), so push waits for a Node dispatcher. */
  push?: PushSender | undefined
  /** The VAPID public key pages subscribe with; defaults to the push sender's (set it on Workers). */
  vapidPublicKey?: string | undefined
  /** Posts texts to each practice's own SMS gateway (`smsGatewaySender()` signs and POSTs with fetch). */
  sms: SmsSender
  /** Sends WhatsApp messages through each practice's Cloud API number (`whatsappCloudSender()`, fetch only). */
  whatsapp: WhatsappSender
  /** Posts signed outbound webhooks to practices' endpoints (`webhookSender()` signs and POSTs with fetch). */
  webhooks: WebhookSender
  /**
   * The addresses a host name resolves to, for refusing webhook endpoints on private networks
   * (Node: the system resolver). Absent on Workers, whose network reaches only public addresses.
   */
  resolveHost?: ((hostname: string) => Promise<string[]>) | undefined
  /** Verifies Resend's delivery webhooks (RESEND_WEBHOOK_SECRET, `whsec_...`); events are refused without it. */
  resendWebhookSecret?: string | undefined
  /** The caller's network address for per-address rate limits (socket on Node, CF-Connecting-IP on Workers). */
  clientIp?: ((c: Context) => string | null | undefined) | undefined
  /** The built portal page template (dist/portal.html), or null before `npm run build`. */
  portalPage?: (() => Promise<string | null>) | undefined
}

/** The entry's dependencies plus what the app composes from its own features (app.ts `composeDeps`). */
export type Deps = EntryDeps & {
  /** Who hears of every appointment change, in order (appointments/changed.ts). */
  appointmentListeners: readonly AppointmentListener[]
}

export type AppEnv = {
  Variables: {
    principal: Principal
    /** The staff session behind the cookie, with the cookie's own value (staff/session.ts). */
    staff: LiveSession & { token: string }
    client: PortalClient
    inSession: InSession
    /** A practice read with its caller (auth/practice-auth.ts `practiceRead`). */
    practiceRead: PracticeRead
  }
}

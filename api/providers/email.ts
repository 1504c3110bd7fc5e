import { Resend } from 'resend'

/** Email leaves Hearth through a Mailer: Resend in production, the development outbox otherwise. */

export type EmailMessage = {
  to: string
  subject: string
  text: string
  html?: string
  /** Resend keeps this for 24 h: a retry with the same key never sends a second email. */
  idempotencyKey?: string
  tags?: Record<string, string>
}

export type SentEmail = { id: string }

export type Mailer = {
  send(message: EmailMessage & { from: string }): Promise<SentEmail>
  /** Present only on the development mailer: what would have been sent. */
  outbox?: DevOutbox
}

export type OutboxEntry = EmailMessage & { id: string; from: string; sent_at: string }

/** In-memory record of every email, newest last; read through GET /dev/outbox. */
export class DevOutbox {
  private entries: OutboxEntry[] = []
  private readonly byKey = new Map<string, OutboxEntry>()
  constructor(private readonly limit = 500) {}

  add(message: EmailMessage & { from: string }, now: Date): OutboxEntry {
    const known = message.idempotencyKey ? this.byKey.get(message.idempotencyKey) : undefined
    if (known) return known
    const entry: OutboxEntry = { ...message, id: `dev_${crypto.randomUUID()}`, sent_at: now.toISOString() }
    this.entries.push(entry)
    if (message.idempotencyKey) this.byKey.set(message.idempotencyKey, entry)
    if (this.entries.length > this.limit) this.entries = this.entries.slice(-this.limit)
    return entry
  }

  list(filter: { to?: string | undefined } = {}): OutboxEntry[] {
    return this.entries.filter((e) => !filter.to || e.to.toLowerCase() === filter.to.toLowerCase())
  }
}

export function devMailer(clock: () => Date = () => new Date()): Mailer {
  const outbox = new DevOutbox()
  return {
    outbox,
    async send(message) {
      return { id: outbox.add(message, clock()).id }
    },
  }
}

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message)
  }
}

export function resendMailer(apiKey: string, options: { baseUrl?: string | undefined } = {}): Mailer {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined)
  return {
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.tags ? { tags: Object.entries(message.tags).map(([name, value]) => ({ name, value })) } : {}),
        },
        message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
      )
      if (error || !data) {
        const status = (error as { statusCode?: number } | null)?.statusCode ?? 0
        throw new EmailSendError(
          error?.message ?? 'Resend did not accept the email.',
          status >= 400 && status < 500 && status !== 429,
        )
      }
      return { id: data.id }
    },
  }
}

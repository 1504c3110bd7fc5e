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
  /**
   * Up to 100 emails in one request under one idempotency key (Resend's POST /emails/batch), all or
   * none: the ids in the order given, or an EmailSendError. The same key with the same emails within
   * 24 h answers the first request's ids and sends nothing more. Absent: each email is sent alone.
   */
  sendBatch?(messages: BatchEmail[], options: { idempotencyKey: string }): Promise<SentEmail[]>
  /** Present only on the development mailer: what would have been sent. */
  outbox?: DevOutbox
}

/** An email of a batch: its own idempotency key is not sent (the batch has one), its reference is. */
export type BatchEmail = Omit<EmailMessage, 'idempotencyKey'> & { from: string; headers?: Record<string, string> }

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
    /** Resend's status and error name, when it answered (409 `invalid_idempotent_request`, 422 ...). */
    readonly status = 0,
    readonly code = '',
  ) {
    super(message)
  }
}

type ResendError = { message?: string; statusCode?: number | null; name?: string } | null

function sendError(error: ResendError, fallback: string): EmailSendError {
  const status = error?.statusCode ?? 0
  return new EmailSendError(
    error?.message ?? fallback,
    status >= 400 && status < 500 && status !== 429,
    status,
    error?.name ?? '',
  )
}

function resendEmail(message: BatchEmail) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.tags ? { tags: Object.entries(message.tags).map(([name, value]) => ({ name, value })) } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  }
}

export function resendMailer(apiKey: string, options: { baseUrl?: string | undefined } = {}): Mailer {
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined)
  return {
    async send(message) {
      const { idempotencyKey, ...email } = message
      const { data, error } = await resend.emails.send(
        resendEmail(email),
        idempotencyKey ? { idempotencyKey } : undefined,
      )
      if (error || !data) throw sendError(error, 'Resend did not accept the email.')
      return { id: data.id }
    },
    async sendBatch(messages, options) {
      // Strict validation (Resend's default): one invalid email refuses the whole batch, none sent.
      const { data, error } = await resend.batch.send(messages.map(resendEmail), {
        idempotencyKey: options.idempotencyKey,
        batchValidation: 'strict',
      })
      if (error || !data || data.data.length !== messages.length)
        throw sendError(error, 'Resend did not accept the batch.')
      return data.data.map((sent) => ({ id: sent.id }))
    },
  }
}

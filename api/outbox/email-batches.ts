import { asSystem } from '../db/tenant'
import type { EntryDeps } from '../deps'
import { type BatchEmail, type EmailMessage, EmailSendError, type Mailer, type SentEmail } from '../providers/email'
import type { Outcome } from './dispatch'
import { type EmailBatch, type OutboxRow, recordEmailBatches } from './queries'

/**
 * The emails of a dispatcher's batch leave in Resend batches (POST /emails/batch, up to 100 under
 * one Idempotency-Key) instead of one request each. Exactly once holds because a batch's make-up
 * is written down and committed (email_batches, on a connection of its own) before it is posted,
 * while the claiming transaction still holds its rows:
 *
 * - answered: the ids are recorded with the rows and the batch is deleted, in that transaction;
 * - refused as a whole (strict validation: one bad email, nothing sent): each email is sent alone
 *   under its own idempotency key, as without batches;
 * - no answer, a 5xx, or the dispatcher died (kill -9): the rows stay pending and no other claim
 *   takes them; the batch is posted again exactly as recorded, same key and same body, which Resend
 *   answers with the first post's ids if it took it, and sends only if it did not;
 * - a row closed meanwhile (the session was cancelled) leaves a smaller batch under the same key:
 *   Resend answers 409 `invalid_idempotent_request` if the first post was taken (its emails went
 *   out; the rows are recorded as sent, ids unknown) and sends the smaller batch if it was not;
 * - Resend keeps keys 24 hours: a batch still unanswered after 23 is not posted again, and its
 *   rows close as `outcome_unknown` (the front desk is told), at most once rather than twice.
 */

export const EMAIL_BATCH_SIZE = 100
export const REPLAY_WINDOW_MS = 23 * 3_600_000
/** The header that carries an email's own idempotency key inside a batch (Gmail also stops threading on it). */
export const REF_HEADER = 'X-Entity-Ref-ID'

/** What became of a posted batch: its record is deleted once the answer is known. */
export type BatchState = 'known' | 'unknown'

export type Done = { outcome: Outcome; extra?: unknown }

type Parked = { message: EmailMessage & { from: string }; resolve(sent: SentEmail): void; reject(error: unknown): void }

/** Whether this process may batch: Resend, and a second connection to record batches on. */
export function canBatchEmail(deps: EntryDeps): boolean {
  return Boolean(deps.mailer.sendBatch) && (deps.sql.options?.max ?? 1) >= 2
}

/**
 * A mailer for the jobs of one claimed batch: an email row's send waits until a hundred have asked
 * to send, or every email job has either finished or asked to send, then they leave together in a
 * Resend batch.
 */
export class EmailBatcher {
  readonly states = new Map<string, { state: BatchState; ids: string[] }>()
  private readonly rows: Map<string, OutboxRow>
  private readonly waiting = new Set<string>()
  private parked: Parked[] = []

  constructor(
    private readonly deps: EntryDeps,
    private readonly now: Date,
    rows: readonly OutboxRow[],
  ) {
    this.rows = new Map(rows.map((r) => [r.idempotency_key, r]))
    for (const row of rows) this.waiting.add(row.idempotency_key)
  }

  readonly mailer: Mailer = {
    send: (message) => {
      const key = message.idempotencyKey
      if (!key || !this.waiting.has(key)) return this.deps.mailer.send(message)
      return new Promise<SentEmail>((resolve, reject) => {
        this.parked.push({ message, resolve, reject })
        // A full batch leaves at once: it is recorded and posted while the rest are still worded.
        if (this.parked.length >= EMAIL_BATCH_SIZE) this.flushParked()
        this.settled(key)
      })
    },
  }

  /**
   * Runs the email rows' jobs, all at once since each only words its email before it waits. A post
   * still unanswered when its jobs time out leaves its batch `unknown`, to be posted again later.
   */
  run(rows: readonly OutboxRow[], runJob: (row: OutboxRow) => Promise<Done>): Promise<Done[]> {
    return Promise.all(rows.map((row) => runJob(row).finally(() => this.settled(row.idempotency_key))))
  }

  private settled(key: string) {
    this.waiting.delete(key)
    if (this.waiting.size === 0 && this.parked.length) this.flushParked()
  }

  private flushParked() {
    const parked = this.parked
    this.parked = []
    void this.flush(parked)
  }

  private async flush(parked: Parked[]) {
    const chunks: Parked[][] = []
    for (let i = 0; i < parked.length; i += EMAIL_BATCH_SIZE) chunks.push(parked.slice(i, i + EMAIL_BATCH_SIZE))
    // Even one email goes as a batch of one: only a recorded batch may be posted again after a crash.
    const batches = chunks.map((chunk) => ({
      key: `batch/${crypto.randomUUID()}`,
      chunk,
      outbox_ids: chunk.map((p) => this.rows.get(p.message.idempotencyKey!)!.id),
      emails: chunk.map((p) => batchEmail(p.message)),
    }))
    try {
      await asSystem(this.deps.sql, (tx) =>
        recordEmailBatches(
          tx,
          batches.map((b) => ({ key: b.key, outbox_ids: b.outbox_ids, messages: JSON.stringify(b.emails) })),
          this.now,
        ),
      )
    } catch (error) {
      // Not recorded, so not posted: every row is retried later.
      for (const p of parked) p.reject(new Error(`The batch could not be recorded: ${(error as Error).message}`))
      return
    }
    await Promise.all(
      batches.map(async (b) => {
        this.states.set(b.key, { state: 'unknown', ids: b.outbox_ids })
        const answer = await postBatch(this.deps.mailer, b.key, b.emails)
        if (answer.kind === 'sent') {
          this.states.set(b.key, { state: 'known', ids: b.outbox_ids })
          for (const [i, p] of b.chunk.entries()) p.resolve(answer.sent[i]!)
        } else if (answer.kind === 'refused') {
          this.states.set(b.key, { state: 'known', ids: b.outbox_ids })
          await Promise.all(b.chunk.map((p) => this.sendAlone(p)))
        } else {
          // A 409 cannot mean another body here (the key is new): like no answer, try again later.
          const error = answer.kind === 'unknown' ? answer.error : 'Resend answered a new batch key as used.'
          for (const p of b.chunk) p.reject(new Error(error))
        }
      }),
    )
  }

  private async sendAlone(p: Parked) {
    try {
      p.resolve(await this.deps.mailer.send(p.message))
    } catch (error) {
      p.reject(error)
    }
  }
}

function batchEmail(message: EmailMessage & { from: string }): BatchEmail {
  const { idempotencyKey, ...email } = message
  return { ...email, headers: { [REF_HEADER]: idempotencyKey! } }
}

type Answer =
  | { kind: 'sent'; sent: SentEmail[] }
  /** Strict validation refused it: nothing of it was sent. */
  | { kind: 'refused'; error: EmailSendError }
  /** The key was used before with other emails: that first post was taken. */
  | { kind: 'taken_before' }
  | { kind: 'unknown'; error: string }

async function postBatch(mailer: Mailer, key: string, emails: BatchEmail[]): Promise<Answer> {
  try {
    return { kind: 'sent', sent: await mailer.sendBatch!(emails, { idempotencyKey: key }) }
  } catch (error) {
    if (error instanceof EmailSendError) {
      if (error.status === 409 && error.code === 'invalid_idempotent_request') return { kind: 'taken_before' }
      if (error.permanent && error.status !== 409) return { kind: 'refused', error }
    }
    return { kind: 'unknown', error: (error as Error).message || 'Resend did not answer the batch.' }
  }
}

/**
 * Posts a recorded batch again (its dispatcher died, or it was never answered) for those of its
 * rows still pending: the outcome of each row, and whether the batch's outcome is now known.
 */
export async function replayBatch(
  deps: EntryDeps,
  batch: EmailBatch,
  rows: readonly OutboxRow[],
  now: Date,
): Promise<{ done: Map<string, Done>; state: BatchState }> {
  const done = new Map<string, Done>()
  if (now.getTime() - batch.created_at.getTime() > REPLAY_WINDOW_MS) {
    for (const row of rows) {
      done.set(row.id, {
        outcome: {
          status: 'failed',
          reason: 'outcome_unknown',
          error: 'Its batch was never answered within a day; it was not sent again.',
        },
      })
    }
    return { done, state: 'known' }
  }
  const pending = new Map(rows.map((r) => [r.id, r]))
  const recorded = JSON.parse(batch.messages) as BatchEmail[]
  const picked = batch.outbox_ids
    .map((id, i) => ({ row: pending.get(id), email: recorded[i]! }))
    .filter((p): p is { row: OutboxRow; email: BatchEmail } => Boolean(p.row))
  if (!picked.length) return { done, state: 'known' }
  const answer = await postBatch(
    deps.mailer,
    batch.key,
    picked.map((p) => p.email),
  )
  if (answer.kind === 'sent') {
    for (const [i, p] of picked.entries()) {
      done.set(p.row.id, { outcome: { status: 'sent', providerMessageId: answer.sent[i]!.id } })
    }
    return { done, state: 'known' }
  }
  if (answer.kind === 'taken_before') {
    for (const p of picked) {
      done.set(p.row.id, { outcome: { status: 'sent', providerMessageId: `resend-batch:${batch.key}` } })
    }
    return { done, state: 'known' }
  }
  if (answer.kind === 'refused') {
    // Nothing of it was sent: each email alone, under its own key (as the first post would have).
    await Promise.all(
      picked.map(async ({ row, email }) => {
        const { headers: _ref, ...message } = email
        try {
          const sent = await deps.mailer.send({ ...message, idempotencyKey: row.idempotency_key })
          done.set(row.id, { outcome: { status: 'sent', providerMessageId: sent.id } })
        } catch (error) {
          const permanent = (error as { permanent?: unknown }).permanent === true
          const message = (error as Error).message || 'Resend did not accept the email.'
          done.set(
            row.id,
            permanent
              ? {
                  outcome: { status: 'failed', reason: 'rejected', error: message },
                  extra: { permanentEmailFailure: true },
                }
              : { outcome: { status: 'retry', error: message } },
          )
        }
      }),
    )
    return { done, state: 'known' }
  }
  for (const p of picked) done.set(p.row.id, { outcome: { status: 'retry', error: answer.error } })
  return { done, state: 'unknown' }
}

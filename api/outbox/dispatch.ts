import type { Tx } from '../db/connect'
import { canBatchEmail, type Done, EMAIL_BATCH_SIZE, EmailBatcher, replayBatch } from './email-batches'
import {
  claimDue,
  claimEmailBatches,
  closeEmailBatches,
  markSendStarted,
  type OutboxChannel,
  type OutboxRow,
  relock,
  retryEmailBatches,
  type Settled,
  settle,
} from './queries'
import { asSystem } from '../db/tenant'
import type { EntryDeps } from '../deps'
import { HOUSEKEEPING_EVERY_MS, housekeeping } from '../housekeeping/housekeeping'

/**
 * The outbox dispatcher. One transaction per batch: claim due rows with FOR UPDATE SKIP LOCKED,
 * send each with its idempotency key, record the outcomes, commit. The rows stay locked while they
 * are sent, so a second dispatcher skips them; if this one dies before it commits, the rows are
 * still pending and the next dispatcher sends them again under the same keys, which the providers
 * (Resend's Idempotency-Key, the SMS gateway's key, push topics) turn into the message already sent.
 */

export type Outcome =
  | { status: 'sent'; providerMessageId: string }
  | { status: 'skipped'; reason: string }
  /** Retrying the same message cannot help. */
  | { status: 'failed'; reason: string; error: string }
  /** Worth another try later, unless `deadline` (e.g. the session's start) comes first. */
  | { status: 'retry'; error: string; deadline?: Date }

/** A row's final outcome this round, as `after` sees it: a retry past its last chance is `failed`. */
export type Result<Extra = unknown> = {
  row: OutboxRow
  outcome: Exclude<Outcome, { status: 'retry' }> | { status: 'retry'; error: string; dueAt: Date }
  extra?: Extra | undefined
}

export type Job<Extra = unknown> = () => Promise<{ outcome: Outcome; extra?: Extra }>

export type OutboxHandler<Extra = unknown> = {
  topic: string
  /** How many tries and how far apart; the reminders' schedule (MAX_ATTEMPTS, backoffMs) when absent. */
  retry?: RetrySchedule
  /** Loads what the batch needs (in the claiming transaction) and returns one send job per row. */
  prepare(tx: Tx, rows: OutboxRow[], deps: EntryDeps, now: Date): Promise<Map<string, Job<Extra>>>
  /** The consequences of what happened (a failing channel, a dead subscription, an alert), same transaction. */
  after?(tx: Tx, results: Result<Extra>[], deps: EntryDeps, now: Date): Promise<void>
}

export type RetrySchedule = { maxAttempts: number; backoffMs(attempts: number): number }

export const MAX_ATTEMPTS = 6

/** 30 s, 1 min, 2 min, 4 min, 8 min: then the row gives up and a person is told. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000)
}

export type DispatchOptions = {
  handlers: OutboxHandler<any>[]
  /** The channels this process can send; on Workers there is no push. */
  channels: OutboxChannel[]
  batchSize?: number
  concurrency?: number
  /** A send still unanswered after this long is retried later (under the same key). Default 30 s. */
  sendTimeoutMs?: number
  /**
   * Emails leave in Resend batches when the mailer has them and the pool a second connection to
   * record them on (email-batches.ts); false sends each email alone. Default true.
   */
  emailBatches?: boolean
}

export type DispatchReport = { claimed: number; sent: number; retried: number; failed: number; skipped: number }

/**
 * Channels whose provider takes no idempotency key (WhatsApp's Cloud API). Their rows are marked as
 * being sent and committed before the send, then sent, then settled in a second transaction: a row
 * found marked and unsettled (the dispatcher died, or the send got no answer) is never sent again
 * but closed as `outcome_unknown`, at most once rather than perhaps twice.
 */
export const AT_MOST_ONCE: readonly OutboxChannel[] = ['whatsapp']
/** How long a marked row stays out of every dispatcher's reach; far longer than a send may take. */
export const SEND_LEASE_MS = 5 * 60_000

const UNKNOWN: Outcome = {
  status: 'failed',
  reason: 'outcome_unknown',
  error: 'A send was started and its outcome never recorded; it was not sent again.',
}

export async function dispatchDue(deps: EntryDeps, options: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 }
  const handlers = new Map(options.handlers.map((h) => [h.topic, h]))
  const batching = options.emailBatches !== false && options.channels.includes('email') && canBatchEmail(deps)
  let later: { rows: OutboxRow[]; jobs: Map<string, Job> } | null = null
  await asSystem(deps.sql, async (tx) => {
    const now = deps.clock()
    // Both claims are pipelined: one round trip. Batches a dead dispatcher left unanswered are
    // posted again as recorded; claimDue leaves their rows to them.
    const [rows, replays] = await Promise.all([
      claimDue(tx, { now, limit: options.batchSize ?? 100, topics: [...handlers.keys()], channels: options.channels }),
      batching ? claimEmailBatches(tx, { now, limit: Math.ceil((options.batchSize ?? 100) / EMAIL_BATCH_SIZE) }) : [],
    ])
    report.claimed = rows.length + replays.reduce((n, r) => n + r.rows.length, 0)
    if (!rows.length && !replays.length) return

    const once = rows.filter((r) => AT_MOST_ONCE.includes(r.channel) && !r.send_started_at)
    const sendNow = rows.filter((r) => !once.includes(r))
    // A row tried before may have been sent alone under its own key: it stays alone. Every other
    // email goes in a recorded batch, so that whatever happens to it is posted again the same way.
    const emails = batching ? sendNow.filter((r) => r.channel === 'email' && r.attempts === 0) : []
    const batcher =
      emails.length > 0 && new Set(emails.map((r) => r.idempotency_key)).size === emails.length
        ? new EmailBatcher(deps, now, emails)
        : null
    const jobDeps = batcher ? { ...deps, mailer: batcher.mailer } : deps
    const jobs = new Map<string, Job>()
    for (const [topic, handler] of handlers) {
      const group = rows.filter((r) => r.topic === topic)
      if (group.length) for (const [id, job] of await handler.prepare(tx, group, jobDeps, now)) jobs.set(id, job)
    }
    for (const row of rows) {
      if (AT_MOST_ONCE.includes(row.channel) && row.send_started_at)
        jobs.set(row.id, async () => ({ outcome: UNKNOWN }))
    }
    const batched = new Set(batcher ? emails : [])
    const alone = sendNow.filter((r) => !batched.has(r))
    const [doneAlone, doneBatched, replayed] = await Promise.all([
      runJobs(alone, jobs, options, false),
      batcher ? batcher.run([...batched], (row) => runJob(row, jobs, options, false)) : [],
      Promise.all(
        replays.map((r) =>
          withTimeout(replayBatch(deps, r.batch, r.rows, now), options.sendTimeoutMs ?? 30_000).catch((error) => ({
            state: 'unknown' as const,
            done: new Map<string, Done>(
              r.rows.map((row) => [row.id, { outcome: { status: 'retry', error: (error as Error).message } }]),
            ),
          })),
        ),
      ),
    ])
    const done = new Map<OutboxRow, Done>()
    for (const [i, row] of alone.entries()) done.set(row, doneAlone[i]!)
    for (const [i, row] of [...batched].entries()) done.set(row, doneBatched[i]!)
    const replayedRows: OutboxRow[] = []
    for (const [i, { rows: batchRows }] of replays.entries()) {
      for (const row of batchRows) {
        const outcome = replayed[i]!.done.get(row.id)
        if (!outcome) continue
        done.set(row, outcome)
        replayedRows.push(row)
      }
    }
    const settling = [...sendNow, ...replayedRows]
    const unknown = [
      ...[...(batcher?.states ?? [])].filter(([, b]) => b.state === 'unknown').map(([key, b]) => ({ key, ids: b.ids })),
      ...replays
        .filter((_, i) => replayed[i]!.state === 'unknown')
        .map((r) => ({ key: r.batch.key, ids: r.batch.outbox_ids })),
    ]
    // The rows' outcomes and their batches' fate, independent of each other: pipelined.
    await Promise.all([
      settleBatch(
        tx,
        deps,
        now,
        handlers,
        settling,
        settling.map((row) => done.get(row)!),
        report,
      ),
      closeEmailBatches(tx, [
        ...[...(batcher?.states ?? [])].filter(([, b]) => b.state === 'known').map(([key]) => key),
        ...replays.filter((_, i) => replayed[i]!.state === 'known').map((r) => r.batch.key),
      ]),
      retryUnknownBatches(tx, unknown, settling, done, now, handlers),
    ])
    if (once.length) {
      await markSendStarted(
        tx,
        once.map((r) => r.id),
        now,
        new Date(now.getTime() + SEND_LEASE_MS),
      )
      later = { rows: once, jobs }
    }
  })
  const pending = later as { rows: OutboxRow[]; jobs: Map<string, Job> } | null
  if (pending) {
    const done = await runJobs(pending.rows, pending.jobs, options, true)
    await asSystem(deps.sql, async (tx) => {
      await relock(
        tx,
        pending.rows.map((r) => r.id),
      )
      await settleBatch(tx, deps, deps.clock(), handlers, pending.rows, done, report)
    })
  }
  return report
}

/**
 * A batch still unanswered is posted again when its rows' next try is due; one whose rows all
 * gave up (or closed) is forgotten, at most once rather than twice.
 */
async function retryUnknownBatches(
  tx: Tx,
  batches: { key: string; ids: string[] }[],
  rows: OutboxRow[],
  done: Map<OutboxRow, Done>,
  now: Date,
  handlers: Map<string, OutboxHandler<any>>,
) {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const forget: string[] = []
  for (const batch of batches) {
    const retries = batch.ids
      .map((id) => byId.get(id))
      .filter((row): row is OutboxRow => Boolean(row))
      .map((row) => finalOutcome(row, done.get(row)!.outcome, now, handlers.get(row.topic)?.retry).outcome)
      .filter((o) => o.status === 'retry')
    if (!retries.length) forget.push(batch.key)
    else await retryEmailBatches(tx, [batch.key], retries[0]!.dueAt)
  }
  await closeEmailBatches(tx, forget)
}

/** Runs each row's job; for an at-most-once row, no answer in time means its outcome is unknown. */
async function runJobs(rows: OutboxRow[], jobs: Map<string, Job>, options: DispatchOptions, atMostOnce: boolean) {
  return runLimited(rows, options.concurrency ?? 32, (row) => runJob(row, jobs, options, atMostOnce))
}

async function runJob(
  row: OutboxRow,
  jobs: Map<string, Job>,
  options: DispatchOptions,
  atMostOnce: boolean,
): Promise<Done> {
  const job = jobs.get(row.id)
  if (!job) {
    return { outcome: { status: 'failed', reason: 'not_sendable', error: 'Nothing knows how to send this.' } }
  }
  try {
    // Rows stay locked until the batch commits: a provider that never answers must not hold them.
    return await withTimeout(job(), options.sendTimeoutMs ?? 30_000)
  } catch (error) {
    const message = (error as Error).message || 'Unknown error'
    if (atMostOnce) return { outcome: { ...UNKNOWN, error: message } as Outcome }
    return { outcome: { status: 'retry', error: message } }
  }
}

async function settleBatch(
  tx: Tx,
  deps: EntryDeps,
  now: Date,
  handlers: Map<string, OutboxHandler<any>>,
  rows: OutboxRow[],
  done: Done[],
  report: DispatchReport,
) {
  if (!rows.length) return
  const results: Result[] = rows.map((row, i) => ({
    row,
    ...finalOutcome(row, done[i]!.outcome, now, handlers.get(row.topic)?.retry),
    extra: done[i]!.extra,
  }))
  await settle(tx, results.map(toSettled), now)
  for (const result of results) report[countKey(result.outcome.status)] += 1
  for (const [topic, handler] of handlers) {
    const group = results.filter((r) => r.row.topic === topic)
    if (group.length && handler.after) await handler.after(tx, group, deps, now)
  }
}

function finalOutcome(row: OutboxRow, outcome: Outcome, now: Date, retry?: RetrySchedule): Pick<Result, 'outcome'> {
  if (outcome.status !== 'retry') return { outcome }
  const attempts = row.attempts + 1
  const dueAt = new Date(now.getTime() + (retry?.backoffMs ?? backoffMs)(attempts))
  if (attempts >= (retry?.maxAttempts ?? MAX_ATTEMPTS) || (outcome.deadline && dueAt >= outcome.deadline)) {
    return { outcome: { status: 'failed', reason: 'gave_up', error: outcome.error } }
  }
  return { outcome: { status: 'retry', error: outcome.error, dueAt } }
}

function toSettled({ row, outcome }: Result): Settled {
  switch (outcome.status) {
    case 'sent':
      return { id: row.id, status: 'sent', providerMessageId: outcome.providerMessageId }
    case 'retry':
      return { id: row.id, status: 'retry', error: outcome.error.slice(0, 500), dueAt: outcome.dueAt }
    case 'failed':
      return { id: row.id, status: 'failed', reason: outcome.reason, error: outcome.error.slice(0, 500) }
    case 'skipped':
      return { id: row.id, status: 'skipped', reason: outcome.reason }
  }
}

function countKey(status: Result['outcome']['status']): keyof Omit<DispatchReport, 'claimed'> {
  return status === 'retry' ? 'retried' : status
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms / 1000} s.`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

async function runLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Runs the dispatcher every `intervalMs` (at once again while batches come back full) until
 * stopped, and housekeeping (api/housekeeping.ts) on the first tick and then about every
 * `housekeepingEveryMs` (0: never). Errors are logged and retried on the next tick: the outbox
 * keeps every row meanwhile.
 */
/** A round the dispatcher runs now and then; it must be safe with other dispatchers running it too. */
export type PeriodicJob = { everyMs: number; run: () => Promise<unknown> }

export function startDispatcher(
  deps: EntryDeps,
  options: DispatchOptions & {
    intervalMs?: number
    housekeepingEveryMs?: number
    /** Other rounds the dispatcher runs between sends (the FHIR sync), each about every `everyMs`. */
    periodic?: readonly PeriodicJob[]
    onError?: (error: unknown) => void
  },
): { stop(): Promise<void> } {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  let housekept: number | null = null
  const lastRun: number[] = []
  const housekeepingEveryMs = options.housekeepingEveryMs ?? HOUSEKEEPING_EVERY_MS
  const onError = options.onError ?? ((e) => console.error('dispatcher:', e))
  const tick = async () => {
    if (stopped) return
    let full = true
    try {
      while (full && !stopped) {
        const report = await dispatchDue(deps, options)
        full = report.claimed >= (options.batchSize ?? 100)
      }
    } catch (error) {
      onError(error)
    }
    const now = deps.clock()
    if (
      housekeepingEveryMs > 0 &&
      !stopped &&
      (housekept === null || now.getTime() - housekept >= housekeepingEveryMs)
    ) {
      housekept = now.getTime()
      await housekeeping(deps.sql, now).catch(onError)
    }
    for (const [index, job] of (options.periodic ?? []).entries()) {
      if (stopped || now.getTime() - (lastRun[index] ?? -Infinity) < job.everyMs) continue
      lastRun[index] = now.getTime()
      await job.run().catch(onError)
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), options.intervalMs ?? 3000)
  }
  running = tick()
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}

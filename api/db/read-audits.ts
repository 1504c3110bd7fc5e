import type { Sql, Tx } from './connect'

/** One line of `audit_log`, as `audit()` writes it. */
export type AuditLine = {
  practice_id: string
  actor_kind: string
  actor_id: string | null
  actor_name: string | null
  ip: string | null
  user_agent: string | null
  action: string
  subject_kind: string | null
  subject_id: string | null
  detail: Record<string, unknown>
}

/** How many lines one insert carries, and how many may wait before reads write their own again. */
const LINES_PER_INSERT = 1_000
const MOST_WAITING = 20_000
const RETRY_AFTER_MS = 1_000

export type ReadAudits = {
  /** Resolves once every line handed over so far is in the database; a failing insert is retried each second until `stop`. */
  flush(): Promise<void>
  /** Flushes, then takes no more lines: reads write their own again. */
  stop(): Promise<void>
}

const writers = new WeakMap<Sql, Writer>()
const openReads = new WeakMap<object, AuditLine[]>()

/**
 * Writes the audit lines of reads after their transactions commit, many in one insert, so a read's
 * answer waits neither for its own insert nor for the disk. The trade-off (README): a crash loses
 * the lines still waiting, at most a few milliseconds of reads; never a change, whose line stays
 * in its own transaction. Only where the process outlives its requests (Node), not on Workers.
 */
export function deferReadAudits(
  sql: Sql,
  write: (lines: AuditLine[]) => Promise<void>,
  onError: (error: unknown) => void = console.error,
): ReadAudits {
  const writer = new Writer(sql, write, onError)
  writers.set(sql, writer)
  return {
    flush: () => writer.flush(),
    stop: async () => {
      writers.delete(sql)
      await writer.flush()
    },
  }
}

/**
 * Called by a read's transaction as it opens: the lines its work audits are kept aside, then
 * `committed` hands them to the writer. Null where reads write their own lines.
 */
export function keepReadAudits(sql: Sql, tx: object): { committed(): void; ended(): void } | null {
  const writer = writers.get(sql)
  if (!writer || writer.waiting() >= MOST_WAITING) return null
  const lines: AuditLine[] = []
  openReads.set(tx, lines)
  return {
    committed: () => writer.add(lines),
    ended: () => openReads.delete(tx),
  }
}

/** Where `audit()` puts a read's line instead of inserting it, when its transaction keeps them. */
export function keptAudits(tx: Tx): AuditLine[] | undefined {
  return openReads.get(tx)
}

class Writer {
  private lines: AuditLine[] = []
  private running: Promise<void> | null = null

  constructor(
    private readonly sql: Sql,
    private readonly write: (lines: AuditLine[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  waiting() {
    return this.lines.length
  }

  add(lines: AuditLine[]) {
    if (!lines.length) return
    this.lines.push(...lines)
    if (!this.running) this.running = new Promise((resolve) => setImmediate(resolve)).then(() => this.drain())
  }

  async flush() {
    while (this.running) await this.running
  }

  private async drain() {
    try {
      while (this.lines.length) {
        const batch = this.lines.slice(0, LINES_PER_INSERT)
        try {
          await this.write(batch)
          this.lines.splice(0, batch.length)
        } catch (error) {
          this.onError(error)
          await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS).unref())
          if (!writers.has(this.sql)) return
        }
      }
    } finally {
      this.running = null
    }
  }
}

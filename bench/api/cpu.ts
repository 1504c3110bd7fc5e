import { readFileSync } from 'node:fs'
import type { Sql } from '../../api/db/connect'

/**
 * CPU time a process has used, in microseconds (Linux /proc; null elsewhere). Counting the CPU a
 * request costs, rather than only the requests answered, tells where a CPU-bound server's time
 * goes: its own process, or the database's backends serving it.
 */
export function cpuMicros(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // utime and stime, in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10_000
  } catch {
    return null
  }
}

/** The database backends connected to `database` now, and the CPU each has used. */
async function backends(admin: Sql, database: string): Promise<Map<number, number>> {
  const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`
  const used = new Map<number, number>()
  for (const { pid } of rows) {
    const micros = cpuMicros(pid)
    if (micros !== null) used.set(pid, micros)
  }
  return used
}

/** CPU used, in microseconds; null where it could not be read (not Linux, Postgres elsewhere). */
export type CpuUse = { server: number | null; database: number | null }

/**
 * Runs `work` and returns its result with the CPU that the server `pid` and the backends of
 * `database` used in it. A backend opened during the work counts from zero; the admin
 * connection's own backend is left out.
 */
export async function cpuDuring<T>(
  admin: Sql,
  database: string,
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const [{ own } = { own: 0 }] = await admin<{ own: number }[]>`select pg_backend_pid() as own`
  const serverBefore = cpuMicros(pid)
  const before = await backends(admin, database)
  const result = await work()
  const serverAfter = cpuMicros(pid)
  const after = await backends(admin, database)
  let databaseUsed = 0
  let seen = false
  for (const [backend, micros] of after) {
    if (backend === own) continue
    seen = true
    databaseUsed += micros - (before.get(backend) ?? 0)
  }
  return {
    result,
    cpu: {
      server: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore,
      database: seen ? databaseUsed : null,
    },
  }
}

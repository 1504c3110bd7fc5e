import type { Tx } from '../db/connect'

/**
 * Counts one hit in a fixed window and returns the count so far, atomically: two instances
 * hitting the same bucket at once both see the true total. System transactions only.
 */
export async function countHit(tx: Tx, bucket: string, windowStartedAt: Date): Promise<number> {
  const [row] = await tx<{ hits: number }[]>`
    insert into rate_limits (bucket, window_started_at, hits) values (${bucket}, ${windowStartedAt}, 1)
    on conflict (bucket) do update set
      hits = case when rate_limits.window_started_at = excluded.window_started_at then rate_limits.hits + 1 else 1 end,
      window_started_at = excluded.window_started_at
    returning hits`
  return row!.hits
}

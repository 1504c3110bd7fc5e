import type { Practice } from '../../shared/schemas/practice'
import type { Sql, Tx } from '../db/connect'
import { asSystem } from '../db/tenant'
import { findPracticeBySlug } from './queries'

/**
 * Whom an inbound webhook is for: the practice its `?practice=` slug names, and that practice's
 * connection to the sender (its SMS gateway, Cal.com, WhatsApp). Null when either is missing, so
 * an unknown practice and an unconnected one are refused alike.
 */
export function connectionBySlug<Connection>(
  sql: Sql,
  slug: string,
  connectionOf: (tx: Tx, practiceId: string) => Promise<Connection | null>,
): Promise<{ practice: Practice; connection: Connection } | null> {
  return asSystem(sql, async (tx) => {
    const practice = await findPracticeBySlug(tx, slug)
    const connection = practice && (await connectionOf(tx, practice.id))
    return practice && connection ? { practice, connection } : null
  })
}

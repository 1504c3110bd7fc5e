import type { Sql } from '../db/connect'
import { deferReadAudits } from '../db/read-audits'
import { asSystemAtOnce } from '../db/tenant'
import { insertAuditLines } from './queries'

/** Reads' audit lines written after they commit, many per insert, across practices. */
export function startReadAuditWriter(sql: Sql, onError?: (error: unknown) => void) {
  return deferReadAudits(sql, (lines) => asSystemAtOnce(sql, (tx) => insertAuditLines(tx, lines)), onError)
}

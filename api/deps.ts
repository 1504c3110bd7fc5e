import type { Sql } from './db/connect'
import type { Principal } from './db/api-keys'

/** Everything the app needs from the outside world, passed in by the entry (Node, Worker, tests). */
export type Deps = {
  sql: Sql
  clock: () => Date
  /** Hearth's own public origin, e.g. https://portal.hearth.example (no trailing slash). */
  publicUrl: string
  /** The root secret for signing and encryption (HEARTH_SECRET). */
  secret: string
  /** HEARTH_OPERATOR_KEY; the operator routes are off when it is absent. */
  operatorKey?: string | undefined
}

export type AppEnv = { Variables: { principal: Principal } }

import postgres from 'postgres'

export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql

/** `prepare`: named, reused statements; only on a direct Postgres connection (not pglite-socket or Hyperdrive). */
export type ConnectOptions = {
  max?: number
  prepare?: boolean
  /** Sees every statement as sent, with its parameters (the plan test explains them). */
  onQuery?: (query: string, parameters: unknown[]) => void
}

/** The one driver: postgres.js, whatever server sits behind the URL (Postgres, PGlite, Hyperdrive). */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'hearth' },
    prepare: options.prepare ?? false,
    ...(options.onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => options.onQuery!(query, parameters) }
      : {}),
  })
}

/** Whether the database answers at all (the health check). */
export async function ping(sql: Sql): Promise<void> {
  await sql`select 1`
}

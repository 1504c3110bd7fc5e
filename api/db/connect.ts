import postgres from 'postgres'

export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql

export type ConnectOptions = { max?: number }

/** The one driver: postgres.js, whatever server sits behind the URL (Postgres, PGlite, Hyperdrive). */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'hearth' },
    // Workers and pglite-socket both prefer plain (unnamed) statements; the cost on Postgres is small.
    prepare: false,
  })
}

/** Whether the database answers at all (the health check). */
export async function ping(sql: Sql): Promise<void> {
  await sql`select 1`
}

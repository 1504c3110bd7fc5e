import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export type EmbeddedPostgres = { url: string; stop(): Promise<void> }

/**
 * Embedded Postgres (PGlite) served on a loopback port, so postgres.js talks to it exactly as it
 * talks to a real server. `dataDir` undefined keeps it in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir, { extensions: { btree_gist } })
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 })
  await server.start()
  const [host, port] = server.getServerConn().split(':')
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}

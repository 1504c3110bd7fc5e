import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Migration } from './migrate'

const folder = fileURLToPath(new URL('./migrations/', import.meta.url))

/** The numbered `.sql` files beside this module (Node only; Workers deployments migrate from Node). */
export async function loadMigrations(): Promise<Migration[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.sql')).sort()
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(folder + name, 'utf8') })))
}

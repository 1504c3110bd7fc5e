import { readdirSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** `npm run bench`: runs every bench/*.ts beside this file, one after the other, each printing its figures. */
const here = import.meta.dirname
const only = process.argv.slice(2)
for (const file of readdirSync(here).sort()) {
  if (!file.endsWith('.ts') || file === 'index.ts' || file.endsWith('.test.ts')) continue
  if (only.length && !only.some((name) => file.startsWith(name))) continue
  console.log(`\n== ${file.replace(/\.ts$/, '')} ==`)
  const bench = (await import(pathToFileURL(`${here}/${file}`).href)) as { default?: () => Promise<void> }
  await bench.default?.()
}

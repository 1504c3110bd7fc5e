import { resolve } from 'node:path'
import { build } from 'vite'

/** One build for the whole end-to-end run, into its own folder so a running `npm start` keeps its dist/. */
export const E2E_DIST = resolve(import.meta.dirname, '../../test-artifacts/e2e-dist')

export default async function setup() {
  await build({
    configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: E2E_DIST, emptyOutDir: true },
  })
}

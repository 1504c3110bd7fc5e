import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './browser'
import { type RunningHearth, startHearth } from './server'

/**
 * The real server and Chromium an e2e file drives: both started before its first test, closed
 * after its last. Read `hearth` and `browser` in hooks and tests, once they have started.
 */
export function hearthAndChromium(options: Parameters<typeof startHearth>[0] = {}) {
  const running = {} as { hearth: RunningHearth; browser: Browser }
  beforeAll(async () => {
    ;[running.hearth, running.browser] = await Promise.all([startHearth(options), launchChromium()])
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.hearth?.stop()
  })
  return running
}

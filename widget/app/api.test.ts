import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../../api/testing/app'
import { fixtures } from '../../api/testing/fixtures'
import { signIn } from '../../api/testing/portal'
import { httpPortalApi, type TabLock } from './api'
import { memorySessionStore, type SessionStore } from './session-store'

const SLUG = 'tabs-a'
let t: TestContext
let f: ReturnType<typeof fixtures>
let n = 0

beforeAll(async () => {
  t = await startTestApp()
  f = fixtures(t, (await t.createPractice(SLUG)).adminKey)
})
afterAll(() => t.stop())

/** What Web Locks give a browser's tabs: one holder per name at a time, the others queued in order. */
function oneHolderAtATime(): TabLock {
  const queues = new Map<string, Promise<unknown>>()
  return (name, work) => {
    const turn = (queues.get(name) ?? Promise.resolve()).then(work)
    queues.set(
      name,
      turn.catch(() => {}),
    )
    return turn
  }
}

/** Two tabs of one browser: one stored session whose access token has just expired, and the real server. */
async function twoTabs(lock: TabLock | null) {
  const client = await f.client({ email: `tab${n++}@example.com` })
  const tokens = await signIn(t, SLUG, client.email)
  const store: SessionStore = memorySessionStore({ ...tokens, expires_at: Date.now() - 1000, last_active: Date.now() })
  const refreshes: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/auth/refresh')) refreshes.push(String(init?.body))
    return t.app.request(String(input), init)
  }
  const tab = () => httpPortalApi({ base: '', practice: SLUG, store, fetch, lock })
  return { tabs: [tab(), tab()] as const, store, refreshes }
}

describe('two tabs of the portal refreshing at once', () => {
  it('take turns with Web Locks: one refresh goes out and both tabs stay signed in', async () => {
    const { tabs, store, refreshes } = await twoTabs(oneHolderAtATime())
    const [left, right] = await Promise.all([tabs[0].me(), tabs[1].me()])
    expect(left.client.id).toBe(right.client.id)
    expect(refreshes, 'the second tab used what the first one stored').toHaveLength(1)
    expect(tabs.every((tab) => tab.isSignedIn())).toBe(true)
    expect((await tabs[1].me()).client.id).toBe(left.client.id)
    expect(store.read()).not.toBeNull()
  })

  it('stay signed in without Web Locks too: the server answers the repeated refresh', async () => {
    const { tabs, refreshes } = await twoTabs(null)
    await Promise.all([tabs[0].me(), tabs[1].me()])
    expect(refreshes).toHaveLength(2)
    expect(tabs.every((tab) => tab.isSignedIn())).toBe(true)
    expect((await tabs[0].me()).client).toBeDefined()
  })
})

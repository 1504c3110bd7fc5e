import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIRST_LOAD_STRINGS, PORTAL_STRING_GROUPS } from '../vite.config'

/**
 * The portal's bundle keeps only some strings (vite.config.ts), and only some of those in the
 * first load. Every key the portal (and the shared code it runs) asks for must be kept, and every
 * key used before sign-in must be in the first load, or a client would see a blank, or worse.
 */
const root = resolve(import.meta.dirname, '..')
const SHARED_USED_BY_PORTAL = [
  'shared/policy/cancellation.ts',
  'shared/policy/contact.ts',
  'shared/crisis.ts',
  'shared/time/format.ts',
]
/** What runs before sign-in: the entry, the frame, the sign-in form and "Need help now?". */
const BEFORE_SIGN_IN = [
  'widget/app/main.tsx',
  'widget/app/App.tsx',
  'widget/app/screens/SignIn.tsx',
  'widget/app/screens/Help.tsx',
  'widget/app/components/Screen.tsx',
  'widget/app/components/States.tsx',
  'widget/app/components/CrisisResources.tsx',
  'shared/crisis.ts',
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'testing.tsx' ? [path] : []
  })
}

/** Keys as written in `t(locale, '…')` or `tr('…')`; a template key is cut at its first `${`. */
function keysIn(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/\b(?:t|tr)\(\s*(?:locale,\s*)?[`'"]([a-zA-Z.]+)/g)].map((m) => m[1]!)
}

const firstLoad = (key: string) =>
  FIRST_LOAD_STRINGS.some((prefix) => (prefix.endsWith('.') ? key.startsWith(prefix) : key === prefix))

describe('strings in the portal bundle', () => {
  const sources = [...files(join(root, 'widget/app')), ...SHARED_USED_BY_PORTAL.map((f) => join(root, f))]
  const used = sources.flatMap(keysIn)

  it('finds the keys it checks', () => {
    expect(used).toContain('widget.signin.title')
    expect(used).toContain('cancel.free')
  })

  it('keeps every group the portal uses', () => {
    const groups = new Set(used.map((key) => key.split('.')[0]!))
    expect([...groups].filter((g) => !(PORTAL_STRING_GROUPS as readonly string[]).includes(g))).toEqual([])
  })

  it('puts every string used before sign-in in the first load', () => {
    const early = BEFORE_SIGN_IN.flatMap((f) => keysIn(join(root, f)))
    expect(early.length).toBeGreaterThan(10)
    expect(early.filter((key) => !firstLoad(key))).toEqual([])
  })
})

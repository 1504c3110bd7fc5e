import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PORTAL_STRING_GROUPS } from '../vite.config'

/**
 * The portal's bundle keeps only some groups of strings (vite.config.ts). Every key the portal
 * asks for, and every key the shared code it runs asks for, must be in one of those groups, or a
 * client would see a blank where words should be.
 */
const root = resolve(import.meta.dirname, '..')
const SHARED_USED_BY_PORTAL = [
  'shared/policy/cancellation.ts',
  'shared/policy/contact.ts',
  'shared/crisis.ts',
  'shared/time/format.ts',
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'testing.tsx' ? [path] : []
  })
}

describe('strings in the portal bundle', () => {
  const sources = [...files(join(root, 'widget/app')), ...SHARED_USED_BY_PORTAL.map((f) => join(root, f))]
  const groups = new Set<string>()
  for (const file of sources) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\b(?:t|tr)\(\s*(?:locale,\s*)?[`'"]([a-z]+)\./g)) groups.add(match[1]!)
  }

  it('finds the keys it checks', () => {
    expect(groups.has('widget')).toBe(true)
    expect(groups.has('cancel')).toBe(true)
  })

  it('keeps every group the portal uses', () => {
    expect([...groups].filter((g) => !(PORTAL_STRING_GROUPS as readonly string[]).includes(g))).toEqual([])
  })
})

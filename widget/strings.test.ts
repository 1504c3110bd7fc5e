import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en as cancellationWords } from '../shared/i18n/cancellation/en'
import { en as contactWords } from '../shared/i18n/contact/en'
import { en as crisisWords } from '../shared/i18n/crisis/en'
import { en as dateWords } from '../shared/i18n/dates/en'
import { en as uiWords } from '../ui/i18n/en'
import { en as firstLoadWords } from './app/i18n/en'
import { en as signedInWords } from './app/i18n/signed-in/en'

/**
 * The portal's strings come in two dictionaries: the first load's (widget/app/i18n) and the
 * signed-in screens' (widget/app/i18n/signed-in), which arrives with the signed-in chunk. The
 * compiler holds each `useWords()` to its own dictionary; these checks read the files themselves:
 * every key the portal (and the shared code it runs) asks for is in a dictionary it bundles, and
 * everything that runs before sign-in finds its words in the first load, or a client would see a
 * blank, or worse.
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
  'ui/States.tsx',
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

/** Whether `key` (or, for a key cut at a template, some key it starts) is in `dictionary`. */
const within = (dictionary: object) => (key: string) =>
  key.endsWith('.') ? Object.keys(dictionary).some((k) => k.startsWith(key)) : key in dictionary

/** What the first load carries: its dictionary, ui/'s, and the rules' words the first load's code speaks. */
const FIRST_LOAD = { ...firstLoadWords, ...uiWords, ...crisisWords, ...dateWords }
const BUNDLED = {
  ...FIRST_LOAD,
  ...signedInWords,
  ...cancellationWords,
  ...contactWords,
}

describe('strings in the portal bundle', () => {
  const sources = [
    ...files(join(root, 'widget/app')),
    join(root, 'ui/States.tsx'),
    ...SHARED_USED_BY_PORTAL.map((f) => join(root, f)),
  ]
  const used = sources.flatMap(keysIn)

  it('finds the keys it checks', () => {
    expect(used).toContain('widget.signin.title')
    expect(used).toContain('cancel.free')
  })

  it('keeps every key the portal uses', () => {
    expect(used.filter((key) => !within(BUNDLED)(key))).toEqual([])
  })

  it('puts every string used before sign-in in the first load', () => {
    const early = BEFORE_SIGN_IN.flatMap((f) => keysIn(join(root, f)))
    expect(early.length).toBeGreaterThan(10)
    expect(early.filter((key) => !within(FIRST_LOAD)(key))).toEqual([])
  })

  it('loads the signed-in words only from the signed-in chunk', () => {
    const early = BEFORE_SIGN_IN.filter((f) => readFileSync(join(root, f), 'utf8').includes('i18n/signed-in'))
    expect(early).toEqual([])
  })

  it('says each string once, in the first load or behind sign-in', () => {
    expect(Object.keys(signedInWords).filter((key) => key in FIRST_LOAD)).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { maySee, mayReadMessages, mayRouteThreads, ownTherapist, therapistScope } from './access'

const admin = { role: 'admin', therapistId: null }
const rivera = { role: 'therapist', therapistId: 'rivera' }

describe('therapistScope', () => {
  it.each([
    ['an admin asking for everyone', admin, undefined, undefined],
    ['an admin asking for one therapist', admin, 'okafor', 'okafor'],
    ['a therapist asking for everyone gets their own', rivera, undefined, 'rivera'],
    ['a therapist asking for themselves', rivera, 'rivera', 'rivera'],
    ['a therapist asking for another: nothing', rivera, 'okafor', null],
  ] as const)('%s', (_case, viewer, requested, scope) => {
    expect(therapistScope(viewer, requested)).toBe(scope)
  })
})

describe('maySee', () => {
  it.each([
    ['an admin, another therapist’s record', admin, 'okafor', true],
    ['an admin, a record for the front desk', admin, null, true],
    ['a therapist, their own record', rivera, 'rivera', true],
    ['a therapist, another therapist’s record', rivera, 'okafor', false],
    ['a therapist, a record that names no therapist', rivera, null, false],
  ] as const)('%s → %s', (_case, viewer, therapist_id, allowed) => {
    expect(maySee(viewer, { therapist_id })).toBe(allowed)
  })

  it('is what a list scoped to the viewer would hold', () => {
    for (const viewer of [admin, rivera]) {
      for (const therapist_id of ['rivera', 'okafor', null]) {
        const scope = therapistScope(viewer)
        expect(maySee(viewer, { therapist_id })).toBe(scope === undefined || scope === therapist_id)
      }
    }
    expect(ownTherapist(rivera)).toBe('rivera')
  })
})

describe('messages: who reads the words, who routes threads', () => {
  const frontDesk = { role: 'front_desk', therapistId: null }
  const owner = { role: 'owner', therapistId: null }
  it.each([
    ['an admin', admin, true, true],
    ['an owner', owner, true, true],
    ['a therapist (their own threads)', rivera, true, false],
    ['the front desk sees who and when, not the words', frontDesk, false, true],
  ] as const)('%s', (_case, viewer, reads, routes) => {
    expect(mayReadMessages(viewer)).toBe(reads)
    expect(mayRouteThreads(viewer)).toBe(routes)
  })
})

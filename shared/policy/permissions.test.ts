import { describe, expect, it } from 'vitest'
import { can, leavesNoOwner, mayManageStaff, permission, RESOURCES } from './permissions'
import { stepAfterFirstFactor } from './staff-sign-in'

describe('permission', () => {
  it('gives owners and admins everything', () => {
    for (const resource of RESOURCES) {
      for (const action of ['read', 'change'] as const) {
        expect(can('owner', action, resource)).toBe(true)
        expect(can('admin', action, resource)).toBe(true)
      }
    }
  })

  it.each([
    ['front_desk', 'change', 'appointments', true],
    ['front_desk', 'change', 'new_appointments', true],
    ['front_desk', 'change', 'clients', true],
    ['front_desk', 'change', 'alerts', true],
    ['front_desk', 'change', 'confirmation_calls', true],
    ['front_desk', 'change', 'availability', true],
    ['front_desk', 'read', 'threads', true],
    ['front_desk', 'change', 'thread_routing', true],
    ['front_desk', 'read', 'message_bodies', false],
    ['front_desk', 'change', 'practice', false],
    ['front_desk', 'change', 'contact_policy', false],
    ['front_desk', 'read', 'api_keys', false],
    ['front_desk', 'read', 'staff', false],
    ['front_desk', 'read', 'audit', false],
    ['front_desk', 'read', 'insights', false],
    ['therapist', 'change', 'contact_policy', true],
    ['therapist', 'change', 'availability', true],
    ['therapist', 'change', 'appointments', true],
    ['therapist', 'change', 'confirmation_calls', true],
    ['therapist', 'read', 'message_bodies', true],
    ['therapist', 'change', 'message_bodies', true],
    ['therapist', 'read', 'insights', true],
    ['therapist', 'change', 'new_appointments', false],
    ['therapist', 'change', 'clients', false],
    ['therapist', 'change', 'therapists', false],
    ['therapist', 'change', 'thread_routing', false],
    ['therapist', 'read', 'staff', false],
    ['therapist', 'read', 'audit', false],
    ['therapist', 'change', 'own_account', true],
  ] as const)('%s may %s %s: %s', (role, action, resource, allowed) => {
    expect(can(role, action, resource)).toBe(allowed)
  })

  it('says why not', () => {
    expect(permission('front_desk', 'read', 'message_bodies')).toEqual({ allowed: false, reason: 'no_message_bodies' })
    expect(permission('front_desk', 'change', 'practice')).toEqual({ allowed: false, reason: 'read_only' })
    expect(permission('therapist', 'read', 'audit')).toEqual({ allowed: false, reason: 'admins_only' })
  })
})

describe('managing the team', () => {
  it('leaves owners to owners', () => {
    expect(mayManageStaff('admin', { role: 'therapist' }, 'front_desk').allowed).toBe(true)
    expect(mayManageStaff('admin', { role: 'owner' })).toEqual({ allowed: false, reason: 'owners_only' })
    expect(mayManageStaff('admin', { role: 'admin' }, 'owner')).toEqual({ allowed: false, reason: 'owners_only' })
    expect(mayManageStaff('owner', { role: 'owner' }).allowed).toBe(true)
    expect(mayManageStaff('front_desk', { role: 'therapist' })).toEqual({ allowed: false, reason: 'admins_only' })
  })

  it('never leaves the practice without a signed-up owner', () => {
    const one = [
      { id: 'a', role: 'owner', invited: false },
      { id: 'b', role: 'owner', invited: true },
      { id: 'c', role: 'admin', invited: false },
    ] as const
    expect(leavesNoOwner(one, { id: 'a' }, null)).toBe(true)
    expect(leavesNoOwner(one, { id: 'a' }, 'admin')).toBe(true)
    expect(leavesNoOwner(one, { id: 'a' }, 'owner')).toBe(false)
    expect(leavesNoOwner(one, { id: 'c' }, null)).toBe(false)
    const two = [...one, { id: 'd', role: 'owner', invited: false }] as const
    expect(leavesNoOwner(two, { id: 'a' }, null)).toBe(false)
  })
})

describe('after the first factor', () => {
  it.each([
    ['required', [], 'enroll_second_factor'],
    ['optional', [], 'done'],
    ['required', ['totp'], 'second_factor'],
    ['optional', ['passkey'], 'second_factor'],
    ['required', ['recovery_code'], 'enroll_second_factor'],
  ] as const)('%s with %j: %s', (setting, factors, next) => {
    expect(stepAfterFirstFactor(setting, factors)).toBe(next)
  })
})

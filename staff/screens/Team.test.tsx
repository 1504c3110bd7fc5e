import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { StaffUser } from '../../shared/schemas/staff'
import { ApiError } from '../../ui/api-client'
import { fakeStaffApi, OWNER, staffMember, RIVERA, renderScreen } from '../testing'
import { Team } from './Team'

const person = (fields: Partial<StaffUser> & Pick<StaffUser, 'id' | 'name' | 'role'>): StaffUser => ({
  email: `${fields.id}@calmwaters.example`,
  therapist_id: null,
  phone: null,
  status: 'active',
  invitation: null,
  created_at: '2026-11-01T12:00:00Z',
  ...fields,
})

const PRIYA = person({ id: 'u-priya', name: 'Priya Shah', role: 'owner' })
const MAYA = person({ id: 'u-maya', name: 'Maya Rivera', role: 'therapist', therapist_id: RIVERA.id })
const FRONT = person({ id: 'u-front', name: 'Jordan Lee', role: 'front_desk' })
const INVITED = person({
  id: 'u-sam',
  name: 'Sam Okafor',
  role: 'admin',
  status: 'invited',
  invitation: { id: 'inv-1', expires_at: '2026-12-09T17:00:00Z', expired: false },
})

const card = (name: string) => screen.getByText(name).closest('li') as HTMLElement

describe('Team screen', () => {
  it('lists the people with role, therapist, status and when an invitation runs out', async () => {
    const { api } = fakeStaffApi({ staffUsers: async () => [PRIYA, MAYA, FRONT, INVITED] })
    renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Priya Shah')
    expect(screen.getByText('4 people')).toBeTruthy()
    expect(within(card('Maya Rivera')).getByText(/Works as Dr\. Maya Rivera/)).toBeTruthy()
    expect(within(card('Jordan Lee')).getByText('Front desk')).toBeTruthy()
    expect(within(card('Jordan Lee')).getByText('Active')).toBeTruthy()
    // 17:00 UTC is noon in New York, the practice's zone.
    expect(within(card('Sam Okafor')).getByText(/Invited · the link works until .*12:00/)).toBeTruthy()
  })

  it('an admin cannot touch the owner; the only owner is never offered for removal', async () => {
    const { api } = fakeStaffApi({ staffUsers: async () => [PRIYA, MAYA] })
    renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Priya Shah')
    expect(within(card('Priya Shah')).queryByRole('button')).toBeNull()
    expect(within(card('Priya Shah')).getByText('Only an owner can change or remove an owner.')).toBeTruthy()
    expect(within(card('Maya Rivera')).getByRole('button', { name: 'Remove' })).toBeTruthy()
    // An admin may not make an owner either.
    fireEvent.click(within(card('Maya Rivera')).getByRole('button', { name: 'Change role' }))
    const roles = [...(within(card('Maya Rivera')).getByLabelText('Role') as HTMLSelectElement).options].map(
      (o) => o.value,
    )
    expect(roles).toEqual(['admin', 'front_desk', 'therapist'])
  })

  it('invites a therapist bound to their record, and says the link works for 7 days', async () => {
    let people = [PRIYA]
    const { api, calls } = fakeStaffApi({
      staffUsers: async () => people,
      inviteStaff: async (invite) => {
        const user = person({ id: 'u-new', ...invite, status: 'invited' })
        people = [...people, user]
        return user
      },
    })
    const { announced } = renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Priya Shah')
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Maya Rivera' } })
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'maya@calmwaters.example' } })
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('therapist')
    fireEvent.change(screen.getByLabelText('Which therapist they are'), { target: { value: RIVERA.id } })
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }))
    await screen.findByText('Invitation sent to maya@calmwaters.example. The link works for 7 days.')
    expect(calls.inviteStaff![0]).toEqual([
      { name: 'Maya Rivera', email: 'maya@calmwaters.example', role: 'therapist', therapist_id: RIVERA.id },
    ])
    expect(announced).toContain('Invitation sent to maya@calmwaters.example. The link works for 7 days.')
    await screen.findByText('Maya Rivera')
  })

  it("shows the server's field message when the email is already on the team", async () => {
    const { api } = fakeStaffApi({
      staffUsers: async () => [PRIYA],
      inviteStaff: async () => {
        throw new ApiError(409, 'conflict', 'That email is already on the team.', {
          fields: { email: 'This person is already on the team.' },
        })
      },
    })
    renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Priya Shah')
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Priya' } })
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'u-priya@calmwaters.example' } })
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'admin' } })
    expect(screen.queryByLabelText('Which therapist they are')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }))
    expect(await screen.findByText('This person is already on the team.')).toBeTruthy()
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true')
  })

  it('removes someone after a calm confirmation that their sessions end at once', async () => {
    let people = [PRIYA, FRONT]
    const { api, calls } = fakeStaffApi({
      staffUsers: async () => people,
      removeStaff: async (id) => {
        people = people.filter((p) => p.id !== id)
      },
    })
    renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Jordan Lee')
    fireEvent.click(within(card('Jordan Lee')).getByRole('button', { name: 'Remove' }))
    expect(screen.getByText(/signed out everywhere at once and can no longer sign in/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Keep as it is' }))
    expect(calls.removeStaff).toBeUndefined()
    fireEvent.click(within(card('Jordan Lee')).getByRole('button', { name: 'Remove' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove Jordan Lee' }))
    await screen.findByText('Jordan Lee is no longer on the team.')
    expect(calls.removeStaff).toEqual([['u-front']])
    await waitFor(() => expect(screen.queryByText('Jordan Lee')).toBeNull())
  })

  it('says in plain words why the server refused: only an owner, and the last owner', async () => {
    const OTHER_OWNER = person({ id: 'u-kim', name: 'Kim Park', role: 'owner' })
    const { api } = fakeStaffApi({
      staffUsers: async () => [PRIYA, OTHER_OWNER, FRONT],
      removeStaff: async () => {
        throw new ApiError(409, 'conflict', 'A practice always needs an owner.', { reason: 'last_owner' })
      },
      changeStaffRole: async () => {
        throw new ApiError(403, 'forbidden', 'Only an owner of the practice can do that.', { reason: 'owners_only' })
      },
    })
    renderScreen(Team, { api, me: OWNER })
    await screen.findByText('Kim Park')
    fireEvent.click(within(card('Kim Park')).getByRole('button', { name: 'Remove' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove Kim Park' }))
    expect(
      await screen.findByText('A practice always needs an owner. Make someone else an owner first, then try again.'),
    ).toBeTruthy()

    fireEvent.click(within(card('Jordan Lee')).getByRole('button', { name: 'Change role' }))
    fireEvent.change(within(card('Jordan Lee')).getByLabelText('Role'), { target: { value: 'owner' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }))
    expect(
      await screen.findByText('Only an owner of the practice can change or remove an owner, or make someone one.'),
    ).toBeTruthy()
  })

  it('changes a role to therapist with their record, and says they sign in again', async () => {
    const { api, calls } = fakeStaffApi({
      staffUsers: async () => [PRIYA, FRONT],
      changeStaffRole: async (id, role, therapistId) => ({ ...FRONT, id, role, therapist_id: therapistId }),
    })
    renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Jordan Lee')
    fireEvent.click(within(card('Jordan Lee')).getByRole('button', { name: 'Change role' }))
    const jordan = within(card('Jordan Lee'))
    fireEvent.change(jordan.getByLabelText('Role'), { target: { value: 'therapist' } })
    fireEvent.change(jordan.getByLabelText('Which therapist they are'), { target: { value: RIVERA.id } })
    fireEvent.click(jordan.getByRole('button', { name: 'Save role' }))
    await screen.findByText('Jordan Lee is now Therapist. They’ll sign in again to continue.')
    expect(calls.changeStaffRole).toEqual([['u-front', 'therapist', RIVERA.id]])
  })

  it('resends or withdraws a pending invitation', async () => {
    let people = [PRIYA, INVITED]
    const { api, calls } = fakeStaffApi({
      staffUsers: async () => people,
      resendInvitation: async () => INVITED,
      withdrawInvitation: async (id) => {
        people = people.filter((p) => p.id !== id)
      },
    })
    renderScreen(Team, { api, me: staffMember('admin') })
    await screen.findByText('Sam Okafor')
    fireEvent.click(within(card('Sam Okafor')).getByRole('button', { name: 'Send a new link' }))
    await screen.findByText(/A new invitation is on its way to u-sam@calmwaters.example/)
    fireEvent.click(within(card('Sam Okafor')).getByRole('button', { name: 'Withdraw invitation' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, withdraw it' }))
    await screen.findByText('The invitation to Sam Okafor is withdrawn.')
    expect(calls.resendInvitation).toEqual([['u-sam']])
    expect(calls.withdrawInvitation).toEqual([['u-sam']])
  })

  it('a therapist sees only a note, and the team is never asked for', async () => {
    const { api, calls } = fakeStaffApi()
    renderScreen(Team, {
      api,
      me: staffMember('therapist', RIVERA.id),
    })
    expect(screen.getByText('This screen is for the practice’s owners and admins.')).toBeTruthy()
    expect(calls.staffUsers).toBeUndefined()
  })
})

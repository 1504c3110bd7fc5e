import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../ui/api-client'
import type { MoveRequest } from '../api'
import { fakeStaffApi, RIVERA, renderScreen, staffMember } from '../testing'
import { MoveRequests } from './MoveRequests'

const request = (id: string, client: string): MoveRequest => ({
  id,
  appointment_id: `a-${id}`,
  client: { id: `c-${id}`, name: client },
  therapist: { id: RIVERA.id, name: RIVERA.name },
  previous_starts_at: '2026-03-03T14:00:00Z',
  starts_at: '2026-03-05T19:00:00Z',
  ends_at: '2026-03-05T19:50:00Z',
  status: 'requested',
  requested_at: '2026-03-02T15:00:00Z',
  hold_until: '2026-03-03T15:00:00Z',
})

describe('Requests to move a session', () => {
  it('shows each request under the screen’s heading with both times in the practice’s zone', async () => {
    const { api } = fakeStaffApi({ moveRequests: async () => [request('r-1', 'Jordan Lee')] })
    renderScreen(MoveRequests, { api, me: staffMember('front_desk') })
    // Under the screen's h1, each request is a second-level heading: no level is skipped.
    const heading = await screen.findByRole('heading', { level: 2, name: 'Jordan Lee with Dr. Maya Rivera' })
    const card = heading.closest('li')!
    expect(within(card).getByText('Tue 3 Mar at 9:00 am EST')).toBeTruthy()
    expect(within(card).getByText('Thu 5 Mar at 2:00 pm EST')).toBeTruthy()
  })

  it('the front desk approves one and declines another; each says what the client will hear', async () => {
    const { api, calls } = fakeStaffApi({
      moveRequests: async () => [request('r-1', 'Jordan Lee'), request('r-2', 'Alex Kim')],
      decideMove: async (id, decision) => ({ id, status: decision === 'approve' ? 'approved' : 'declined' }),
    })
    const { announced } = renderScreen(MoveRequests, { api, me: staffMember('front_desk') })
    const jordan = (await screen.findByRole('heading', { name: /^Jordan Lee/ })).closest('li')!
    fireEvent.click(within(jordan).getByRole('button', { name: 'Approve and move' }))
    await within(jordan).findByText('Moved. Jordan Lee will get a note with the new time.')
    expect(within(jordan).queryByRole('button')).toBeNull()

    const alex = screen.getByRole('heading', { name: /^Alex Kim/ }).closest('li')!
    fireEvent.click(within(alex).getByRole('button', { name: 'Decline' }))
    await within(alex).findByText('Alex Kim will hear that the session stays at its time.')
    expect(calls.decideMove).toEqual([
      ['r-1', 'approve'],
      ['r-2', 'decline'],
    ])
    expect(announced).toHaveLength(2)
  })

  it('says so when nothing is waiting, and shows a refusal on the request it is about', async () => {
    const { api } = fakeStaffApi({
      moveRequests: async () => [request('r-1', 'Jordan Lee')],
      decideMove: async () => {
        throw new ApiError(409, 'conflict', 'This request was already decided.')
      },
    })
    renderScreen(MoveRequests, { api })
    const card = (await screen.findByRole('heading', { name: /^Jordan Lee/ })).closest('li')!
    fireEvent.click(within(card).getByRole('button', { name: 'Approve and move' }))
    const refusal = await within(card).findByRole('alert')
    expect(refusal.textContent).toContain('already decided')
    // Nothing was done: the choice is still there.
    await waitFor(() =>
      expect((within(card).getByRole('button', { name: 'Approve and move' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    )

    const empty = fakeStaffApi({ moveRequests: async () => [] })
    renderScreen(MoveRequests, { api: empty.api })
    await screen.findByText('No requests are waiting.')
  })
})

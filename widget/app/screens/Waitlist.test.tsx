import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { me, RIVERA, renderPortal } from '../testing'

describe('Cancellation list', () => {
  it('joins with the days and times that work', async () => {
    const { calls, events } = renderPortal()
    fireEvent.click(await screen.findByRole('button', { name: /Join the cancellation list/ }))
    expect(
      await screen.findByText("If a time with Dr. Maya Rivera opens up, we'll let you know so you can take it."),
    ).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Tuesday'))
    // Each part of the day says its hours, and the screen says how an offer would arrive.
    expect(screen.getByLabelText('Afternoon, 12 pm–5 pm')).toBeTruthy()
    expect(screen.getByLabelText('Evening, 5 pm–9 pm')).toBeTruthy()
    expect(
      screen.getByText(/we'll tell you the way you chose in your preferences.*up to 4 hours.*first person/),
    ).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Morning, 8 am–12 pm'))
    fireEvent.click(screen.getByRole('button', { name: 'Join the list' }))
    expect(
      await screen.findByText("You're on Dr. Maya Rivera's cancellation list. We'll let you know if a time opens up."),
    ).toBeTruthy()
    expect(calls.joinWaitlist).toEqual([[{ preferred_days: ['tue'], preferred_times: ['morning'] }]])
    expect(events).toEqual(['waitlist-joined'])
  })

  it('lets a client already on the list leave it', async () => {
    const { calls } = renderPortal({
      me: async () =>
        me({ waitlist: [{ id: 'w1', therapist_id: RIVERA.id, preferred_days: [], preferred_times: [] }] }),
    })
    fireEvent.click(await screen.findByRole('button', { name: /^You're on Dr. Maya Rivera's cancellation list/ }))
    expect(await screen.findByText("You're on Dr. Maya Rivera's cancellation list.")).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Leave the list' }))
    expect(await screen.findByText("You've left Dr. Maya Rivera's cancellation list.")).toBeTruthy()
    expect(calls.leaveWaitlist).toEqual([[{}]])
  })
})

import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import { freeSession, lateCancelled, lateSession, renderPortal } from '../testing'

describe('Late-cancellation fee', () => {
  it("opens straight on the waiver request from a link page's ?show=waiver", async () => {
    renderPortal(
      { appointments: async () => [lateCancelled, freeSession] },
      { initial: { show: 'waiver', id: lateCancelled.id } },
    )
    expect(await screen.findByRole('heading', { level: 1, name: 'Ask for the fee to be waived' })).toBeTruthy()
  })

  it('shows the fee on the home screen and lets the client ask, with a reason, for it to be waived', async () => {
    const { calls } = renderPortal({ appointments: async () => [lateCancelled, freeSession] })
    expect(
      await screen.findByText(
        "Your appointment on Monday 2 March at 4:00 pm EST was cancelled late, so the practice's $75.00 late-cancellation fee applies.",
      ),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Ask for the fee to be waived' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Ask for the fee to be waived' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }))
    expect(await screen.findByText('Tell the practice briefly what happened.')).toBeTruthy()
    expect(calls.requestFeeWaiver).toBeUndefined()
    fireEvent.input(screen.getByLabelText('What happened?'), { target: { value: 'My child was ill.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }))
    expect(
      await screen.findByText('Thank you. The practice will look at your request and let you know either way.'),
    ).toBeTruthy()
    expect(calls.requestFeeWaiver).toEqual([['a-late-cancelled', 'My child was ill.']])
  })

  it("shows the practice's answer, and no second request", async () => {
    renderPortal({
      appointments: async () => [
        { ...lateCancelled, late_fee: { fee_cents: 7500, currency: 'USD', waiver: 'declined', can_ask_waiver: false } },
        {
          ...lateCancelled,
          id: 'other',
          starts_at: '2026-02-27T21:00:00Z',
          ends_at: '2026-02-27T21:50:00Z',
          late_fee: { fee_cents: 0, currency: 'USD', waiver: 'granted', can_ask_waiver: false },
        },
      ],
    })
    expect(
      await screen.findByText("The practice wasn't able to waive this fee. If you have questions, you can call them."),
    ).toBeTruthy()
    expect(
      screen.getByText(
        'The practice has waived the fee for your appointment on Friday 27 February at 4:00 pm EST. There is nothing to pay.',
      ),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Ask for the fee to be waived' })).toBeNull()
    // One card per session, each naming it.
    expect(
      screen.getAllByRole('heading', { level: 2, name: /^Late-cancellation fee/ }).map((h) => h.textContent),
    ).toEqual(['Late-cancellation fee · Mon 2 Mar at 4:00 pm EST', 'Late-cancellation fee · Fri 27 Feb at 4:00 pm EST'])
  })

  it("shows the fee's state on the session itself, where the practice's email links", async () => {
    renderPortal(
      {
        appointments: async () => [
          { ...lateCancelled, late_fee: { fee_cents: 0, currency: 'USD', waiver: 'granted', can_ask_waiver: false } },
        ],
      },
      { initial: { show: 'session', id: lateCancelled.id } },
    )
    expect(
      await screen.findByText(
        'The practice has waived the fee for your appointment on Monday 2 March at 4:00 pm EST. There is nothing to pay.',
      ),
    ).toBeTruthy()
  })

  it('offers to ask right after a late cancellation with a fee', async () => {
    renderPortal({ appointments: async () => [lateSession] })
    fireEvent.click(await screen.findByRole('button', { name: /^Details for/ }))
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel this appointment' }))
    fireEvent.click(await screen.findByLabelText('I understand the $75.00 late-cancellation fee applies.'))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and accept the $75.00 fee' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for the fee to be waived' }))
    expect(await screen.findByLabelText('What happened?')).toBeTruthy()
  })

  it('explains a request that was already made', async () => {
    renderPortal({
      appointments: async () => [lateCancelled],
      requestFeeWaiver: async () => {
        throw new ApiError(409, 'conflict', 'already')
      },
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for the fee to be waived' }))
    fireEvent.input(await screen.findByLabelText('What happened?'), { target: { value: 'Flat tyre' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send my request' }))
    expect((await screen.findByRole('alert')).textContent).toContain('You have already asked about this fee.')
  })
})

import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import Portal from '../Portal'
import { config, fakeApi, fakeBridge, freeSession, InWords, lateCancelled, lateSession, NOW } from '../testing'

function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const { api, calls } = fakeApi(overrides)
  render(
    <InWords>
      <Portal
        api={api}
        bridge={fakeBridge().bridge}
        config={config}
        announce={vi.fn()}
        onMe={() => {}}
        now={() => NOW}
      />
    </InWords>,
  )
  return { calls }
}

describe('Late-cancellation fee', () => {
  it('shows the fee on the home screen and lets the client ask, with a reason, for it to be waived', async () => {
    const { calls } = setup({ appointments: async () => [lateCancelled, freeSession] })
    expect(
      await screen.findByText(
        "Your appointment on Monday 2 March at 4:00 pm was cancelled late, so the practice's $75.00 late-cancellation fee applies.",
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
    setup({
      appointments: async () => [
        { ...lateCancelled, late_fee: { fee_cents: 7500, currency: 'USD', waiver: 'declined', can_ask_waiver: false } },
        {
          ...lateCancelled,
          id: 'other',
          late_fee: { fee_cents: 0, currency: 'USD', waiver: 'granted', can_ask_waiver: false },
        },
      ],
    })
    expect(
      await screen.findByText("The practice wasn't able to waive this fee. If you have questions, you can call them."),
    ).toBeTruthy()
    expect(screen.getByText('The practice has waived this fee. There is nothing to pay.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Ask for the fee to be waived' })).toBeNull()
  })

  it('offers to ask right after a late cancellation with a fee', async () => {
    setup({ appointments: async () => [lateSession] })
    fireEvent.click(await screen.findByRole('button', { name: /^Details for/ }))
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel this appointment' }))
    fireEvent.click(await screen.findByLabelText('I understand the $75.00 late-cancellation fee applies.'))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and accept the $75.00 fee' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Ask for the fee to be waived' }))
    expect(await screen.findByLabelText('What happened?')).toBeTruthy()
  })

  it('explains a request that was already made', async () => {
    setup({
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

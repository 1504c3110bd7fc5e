import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import { PortalError } from '../api'
import Portal from '../Portal'
import {
  callSession,
  config,
  fakeApi,
  fakeBridge,
  freeSession,
  InWords,
  lateSession,
  me,
  NOW,
  OKAFOR,
  RIVERA,
} from '../testing'

function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const { api, calls } = fakeApi({
    me: async () => me({ therapists: [RIVERA, OKAFOR] }),
    appointments: async () => [lateSession, freeSession, callSession],
    ...overrides,
  })
  const { bridge, events } = fakeBridge()
  render(
    <InWords>
      <Portal api={api} bridge={bridge} config={config} announce={vi.fn()} onMe={() => {}} now={() => NOW} />
    </InWords>,
  )
  return { calls, events }
}

async function openCancel(detailsLabel: string) {
  fireEvent.click(await screen.findByRole('button', { name: detailsLabel }))
  fireEvent.click(await screen.findByRole('button', { name: 'Cancel this appointment' }))
  await screen.findByRole('heading', { level: 1, name: 'Cancel this appointment?' })
}

describe('Cancel', () => {
  it('before the deadline: shows the exact free-cancellation deadline, then cancels', async () => {
    const { calls, events } = setup()
    await openCancel('Details for Mon 9 Mar at 10:00 am')
    expect(await screen.findByText(/^You can cancel free of charge until Saturday 7 March at 9:00 am\./)).toBeTruthy()
    expect(screen.queryByRole('checkbox')).toBeNull()
    fireEvent.input(screen.getByLabelText('Anything the practice should know? (optional)'), {
      target: { value: 'Travelling' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel appointment' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Appointment cancelled' })).toBeTruthy()
    expect(calls.cancel).toEqual([['a-free', { reason: 'Travelling' }]])
    expect(events).toEqual(['cancelled'])
  })

  it('inside the window with a fee: says the fee and needs an explicit acknowledgement', async () => {
    const { calls } = setup()
    await openCancel('Details for Tue 3 Mar at 4:00 pm')
    expect(
      await screen.findByText(
        "This session is less than 48 hours away, so cancelling now carries the practice's $75.00 late-cancellation fee. If something serious came up, you can ask for it to be waived.",
      ),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and accept the $75.00 fee' }))
    expect(
      await screen.findByText("Please tick the box to show you've seen the fee, or keep your appointment."),
    ).toBeTruthy()
    expect(calls.cancel).toBeUndefined()
    fireEvent.click(screen.getByLabelText('I understand the $75.00 late-cancellation fee applies.'))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and accept the $75.00 fee' }))
    await screen.findByRole('heading', { level: 1, name: 'Appointment cancelled' })
    expect(calls.cancel).toEqual([['a-late', { acknowledge_late: true }]])
  })

  it('inside the window where the practice asks for a call: the number to tap, and no cancel button', async () => {
    const { calls } = setup()
    await openCancel('Details for Tue 3 Mar at 9:00 am')
    expect(
      await screen.findByText(
        "Because this session is less than 24 hours away, please call the practice at (555) 010\u20112000 to cancel. They'll help you find another time.",
      ),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: /^Call \(555\)\s010\u20112000$/ }).getAttribute('href')).toBe(
      'tel:+15550102000',
    )
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull()
    expect(calls.cancel).toBeUndefined()
  })

  it('when the deadline passed while the page was open, reloads the rule and says so', async () => {
    setup({
      cancel: async () => {
        throw new PortalError(409, 'late_cancellation_unacknowledged', 'late')
      },
    })
    await openCancel('Details for Mon 9 Mar at 10:00 am')
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel appointment' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The free-cancellation time passed while this page was open.',
    )
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel appointment' })).toBeTruthy())
  })

  it('shows a loading state and an error with retry for the quote', async () => {
    let fail = true
    setup({
      cancellation: async () => {
        if (fail) throw new PortalError(500, 'internal', 'x')
        return freeSession.cancellation!
      },
    })
    await openCancel('Details for Mon 9 Mar at 10:00 am')
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on our side.')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/^You can cancel free of charge until/)).toBeTruthy()
  })
})

import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import {
  callSession,
  type fakeApi,
  freeSession,
  lateSession,
  me,
  OKAFOR,
  RIVERA,
  appointment,
  freeTimes,
  rule,
  renderPortal,
} from '../testing'

function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return renderPortal({
    me: async () => me({ therapists: [RIVERA, OKAFOR] }),
    appointments: async () => [lateSession, freeSession, callSession],
    ...overrides,
  })
}

async function openCancel(detailsLabel: string) {
  fireEvent.click(await screen.findByRole('button', { name: detailsLabel }))
  fireEvent.click(await screen.findByRole('button', { name: 'Cancel this appointment' }))
  await screen.findByRole('heading', { level: 1, name: 'Cancel this appointment?' })
}

describe('Cancel', () => {
  it('before the deadline: shows the exact free-cancellation deadline, then cancels', async () => {
    const { calls, events } = setup()
    await openCancel('Details for Mon 9 Mar at 10:00 am EDT')
    expect(
      await screen.findByText(/^You can cancel free of charge until Saturday 7 March at 9:00 am EST\./),
    ).toBeTruthy()
    expect(screen.queryByRole('checkbox')).toBeNull()
    // Saying why is offered, and "rather not say" is where it starts.
    const why = screen.getByRole('group', {
      name: "If you'd like to say why — it helps the practice, and you don't have to.",
    })
    expect(why).toBeTruthy()
    expect((screen.getByLabelText("I'd rather not say") as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByLabelText('Getting there is hard'))
    fireEvent.input(screen.getByLabelText('Anything the practice should know? (optional)'), {
      target: { value: 'Travelling' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel appointment' }))
    const result = await screen.findByRole('heading', { level: 1, name: 'Appointment cancelled' })
    await waitFor(() => expect(document.activeElement).toBe(result))
    expect(calls.cancel).toEqual([['a-free', { reason_code: 'transportation', reason: 'Travelling' }]])
    expect(events).toEqual(['cancelled'])
  })

  it('inside the window with a fee: says the fee and needs an explicit acknowledgement', async () => {
    const { calls } = setup()
    await openCancel('Details for Tue 3 Mar at 4:00 pm EST')
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
    await openCancel('Details for Tue 3 Mar at 9:00 am EST')
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
        throw new ApiError(409, 'late_cancellation_unacknowledged', 'late')
      },
    })
    await openCancel('Details for Mon 9 Mar at 10:00 am EDT')
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
        if (fail) throw new ApiError(500, 'internal', 'x')
        return freeSession.cancellation!
      },
    })
    await openCancel('Details for Mon 9 Mar at 10:00 am EDT')
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on our side.')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/^You can cancel free of charge until/)).toBeTruthy()
  })

  describe('when getting there is the trouble, offers video at the same time before any fee', () => {
    const offer = 'Could a video session help? Keep your time and join by video — no fee, nothing else changes.'
    const switchable = { slots: async () => freeTimes({ can_switch_to_video: true }) }

    it('the client says getting there is hard and the therapist offers video then: the offer, and it switches', async () => {
      const { calls } = setup(switchable)
      await openCancel('Details for Tue 3 Mar at 4:00 pm EST')
      fireEvent.click(await screen.findByLabelText('Getting there is hard'))
      const text = await screen.findByText(offer)
      const fee = screen.getByRole('button', { name: 'Cancel and accept the $75.00 fee' })
      expect(text.compareDocumentPosition(fee) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: 'Switch to video' }))
      expect(
        await screen.findByText(
          'Done. Your appointment is now by video, at the same time. The link to join will appear here.',
        ),
      ).toBeTruthy()
      expect(calls.switchToVideo).toEqual([['a-late']])
      expect(calls.cancel).toBeUndefined()
    })

    it("the client would rather not say, or gives a reason video can't help with: no offer, and nothing asked", async () => {
      const { calls } = setup(switchable)
      await openCancel('Details for Tue 3 Mar at 4:00 pm EST')
      fireEvent.click(await screen.findByLabelText('Work'))
      fireEvent.click(screen.getByLabelText("I'd rather not say"))
      expect((screen.getByLabelText("I'd rather not say") as HTMLInputElement).checked).toBe(true)
      expect(screen.queryByText(offer)).toBeNull()
      expect(screen.queryByRole('button', { name: 'Switch to video' })).toBeNull()
      expect(calls.slots).toBeUndefined()
    })

    it('the therapist does not offer video then: no offer, and cancelling is as before', async () => {
      const { calls } = setup()
      await openCancel('Details for Tue 3 Mar at 4:00 pm EST')
      fireEvent.click(await screen.findByLabelText('The weather'))
      await waitFor(() => expect(calls.slots).toEqual([['a-late']]))
      expect(screen.queryByText(offer)).toBeNull()
      expect(screen.getByRole('button', { name: 'Cancel and accept the $75.00 fee' })).toBeTruthy()
    })
  })

  describe("words the rule from the session's own policy, not the practice's", () => {
    const LEE = { id: 't-lee', name: 'Dr. Jin Lee' }
    // Tue 10 Mar, 11:00 am New York; a 36-hour window ends Sunday 8 March at 11:00 pm.
    const start = '2026-03-10T15:00:00Z'
    const leeSession = appointment('a-lee', start, { therapist: LEE, ...rule(start, 36, 'fee', 4000) })
    const callLater = appointment('a-call-later', '2026-03-11T15:00:00Z', {
      therapist: { id: OKAFOR.id, name: OKAFOR.name },
      ...rule('2026-03-11T15:00:00Z', 24, 'contact_required'),
    })

    it("before the deadline: the therapist's $40 fee comes after it (the quote's fee is still 0)", async () => {
      expect(leeSession.cancellation!.fee_cents).toBe(0)
      setup({
        appointments: async () => [leeSession],
        cancellation: async () => leeSession.cancellation!,
      })
      fireEvent.click(await screen.findByRole('button', { name: 'Details for Tue 10 Mar at 11:00 am EDT' }))
      const detail =
        "You can cancel free of charge until Sunday 8 March at 11:00 pm EDT. After that, cancelling carries the practice's $40.00 late-cancellation fee."
      expect(await screen.findByText(detail)).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: 'Cancel this appointment' }))
      expect(await screen.findByText(detail)).toBeTruthy()
      expect(document.body.textContent).not.toContain('$75.00')
    })

    it('before the deadline with a therapist who asks for a call: says so, and names no fee', async () => {
      setup({
        appointments: async () => [callLater],
        cancellation: async () => callLater.cancellation!,
      })
      fireEvent.click(await screen.findByRole('button', { name: 'Details for Wed 11 Mar at 11:00 am EDT' }))
      expect(
        await screen.findByText(
          "You can cancel free of charge until Tuesday 10 March at 11:00 am EDT. After that, you'll need to contact the practice to cancel.",
        ),
      ).toBeTruthy()
      expect(document.body.textContent).not.toMatch(/\$\d/)
    })

    it("when the policy changed since the list loaded, shows the fresh quote's rule and fee", async () => {
      const { calls } = setup({
        appointments: async () => [lateSession],
        cancellation: async () => ({ ...lateSession.cancellation!, fee_cents: 10000, policy_text: 'Fresh rule.' }),
      })
      await openCancel('Details for Tue 3 Mar at 4:00 pm EST')
      expect(await screen.findByText('Fresh rule.')).toBeTruthy()
      fireEvent.click(screen.getByLabelText('I understand the $100.00 late-cancellation fee applies.'))
      fireEvent.click(screen.getByRole('button', { name: 'Cancel and accept the $100.00 fee' }))
      await screen.findByRole('heading', { level: 1, name: 'Appointment cancelled' })
      expect(calls.cancel).toEqual([['a-late', { acknowledge_late: true }]])
    })

    it("without a policy from the server, shows the server's own words rather than guessing", async () => {
      const bare = { ...freeSession, cancellation_policy: undefined }
      setup({ appointments: async () => [bare] })
      fireEvent.click(await screen.findByRole('button', { name: 'Details for Mon 9 Mar at 10:00 am EDT' }))
      expect(await screen.findByText('(server text)')).toBeTruthy()
    })
  })
})

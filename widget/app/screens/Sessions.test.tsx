import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import { freeSession, lateSession, me, missedSession, RIVERA, renderPortal } from '../testing'

describe('Sessions (home)', () => {
  it('shows a loading state, then upcoming sessions in the client zone, soonest first', async () => {
    renderPortal()
    expect(screen.getByRole('status').textContent).toContain('Getting your appointments')
    expect(await screen.findByRole('heading', { level: 1, name: 'Your appointments' })).toBeTruthy()
    expect(screen.getByText('Hello, Alex.')).toBeTruthy()
    const times = screen.getAllByText(/ at \d+:\d\d [ap]m E[SD]T$/).map((el) => el.textContent)
    expect(times).toEqual(['Tuesday 3 March at 4:00 pm EST', 'Monday 9 March at 10:00 am EDT'])
  })

  it('confirms in one tap, says so in a live region and tells the host page', async () => {
    const { calls, events, announce } = renderPortal()
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm your appointment on Tue 3 Mar at 4:00 pm EST' }))
    expect(await screen.findByText("Thank you. You're confirmed for Tuesday 3 March at 4:00 pm EST.")).toBeTruthy()
    expect(calls.confirm).toEqual([['a-late']])
    expect(announce).toHaveBeenCalledWith("Thank you. You're confirmed for Tuesday 3 March at 4:00 pm EST.")
    expect(events).toEqual(['confirmed'])
    await waitFor(() => expect(calls.appointments).toHaveLength(2)) // refreshed
    // The button that was pressed is gone: focus is on what happened, not lost to the page.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        "Thank you. You're confirmed for Tuesday 3 March at 4:00 pm EST.",
      ),
    )
  })

  it('has a kind empty state with the way to book', async () => {
    renderPortal({ appointments: async () => [] })
    expect(await screen.findByText("You don't have any upcoming appointments.")).toBeTruthy()
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === 'P' &&
          el.textContent?.replace(/\s/g, ' ') === 'To book one, call the practice at (555) 010\u20112000.',
      ),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: /^\(555\)\s010\u20112000$/ }).getAttribute('href')).toBe('tel:+15550102000')
  })

  it('says, where the button was, that the calendar file has downloaded', async () => {
    URL.createObjectURL ??= () => 'blob:calendar'
    URL.revokeObjectURL ??= () => {}
    const { announce } = renderPortal()
    fireEvent.click(await screen.findByRole('button', { name: 'Details for Mon 9 Mar at 10:00 am EDT' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Add to calendar' }))
    const sign = await screen.findByText(/^Your calendar file has downloaded\. Open it/)
    expect(sign.textContent).toMatch(/^✓ Your calendar file/)
    expect(announce).toHaveBeenCalledWith(sign.textContent?.replace('✓ ', ''))
  })

  it('shows what went wrong with a way to try again', async () => {
    let fail = true
    renderPortal({
      appointments: async () => {
        if (fail) throw new ApiError(0, 'network', 'offline')
        return [freeSession]
      },
    })
    expect((await screen.findByRole('alert')).textContent).toContain("We couldn't reach the portal.")
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Monday 9 March at 10:00 am EDT')).toBeTruthy()
  })

  it('greets a missed session warmly, and lets the client ask for another time with an optional note', async () => {
    const { calls, announce } = renderPortal({ appointments: async () => [missedSession, freeSession] })
    expect(
      await screen.findByRole('heading', { name: "We missed you on Friday 27 February. That's okay." }),
    ).toBeTruthy()
    expect(screen.getByText(/there's no need to explain/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Find another time' }))
    fireEvent.input(await screen.findByLabelText('A note for Dr. Maya Rivera (optional)'), {
      target: { value: 'Sorry, work ran late' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Ask for another time' }))
    expect(
      await screen.findByText(
        'You asked for another time on Monday 2 March. The practice will be in touch about a new time with Dr. Maya Rivera.',
      ),
    ).toBeTruthy()
    expect(calls.requestReschedule).toEqual([['a-missed', 'Sorry, work ran late']])
    expect(announce).toHaveBeenCalled()
  })

  it('once the client has asked for another time, says so instead of offering the form again', async () => {
    const asked = { ...missedSession, reschedule_requested_at: '2026-02-28T15:00:00Z' }
    renderPortal({ appointments: async () => [asked, freeSession] })
    expect(
      await screen.findByText(
        'You asked for another time on Saturday 28 February. The practice will be in touch about a new time with Dr. Maya Rivera.',
      ),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Find another time' })).toBeNull()
  })

  it('says the client is on the cancellation list, with a way to change or leave it', async () => {
    renderPortal({
      me: async () =>
        me({ waitlist: [{ id: 'w1', therapist_id: RIVERA.id, preferred_days: [], preferred_times: [] }] }),
    })
    expect(
      await screen.findByRole('button', {
        name: "You're on Dr. Maya Rivera's cancellation list Change your days and times, or leave the list",
      }),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Join the cancellation list/ })).toBeNull()
  })

  it('opens a session: its details, the telehealth link only when the server gives it, and the rule before cancelling', async () => {
    const video = { ...freeSession, location: undefined, telehealth_opens_at: '2026-03-09T13:45:00Z' }
    renderPortal({ appointments: async () => [video, lateSession] })
    fireEvent.click(await screen.findByRole('button', { name: 'Details for Mon 9 Mar at 10:00 am EDT' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Monday 9 March at 10:00 am EDT' })).toBeTruthy()
    expect(screen.getByText('By video. The link to join will appear here from Mon 9 Mar at 9:45 am EDT.')).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Join the video call' })).toBeNull()
    expect(
      screen.getByText(
        "You can cancel free of charge until Saturday 7 March at 9:00 am EST. After that, cancelling carries the practice's $75.00 late-cancellation fee.",
      ),
    ).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Add to calendar' })).toBeTruthy()
  })

  it('shows the join link near the start', async () => {
    const live = { ...freeSession, location: undefined, telehealth_url: 'https://video.example/room/1' }
    renderPortal({ appointments: async () => [live] })
    fireEvent.click(await screen.findByRole('button', { name: /Details for/ }))
    expect((await screen.findByRole('link', { name: 'Join the video call' })).getAttribute('href')).toBe(
      'https://video.example/room/1',
    )
  })
})

import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import Portal from '../Portal'
import { config, fakeApi, fakeBridge, freeSession, InWords, lateSession, missedSession, NOW } from '../testing'

function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const { api, calls } = fakeApi(overrides)
  const { bridge, events } = fakeBridge()
  const announce = vi.fn()
  render(
    <InWords>
      <Portal api={api} bridge={bridge} config={config} announce={announce} onMe={() => {}} now={() => NOW} />
    </InWords>,
  )
  return { calls, events, announce }
}

describe('Sessions (home)', () => {
  it('shows a loading state, then upcoming sessions in the client zone, soonest first', async () => {
    setup()
    expect(screen.getByRole('status').textContent).toContain('Getting your appointments')
    expect(await screen.findByRole('heading', { level: 1, name: 'Your appointments' })).toBeTruthy()
    expect(screen.getByText('Hello, Alex.')).toBeTruthy()
    const times = screen.getAllByText(/ at \d+:\d\d [ap]m$/).map((el) => el.textContent)
    expect(times).toEqual(['Tuesday 3 March at 4:00 pm', 'Monday 9 March at 10:00 am'])
  })

  it('confirms in one tap, says so in a live region and tells the host page', async () => {
    const { calls, events, announce } = setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm your appointment on Tue 3 Mar at 4:00 pm' }))
    expect(await screen.findByText("Thank you. You're confirmed for Tuesday 3 March at 4:00 pm.")).toBeTruthy()
    expect(calls.confirm).toEqual([['a-late']])
    expect(announce).toHaveBeenCalledWith("Thank you. You're confirmed for Tuesday 3 March at 4:00 pm.")
    expect(events).toEqual(['confirmed'])
    await waitFor(() => expect(calls.appointments).toHaveLength(2)) // refreshed
  })

  it('has a kind empty state with the way to book', async () => {
    setup({ appointments: async () => [] })
    expect(await screen.findByText("You don't have any upcoming appointments.")).toBeTruthy()
    expect(screen.getByText('To book one, call the practice at (555) 010\u20112000.')).toBeTruthy()
  })

  it('shows what went wrong with a way to try again', async () => {
    let fail = true
    setup({
      appointments: async () => {
        if (fail) throw new ApiError(0, 'network', 'offline')
        return [freeSession]
      },
    })
    expect((await screen.findByRole('alert')).textContent).toContain("We couldn't reach the portal.")
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Monday 9 March at 10:00 am')).toBeTruthy()
  })

  it('greets a missed session warmly, and lets the client ask for another time with an optional note', async () => {
    const { calls, announce } = setup({ appointments: async () => [missedSession, freeSession] })
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
      await screen.findByText('Thank you. The practice will be in touch about another time with Dr. Maya Rivera.'),
    ).toBeTruthy()
    expect(calls.requestReschedule).toEqual([['a-missed', 'Sorry, work ran late']])
    expect(announce).toHaveBeenCalled()
  })

  it('opens a session: its details, the telehealth link only when the server gives it, and the rule before cancelling', async () => {
    const video = { ...freeSession, location: undefined, telehealth_opens_at: '2026-03-09T13:45:00Z' }
    setup({ appointments: async () => [video, lateSession] })
    fireEvent.click(await screen.findByRole('button', { name: 'Details for Mon 9 Mar at 10:00 am' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Monday 9 March at 10:00 am' })).toBeTruthy()
    expect(screen.getByText('By video. The link to join will appear here from Mon 9 Mar at 9:45 am.')).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Join the video call' })).toBeNull()
    expect(
      screen.getByText(
        "You can cancel free of charge until Saturday 7 March at 9:00 am. After that, cancelling carries the practice's $75.00 late-cancellation fee.",
      ),
    ).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Add to calendar' })).toBeTruthy()
  })

  it('shows the join link near the start', async () => {
    const live = { ...freeSession, location: undefined, telehealth_url: 'https://video.example/room/1' }
    setup({ appointments: async () => [live] })
    fireEvent.click(await screen.findByRole('button', { name: /Details for/ }))
    expect((await screen.findByRole('link', { name: 'Join the video call' })).getAttribute('href')).toBe(
      'https://video.example/room/1',
    )
  })
})

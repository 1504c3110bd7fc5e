import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import { type fakeApi, freeSession, freeTimes, renderPortal } from '../testing'

const setup = (overrides: Parameters<typeof fakeApi>[0] = {}) =>
  renderPortal(overrides, { initial: { show: 'reschedule', id: freeSession.id } })

describe('Find another time', () => {
  it('groups the free times by day in the client’s zone, says the zone and the rule, and moves the session', async () => {
    const { calls } = setup()
    expect(
      await screen.findByText('Here are the times Dr. Maya Rivera has free. Times are in your time zone (EST).'),
    ).toBeTruthy()
    expect(screen.getByText('Choose a time that suits you and your session moves straight away.')).toBeTruthy()
    const tuesday = screen.getByRole('group', { name: 'Tuesday 3 March' })
    expect(tuesday.textContent).toContain('10:00 am EST')
    expect(tuesday.textContent).toContain('2:00 pm EST')
    expect(screen.getByRole('group', { name: 'Wednesday 4 March' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Move my appointment' }))
    expect(await screen.findByText('Choose a time first.')).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: 'Tuesday 3 March at 2:00 pm EST' }))
    fireEvent.click(screen.getByRole('button', { name: 'Move my appointment' }))
    expect(
      await screen.findByText(
        "Done. Your appointment is now on Tuesday 3 March at 2:00 pm EST. We've sent you a note with the details.",
      ),
    ).toBeTruthy()
    expect(calls.reschedule).toEqual([[freeSession.id, { starts_at: '2026-03-03T19:00:00.000Z' }]])
  })

  it('when someone else was first, says so and shows the times still free', async () => {
    setup({
      reschedule: async () => {
        throw new ApiError(409, 'slot_taken', 'Someone else has just taken that time. Here are the times still free.', {
          slots: [freeTimes().data[2]],
        })
      },
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'Tuesday 3 March at 10:00 am EST' }))
    fireEvent.click(screen.getByRole('button', { name: 'Move my appointment' }))
    expect(
      await screen.findByText('Someone else has just taken that time. Here are the times still free.'),
    ).toBeTruthy()
    expect(screen.queryByRole('group', { name: 'Tuesday 3 March' })).toBeNull()
    expect(screen.getByRole('radio', { name: 'Wednesday 4 March at 9:00 am EST' })).toBeTruthy()
  })

  it('a late move with a fee needs the box ticked; a request says the time is held', async () => {
    const { calls } = setup({
      slots: async () =>
        freeTimes({
          rule: {
            outcome: 'request',
            fee_cents: 7500,
            currency: 'USD',
            needs_acknowledgement: true,
            text: "This session is less than 48 hours away, so moving it now counts as a late cancellation and carries the practice's $75.00 late-cancellation fee.",
          },
        }),
      reschedule: async () => ({
        kind: 'requested',
        request_id: 'r1',
        status: 'requested',
        starts_at: '2026-03-03T15:00:00.000Z',
        hold_until: '2026-03-03T15:00:00.000Z',
        message:
          "Thanks. We're keeping that time for you until Tuesday 3 March at 10:00 am EST, and the practice will confirm it.",
      }),
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'Tuesday 3 March at 10:00 am EST' }))
    fireEvent.click(screen.getByRole('button', { name: 'Ask for this time' }))
    expect(await screen.findByText(/Tick the box to show you have seen the fee/)).toBeTruthy()
    expect(calls.reschedule).toBeUndefined()
    fireEvent.click(screen.getByRole('checkbox', { name: "I understand, and I'd like to go ahead." }))
    fireEvent.click(screen.getByRole('button', { name: 'Ask for this time' }))
    expect(await screen.findByText(/keeping that time for you/)).toBeTruthy()
    expect(calls.reschedule).toEqual([
      [freeSession.id, { starts_at: '2026-03-03T15:00:00.000Z', acknowledge_late: true }],
    ])
  })

  it('when none fit, the practice can be asked; when moving is off, only that is offered', async () => {
    const { calls } = setup({
      slots: async () =>
        freeTimes({
          data: [],
          rule: {
            outcome: 'refused',
            reason: 'off',
            fee_cents: 0,
            currency: 'USD',
            needs_acknowledgement: false,
            text: "To move this session, please call the practice at (555) 010-2000. They'll help you find another time.",
          },
        }),
    })
    expect(await screen.findByText(/To move this session, please call the practice/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Move my appointment' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Ask the practice' }))
    expect(
      await screen.findByText('Thank you. The practice will be in touch about another time with Dr. Maya Rivera.'),
    ).toBeTruthy()
    expect(calls.requestReschedule).toEqual([[freeSession.id]])
  })

  it('offers video at the same time when the therapist offers it then', async () => {
    const { calls } = setup({ slots: async () => freeTimes({ can_switch_to_video: true }) })
    fireEvent.click(await screen.findByRole('button', { name: 'Switch to video' }))
    expect(await screen.findByText(/Your appointment is now by video, at the same time/)).toBeTruthy()
    expect(calls.switchToVideo).toEqual([[freeSession.id]])
  })
})

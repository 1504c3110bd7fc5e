import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import type { NewSessionTimes } from '../api'
import { type fakeApi, freeSession, freeTimes, missedSession, renderPortal } from '../testing'

const BOOK = 'Choose a time that suits you and your new session is booked straight away.'
const canBook =
  (overrides: Partial<NewSessionTimes> = {}) =>
  async (): Promise<NewSessionTimes> => ({
    data: freeTimes().data,
    time_zone: 'America/New_York',
    rule: { outcome: 'book', text: BOOK },
    ...overrides,
  })

const setup = (overrides: Parameters<typeof fakeApi>[0] = {}) =>
  renderPortal(
    { appointments: async () => [missedSession, freeSession], ...overrides },
    { initial: { show: 'missed', id: missedSession.id } },
  )

describe('After a missed session', () => {
  it('when the practice allows it, offers the free times for a new session and books one', async () => {
    const { calls, announce } = setup({ bookAgainTimes: canBook() })
    expect(await screen.findByText(BOOK)).toBeTruthy()
    expect(screen.getByText('Times Dr. Maya Rivera has free for a new session, in your time zone (EST):')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Tuesday 3 March' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Book this time' }))
    expect(await screen.findByText('Choose a time first.')).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: 'Tuesday 3 March at 2:00 pm EST' }))
    fireEvent.click(screen.getByRole('button', { name: 'Book this time' }))
    expect(
      await screen.findByText(
        "Done. Your new appointment is on Tuesday 3 March at 2:00 pm EST. We've sent you a note with the details.",
      ),
    ).toBeTruthy()
    expect(calls.bookAgain).toEqual([[missedSession.id, '2026-03-03T19:00:00.000Z']])
    expect(announce).toHaveBeenCalled()
    // Asking stays possible until then: it was below the times.
    expect(calls.requestReschedule).toBeUndefined()
  })

  it('keeps asking the practice as the way out below the times', async () => {
    const { calls } = setup({ bookAgainTimes: canBook() })
    expect(await screen.findByRole('heading', { name: 'Or ask the practice' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Ask for another time' }))
    expect(await screen.findByText(/The practice will be in touch about a new time/)).toBeTruthy()
    expect(calls.requestReschedule).toEqual([['a-missed', undefined]])
  })

  it('when someone else was first, says so and shows the times still free', async () => {
    setup({
      bookAgainTimes: canBook(),
      bookAgain: async () => {
        throw new ApiError(409, 'slot_taken', 'Someone else has just taken that time.', {
          slots: [freeTimes().data[2]],
        })
      },
    })
    fireEvent.click(await screen.findByRole('radio', { name: 'Tuesday 3 March at 10:00 am EST' }))
    fireEvent.click(screen.getByRole('button', { name: 'Book this time' }))
    expect(
      await screen.findByText('Someone else has just taken that time. Here are the times still free.'),
    ).toBeTruthy()
    expect(screen.queryByRole('group', { name: 'Tuesday 3 March' })).toBeNull()
    expect(screen.getByRole('radio', { name: 'Wednesday 4 March at 9:00 am EST' })).toBeTruthy()
  })

  it('when the practice books new times itself, only the request to the practice is offered', async () => {
    setup()
    expect(await screen.findByLabelText('A note for Dr. Maya Rivera (optional)')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Book this time' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Or ask the practice' })).toBeNull()
  })

  it('once a new session is booked, says when instead of offering times again', async () => {
    setup({ bookAgainTimes: canBook({ data: [], booked: { id: 'a-new', starts_at: '2026-03-04T14:00:00Z' } }) })
    expect(
      await screen.findByText('You have booked a new appointment on Wednesday 4 March at 9:00 am EST. See you then.'),
    ).toBeTruthy()
    expect(screen.queryByLabelText('A note for Dr. Maya Rivera (optional)')).toBeNull()
  })
})

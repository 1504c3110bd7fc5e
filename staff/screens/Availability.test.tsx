import { fireEvent, screen, within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Availability } from '../../shared/schemas/availability'
import { ApiError } from '../../ui/api-client'
import { fakeStaffApi, OKAFOR, RIVERA, renderScreen, staffMember, ZONE } from '../testing'
import { AvailabilityScreen } from './Availability'

const RIVERA_HOURS: Availability = {
  time_zone: ZONE,
  weekly: [{ weekday: 1, start: '09:00', end: '17:00' }],
  exceptions: [],
  buffer_minutes: 10,
  min_notice_hours: 24,
  horizon_days: 28,
}
const OKAFOR_HOURS: Availability = { ...RIVERA_HOURS, weekly: [], buffer_minutes: 0 }

const hoursOf = async (id: string) => (id === OKAFOR.id ? OKAFOR_HOURS : RIVERA_HOURS)

afterEach(() => vi.useRealTimers())

describe('Availability', () => {
  it("the front desk keeps a therapist's hours: adds Tuesday afternoons by video, a day away, a longer buffer", async () => {
    // Monday 2 March, 10:00 pm in New York: already Tuesday in UTC.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-03T03:00:00Z'))
    const { api, calls } = fakeStaffApi({
      availability: hoursOf,
      saveAvailability: async (_id, body) => body,
    })
    const { announced } = renderScreen(AvailabilityScreen, { api, me: staffMember('front_desk') })
    await screen.findByText('Hours are in Eastern Time (New York).')

    fireEvent.click(screen.getByRole('button', { name: 'Add hours' }))
    const added = screen.getByRole('group', { name: 'Hours 2' })
    fireEvent.change(within(added).getByLabelText('Day'), { target: { value: '2' } })
    fireEvent.input(within(added).getByLabelText('From'), { target: { value: '13:00' } })
    fireEvent.input(within(added).getByLabelText('Until'), { target: { value: '18:00' } })
    fireEvent.click(within(added).getByLabelText('In person'))

    fireEvent.click(screen.getByRole('button', { name: 'Add a date' }))
    const away = screen.getByRole('group', { name: 'Exception 1' })
    // The new date starts on the therapist's today, not the computer's UTC one.
    expect((within(away).getByLabelText('Date') as HTMLInputElement).value).toBe('2026-03-02')
    fireEvent.input(within(away).getByLabelText('Date'), { target: { value: '2026-03-10' } })

    fireEvent.input(screen.getByLabelText('Minutes between sessions'), { target: { value: '15' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await screen.findByText('Availability saved.')

    expect(calls.saveAvailability).toEqual([
      [
        RIVERA.id,
        {
          ...RIVERA_HOURS,
          weekly: [
            { weekday: 1, start: '09:00', end: '17:00' },
            { weekday: 2, start: '13:00', end: '18:00', modes: ['video'] },
          ],
          exceptions: [{ date: '2026-03-10' }],
          buffer_minutes: 15,
        },
      ],
    ])
    expect(announced).toContain('Availability saved.')
  })

  it("loads the chosen therapist's own hours when the choice changes, and saves them on that therapist", async () => {
    const { api, calls } = fakeStaffApi({ availability: hoursOf, saveAvailability: async (_id, body) => body })
    renderScreen(AvailabilityScreen, { api })
    await screen.findByRole('group', { name: 'Hours 1' })
    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: OKAFOR.id } })
    // Dr. Rivera's Monday hours must not stay on screen under Sam's name.
    await screen.findByText('No hours yet: clients see no free times.')
    expect(screen.queryByRole('group', { name: 'Hours 1' })).toBeNull()
    expect((screen.getByLabelText('Minutes between sessions') as HTMLInputElement).value).toBe('0')
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await screen.findByText('Availability saved.')
    expect(calls.saveAvailability).toEqual([[OKAFOR.id, OKAFOR_HOURS]])
  })

  it("shows the server's word beside the hours it is about, and keeps what was typed", async () => {
    const { api } = fakeStaffApi({
      availability: hoursOf,
      saveAvailability: async () => {
        throw new ApiError(400, 'invalid_request', 'Some fields need a look.', {
          fields: { 'weekly.0.end': 'The hours have to end after they start.' },
        })
      },
    })
    renderScreen(AvailabilityScreen, { api })
    const row = await screen.findByRole('group', { name: 'Hours 1' })
    fireEvent.input(within(row).getByLabelText('Until'), { target: { value: '08:00' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await within(row).findByText('The hours have to end after they start.')
    const until = within(row).getByLabelText('Until') as HTMLInputElement
    expect(until.value).toBe('08:00')
    expect(until.getAttribute('aria-invalid')).toBe('true')
  })

  it('a therapist sees their own hours, with no one else to choose', async () => {
    const { api, calls } = fakeStaffApi({ availability: hoursOf })
    renderScreen(AvailabilityScreen, { api, me: staffMember('therapist', OKAFOR.id) })
    await screen.findByText('No hours yet: clients see no free times.')
    expect(screen.queryByLabelText('Therapist')).toBeNull()
    expect(calls.availability).toEqual([[OKAFOR.id]])
  })
})

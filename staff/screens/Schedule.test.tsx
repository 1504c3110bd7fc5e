import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../shared/schemas/appointment'
import type { Client } from '../../shared/schemas/people'
import { instantAt, localDate } from '../../shared/time/zone'
import { fakeStaffApi, OKAFOR, RIVERA, renderScreen, staffMember, ZONE } from '../testing'
import { Schedule } from './Schedule'

const today = localDate(new Date(), ZONE)
const JORDAN: Client = { id: 'c-jordan', name: 'Jordan Lee', email: 'jordan@example.com' } as Client
const session = (therapistId: string, time: string): Appointment =>
  ({
    id: `a-${therapistId}-${time}`,
    therapist_id: therapistId,
    client_id: JORDAN.id,
    starts_at: instantAt(today, time, ZONE).toISOString(),
    ends_at: new Date(instantAt(today, time, ZONE).getTime() + 50 * 60_000).toISOString(),
    type: 'Individual session',
    status: 'scheduled',
  }) as Appointment

/** Answers like the API: a therapist's own sessions, or everyone's. */
const sessionsOf = async (q: { therapistId?: string | undefined }) =>
  [session(RIVERA.id, '10:00'), session(OKAFOR.id, '11:00')].filter(
    (s) => !q.therapistId || s.therapist_id === q.therapistId,
  )

describe('Schedule', () => {
  it("shows the front desk every therapist's day at first, each session naming its therapist", async () => {
    const { api, calls } = fakeStaffApi({ sessions: sessionsOf, clients: async () => [JORDAN] })
    renderScreen(Schedule, { api, me: staffMember('front_desk') })
    await screen.findByText('with Sam Okafor, LCSW')
    expect(screen.getByText('with Dr. Maya Rivera')).toBeTruthy()
    const picker = document.getElementById('schedule-therapist') as HTMLSelectElement
    expect(picker.value).toBe('')
    expect(calls.sessions?.[0]?.[0]).toMatchObject({ therapistId: undefined })

    fireEvent.change(picker, { target: { value: RIVERA.id } })
    await waitFor(() => expect(screen.queryByText(/^with /)).toBeNull())
    expect(calls.sessions?.at(-1)?.[0]).toMatchObject({ therapistId: RIVERA.id })
    expect(screen.getByText('Add a session')).toBeTruthy()
  })

  it('shows a therapist their own sessions, with no one else to choose and nothing to add', async () => {
    const { api, calls } = fakeStaffApi({ sessions: sessionsOf, clients: async () => [JORDAN] })
    renderScreen(Schedule, { api, me: staffMember('therapist', OKAFOR.id) })
    await screen.findByText('Jordan Lee')
    expect(screen.getAllByText('Jordan Lee')).toHaveLength(1)
    expect(calls.sessions?.every(([q]) => (q as { therapistId?: string }).therapistId === OKAFOR.id)).toBe(true)
    expect(screen.queryByLabelText('Therapist')).toBeNull()
    expect(screen.queryByText('Add a session')).toBeNull()
  })
})

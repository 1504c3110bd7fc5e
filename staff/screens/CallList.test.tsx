import { fireEvent, screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { CallList as CallListData, CallListEntry } from '../../shared/schemas/practice-tools'
import { fakeStaffApi, OKAFOR, RIVERA, renderScreen, ZONE } from '../testing'
import { CallList } from './CallList'

const entry = (id: string, client: string, extra: Partial<CallListEntry> = {}): CallListEntry => ({
  appointment_id: id,
  starts_at: '2026-03-03T09:00:00-05:00',
  ends_at: '2026-03-03T09:50:00-05:00',
  time_label: 'Tuesday 3 March at 9:00 am EST',
  type: 'Individual session',
  telehealth: false,
  status: 'scheduled',
  reason: 'unconfirmed',
  client: { id: `c-${id}`, name: client, phone: '+15550100001' },
  reminders: [],
  calls: [],
  ...extra,
})

const lists: Record<string, CallListData> = {
  [RIVERA.id]: {
    date: '2026-03-03',
    time_zone: ZONE,
    therapist: { id: RIVERA.id, name: RIVERA.name },
    data: [
      entry('a-1', 'Jordan Lee', {
        move_request: { starts_at: '2026-03-18T11:00:00-04:00', time_label: 'Wednesday 18 March at 11:00 am EDT' },
      }),
    ],
    next_cursor: null,
  },
  [OKAFOR.id]: {
    date: '2026-03-03',
    time_zone: ZONE,
    therapist: { id: OKAFOR.id, name: OKAFOR.name },
    data: [entry('a-2', 'Robin Hale')],
    next_cursor: null,
  },
}

describe('Call list', () => {
  it('tells the caller the client asked to move the session, with the way to answer', async () => {
    const { api } = fakeStaffApi({ callList: async (q) => lists[q.therapistId!]! })
    renderScreen(CallList, { api })
    const card = (await screen.findByRole('heading', { name: 'Jordan Lee' })).closest('li')!
    expect(within(card).getByText(/Asked to move this session to Wednesday 18 March at 11:00 am EDT\./)).toBeTruthy()
    expect(within(card).getByRole('link', { name: 'Answer in Move requests' }).getAttribute('href')).toBe('#moves')
    expect(screen.queryByText('Robin Hale')).toBeNull()
  })

  it("shows an admin every therapist's calls at once, each under its therapist", async () => {
    const { api, calls } = fakeStaffApi({ callList: async (q) => lists[q.therapistId!]! })
    renderScreen(CallList, { api })
    await screen.findByRole('heading', { name: 'Jordan Lee' })
    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: 'all' } })
    await screen.findByRole('heading', { name: 'Robin Hale' })
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(days).toEqual([
      expect.stringMatching(/^Dr\. Maya Rivera · Tuesday 3 March/),
      expect.stringMatching(/^Sam Okafor, LCSW · Tuesday 3 March/),
    ])
    expect(calls.callList!.slice(-2).map(([q]) => (q as { therapistId: string }).therapistId)).toEqual([
      RIVERA.id,
      OKAFOR.id,
    ])
    // Back to one therapist: only theirs.
    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: OKAFOR.id } })
    await screen.findByRole('heading', { name: /^Tuesday 3 March/, level: 2 })
    expect(screen.queryByText('Jordan Lee')).toBeNull()
  })
  it('says why each session is on the list, in words', async () => {
    const reasons = {
      unconfirmed: 'Not confirmed yet',
      asked_for_call: 'Asked for a call before this session',
      no_reminder_channel: 'No way to send them reminders',
      reminder_failed: "Reminders didn't reach them",
    } as const
    const data = Object.keys(reasons).map((reason, i) =>
      entry(`r-${i}`, `Client ${reason}`, { reason: reason as CallListEntry['reason'] }),
    )
    const { api } = fakeStaffApi({ callList: async () => ({ ...lists[RIVERA.id]!, data }) })
    renderScreen(CallList, { api })
    for (const [reason, words] of Object.entries(reasons)) {
      const card = (await screen.findByRole('heading', { name: `Client ${reason}` })).closest('li')!
      expect(within(card).getByText(words).className, reason).toContain(`call-reason-${reason}`)
    }
  })
})

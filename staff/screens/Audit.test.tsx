import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import type { StaffUser } from '../../shared/schemas/staff'
import type { AuditEntry, AuditFilter } from '../api'
import { fakeStaffApi, staffMember, RIVERA, renderScreen } from '../testing'
import { Audit, browserOf } from './Audit'

const PRIYA: StaffUser = {
  id: 'u-priya',
  name: 'Priya Shah',
  email: 'owner@calmwaters.example',
  role: 'owner',
  therapist_id: null,
  phone: null,
  status: 'active',
  invitation: null,
  created_at: '2026-11-01T12:00:00Z',
}
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

const entry = (id: number, fields: Partial<AuditEntry> = {}): AuditEntry => ({
  id: String(id),
  at: '2026-12-01T19:30:00Z',
  actor: { kind: 'staff', id: PRIYA.id, name: PRIYA.name },
  action: 'staff.invited',
  subject: { kind: 'staff_user', id: 'u-maya-0000-1111' },
  ip: '203.0.113.7',
  user_agent: CHROME,
  detail: {},
  ...fields,
})

describe('Audit screen', () => {
  it('shows when (in the practice zone), who, what, which record and from where', async () => {
    const { api } = fakeStaffApi({
      staffUsers: async () => [PRIYA],
      apiKeys: async () => [
        {
          id: 'k-ehr',
          role: 'admin',
          therapist_id: null,
          name: 'EHR sync',
          prefix: 'h',
          created_at: '',
          last_used_at: null,
        },
      ],
      auditLog: async () => ({
        data: [
          entry(2),
          entry(1, {
            actor: { kind: 'api_key', id: 'k-ehr', name: null },
            action: 'appointment.synced',
            subject: { kind: 'therapist', id: RIVERA.id },
            ip: null,
            user_agent: null,
          }),
        ],
        next_cursor: null,
      }),
    })
    renderScreen(Audit, { api, me: staffMember('admin') })
    const rows = (await screen.findAllByRole('row')).slice(1)
    const first = within(rows[0]!)
    expect(first.getByText(/2:30 pm/)).toBeTruthy()
    expect(first.getByText('Priya Shah')).toBeTruthy()
    expect(first.getByText('Invited someone to the team')).toBeTruthy()
    expect(first.getByText('Team member: u-maya-0')).toBeTruthy()
    expect(first.getByText('203.0.113.7')).toBeTruthy()
    expect(first.getByText('Chrome · Linux')).toBeTruthy()
    const second = within(rows[1]!)
    expect(second.getByText('API key “EHR sync”')).toBeTruthy()
    expect(second.getByText('appointment.synced')).toBeTruthy()
    expect(second.getByText('Therapist: Dr. Maya Rivera')).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'From where' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('filters by person and dates in the practice zone, and loads more with the cursor', async () => {
    const asked: [AuditFilter, string | undefined][] = []
    const { api } = fakeStaffApi({
      staffUsers: async () => [PRIYA],
      auditLog: async (filter, cursor) => {
        asked.push([filter, cursor])
        return cursor ? { data: [entry(1)], next_cursor: null } : { data: [entry(3), entry(2)], next_cursor: '2' }
      },
    })
    renderScreen(Audit, { api, me: staffMember('admin') })
    await screen.findByRole('button', { name: 'Load more' })
    fireEvent.change(screen.getByLabelText('Who'), { target: { value: PRIYA.id } })
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-12-01' } })
    fireEvent.input(screen.getByLabelText('Until'), { target: { value: '2026-12-01' } })
    fireEvent.click(screen.getByRole('button', { name: 'Show' }))
    await waitFor(() => expect(asked).toHaveLength(2))
    // Midnight to midnight in New York (EST, UTC−5).
    expect(asked[1]).toEqual([
      { actorId: PRIYA.id, from: '2026-12-01T05:00:00.000Z', to: '2026-12-02T05:00:00.000Z' },
      undefined,
    ])
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4))
    expect(asked[2]).toEqual([asked[1]![0], '2'])
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })

  it('downloads the same lines as a CSV file', async () => {
    const createObjectURL = vi.fn(() => 'blob:audit')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const clicked: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const { api, calls } = fakeStaffApi({
      auditCsv: async () => 'at,actor_kind\r\n2026-12-01T19:30:00Z,staff\r\n',
    })
    renderScreen(Audit, { api, me: staffMember('admin') })
    await screen.findByText('Nothing matches these filters.')
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await screen.findByText('The spreadsheet is downloaded.')
    expect(calls.auditCsv).toEqual([[{}]])
    expect(createObjectURL).toHaveBeenCalledOnce()
    expect(clicked[0]).toMatch(/^hearth-audit-log-\d{4}-\d{2}-\d{2}\.csv$/)
    click.mockRestore()
  })

  it('a therapist sees only a note, and the log is never asked for', async () => {
    const { api, calls } = fakeStaffApi()
    renderScreen(Audit, {
      api,
      me: staffMember('therapist', RIVERA.id),
    })
    expect(screen.getByText('This screen is for the practice’s owners and admins.')).toBeTruthy()
    expect(calls.auditLog).toBeUndefined()
  })

  it('names browsers and systems briefly', () => {
    expect(browserOf(CHROME)).toBe('Chrome · Linux')
    expect(browserOf('curl/8.5.0')).toBe('curl/8.5.0')
  })
})

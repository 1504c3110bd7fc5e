import { screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { Alert, AlertEvent } from '../../shared/schemas/alerts'
import { fakeStaffApi, renderScreen } from '../testing'
import { Alerts } from './Alerts'

const crisis: Alert & { history: AlertEvent[] } = {
  id: 'a-crisis',
  kind: 'crisis_message',
  audience: 'therapist',
  urgent: true,
  therapist_id: 't-rivera',
  summary: 'Jordan Lee sent Dr. Maya Rivera a message marked "I\'m in crisis". Please check on them today.',
  context: {},
  status: 'open',
  created_at: '2026-03-04T07:00:00Z',
  acknowledged_at: '2026-03-04T07:20:00Z',
  history: [
    { at: '2026-03-04T07:00:10Z', kind: 'paged', recipient: 't:1', name: 'Dr. Maya Rivera', channel: 'email' },
    { at: '2026-03-04T07:15:00Z', kind: 'escalated', recipient: 'practice', channel: 'email' },
    { at: '2026-03-04T07:20:00Z', kind: 'acknowledged', recipient: 'u-1', name: 'Priya Shah' },
  ],
}

describe('Alerts', () => {
  it("shows each alert's history under it, in the practice's zone", async () => {
    const { api } = fakeStaffApi({ alerts: async () => [crisis] })
    renderScreen(Alerts, { api })
    const history = await screen.findByRole('region', { name: 'What happened' })
    const lines = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(lines[0]).toMatch(/2:00.*EST.*Dr\. Maya Rivera was paged by email/)
    expect(lines[1]).toMatch(/2:15.*the front desk was told by email/)
    expect(lines[2]).toMatch(/Opened by Priya Shah/)
  })

  it('shows no history section for an alert nobody was paged about', async () => {
    const { api } = fakeStaffApi({ alerts: async () => [{ ...crisis, history: [] }] })
    renderScreen(Alerts, { api })
    await screen.findByText(/Please check on them today/)
    expect(screen.queryByRole('region', { name: 'What happened' })).toBeNull()
  })
})

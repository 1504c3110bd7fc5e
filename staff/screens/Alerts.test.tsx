import { screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { Alert, AlertEvent } from '../../shared/schemas/alerts'
import { CRISIS_ALERT as crisis, fakeStaffApi, renderScreen } from '../testing'
import { Alerts } from './Alerts'

describe('Alerts', () => {
  it('gives a crisis alert what a person acts on: the next session, a number to call, the conversation', async () => {
    const { api } = fakeStaffApi({ alerts: async () => [crisis] })
    renderScreen(Alerts, { api })
    // Under the screen's h1, each alert is a second-level heading.
    const heading = await screen.findByRole('heading', { level: 2, name: 'Crisis message' })
    const card = heading.closest('li')!
    expect(within(card).getByText('Next session: Tuesday 3 March at 9:00 am EST')).toBeTruthy()
    expect(
      within(card)
        .getByRole('link', { name: /^Call \(555\).010.0001$/ })
        .getAttribute('href'),
    ).toBe('tel:+15550100001')
    expect(within(card).getByRole('link', { name: 'Open the conversation' }).getAttribute('href')).toBe('#inbox/th-1')
  })

  it('names the session an alert is about, and offers nothing it does not have', async () => {
    const { api } = fakeStaffApi({
      alerts: async () => [
        {
          ...crisis,
          kind: 'late_cancellation',
          urgent: false,
          appointment_id: 'a-1',
          thread_id: undefined,
          client_phone: undefined,
          summary: 'Jordan Lee cancelled late.',
        },
      ],
    })
    renderScreen(Alerts, { api })
    const card = (await screen.findByText('Jordan Lee cancelled late.')).closest('li')!
    expect(within(card).getByText('Session: Tuesday 3 March at 9:00 am EST')).toBeTruthy()
    expect(within(card).queryByRole('link')).toBeNull()
  })
})

const paged: Alert & { history: AlertEvent[] } = {
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

describe('Alert history', () => {
  it("shows each alert's history under it, in the practice's zone", async () => {
    const { api } = fakeStaffApi({ alerts: async () => [paged] })
    renderScreen(Alerts, { api })
    const history = await screen.findByRole('region', { name: 'What happened' })
    // Its heading sits one level under the alert's own (h2), never skipping a level.
    expect(within(history).getByRole('heading', { level: 3, name: 'What happened' })).toBeTruthy()
    const lines = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(lines[0]).toMatch(/2:00.*EST.*Dr\. Maya Rivera was paged by email/)
    expect(lines[1]).toMatch(/2:15.*the front desk was told by email/)
    expect(lines[2]).toMatch(/Opened by Priya Shah/)
  })

  it('shows no history section for an alert nobody was paged about', async () => {
    const { api } = fakeStaffApi({ alerts: async () => [{ ...paged, history: [] }] })
    renderScreen(Alerts, { api })
    await screen.findByText(/Please check on them today/)
    expect(screen.queryByRole('region', { name: 'What happened' })).toBeNull()
  })
})

import { screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { Alert } from '../../shared/schemas/alerts'
import { fakeStaffApi, renderScreen, RIVERA } from '../testing'
import { Alerts } from './Alerts'

const crisis: Alert = {
  id: 'al-1',
  kind: 'crisis_message',
  audience: 'therapist',
  urgent: true,
  therapist_id: RIVERA.id,
  client_id: 'c-1',
  thread_id: 'th-1',
  client_phone: '+15550100001',
  session: { id: 'a-1', starts_at: '2026-03-03T14:00:00Z' },
  summary: 'Jordan Lee sent Dr. Maya Rivera a message marked "I\'m in crisis". Please check on them today.',
  context: {},
  status: 'open',
  created_at: '2026-03-02T15:00:00Z',
}

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

import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { NotificationSettings as Settings } from '../../shared/schemas/notifications'
import { ApiError } from '../../ui/api-client'
import { WordsProvider } from '../../ui/words'
import { words } from '../i18n'
import type { NotificationsApi } from '../notifications'
import { ZONE } from '../testing'
import { AlertHistory } from './AlertHistory'
import { NotificationSettings } from './NotificationSettings'

function scripted(start: Settings, save?: NotificationsApi['save']) {
  const saved: Settings[] = []
  const api: NotificationsApi = {
    load: async () => start,
    save: async (settings) => {
      saved.push(settings)
      return save ? save(settings) : settings
    },
  }
  return { api, saved }
}

const show = (ui: preact.ComponentChild, locale: 'en' | 'es' = 'en') =>
  render(<WordsProvider value={words(locale, ZONE)}>{ui}</WordsProvider>)

describe('How Hearth tells you', () => {
  it('shows the saved choices and saves what the person changes', async () => {
    const { api, saved } = scripted({
      urgent: ['email', 'sms', 'push'],
      new_messages: 'immediately',
      daily_digest: true,
    })
    show(<NotificationSettings api={api} />)
    const text = (await screen.findByLabelText('Text message')) as HTMLInputElement
    expect(text.checked).toBe(true)
    expect((screen.getByLabelText('Email me straight away') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByLabelText('A morning email of the alerts still open') as HTMLInputElement).checked).toBe(true)

    fireEvent.click(text)
    fireEvent.click(screen.getByLabelText('At most one email an hour'))
    fireEvent.click(screen.getByLabelText('A morning email of the alerts still open'))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Saved. Hearth will tell you this way from now on.')
    expect(saved).toEqual([{ urgent: ['email', 'push'], new_messages: 'hourly', daily_digest: false }])
  })

  it('says that urgent alerts still come by email when no channel is chosen', async () => {
    const { api, saved } = scripted({ urgent: ['email'], new_messages: 'off', daily_digest: false })
    show(<NotificationSettings api={api} />)
    fireEvent.click(await screen.findByLabelText('Email'))
    expect(screen.getByText(/urgent alerts still come to you by email/)).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Email'))
    fireEvent.click(screen.getByLabelText('Notification in the console'))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]!.urgent, 'in the same order as shown').toEqual(['email', 'push'])
  })

  it('shows a refusal in plain words and keeps the choices', async () => {
    const { api } = scripted({ urgent: ['email'], new_messages: 'immediately', daily_digest: true }, async () => {
      throw new ApiError(0, 'network', 'Hearth could not be reached.')
    })
    show(<NotificationSettings api={api} />)
    fireEvent.click(await screen.findByLabelText("Don't email me"))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy())
    expect(screen.queryByText(/Saved/)).toBeNull()
    expect((screen.getByLabelText("Don't email me") as HTMLInputElement).checked).toBe(true)
  })

  it('speaks Spanish', async () => {
    const { api } = scripted({ urgent: ['email'], new_messages: 'hourly', daily_digest: true })
    show(<NotificationSettings api={api} />, 'es')
    expect(((await screen.findByLabelText('Como mucho un correo por hora')) as HTMLInputElement).checked).toBe(true)
  })
})

describe("An alert's history", () => {
  it('says who was told, when (in the practice’s zone) and how, who opened it and who handled it', () => {
    show(
      <AlertHistory
        id="a1"
        history={[
          {
            at: '2026-03-04T07:00:00Z',
            kind: 'paged',
            recipient: 'therapist:t1',
            name: 'Dr. Maya Rivera',
            channel: 'sms',
          },
          { at: '2026-03-04T07:15:00Z', kind: 'escalated', recipient: 'practice', channel: 'email' },
          { at: '2026-03-04T07:15:00Z', kind: 'page_failed', recipient: 'therapist:t2', reason: 'no_contact' },
          { at: '2026-03-04T07:20:00Z', kind: 'acknowledged', recipient: 'u1', name: 'Priya Shah' },
          { at: '2026-03-04T07:30:00Z', kind: 'resolved', recipient: 'k1' },
        ]}
      />,
    )
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent)
    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatch(/2:00.*EST.*Dr\. Maya Rivera was paged by text message/)
    expect(lines[1]).toMatch(/Nobody had opened it yet, so the front desk was told by email/)
    expect(lines[2]).toMatch(/someone at the practice couldn't be paged/)
    expect(lines[3]).toMatch(/Opened by Priya Shah/)
    expect(lines[4]).toMatch(/Marked as handled by someone at the practice/)
    expect(screen.getByRole('heading', { name: 'What happened' })).toBeTruthy()
  })
})

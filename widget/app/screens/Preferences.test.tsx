import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { PREFERENCES, renderPortal } from '../testing'

describe('How we reach you', () => {
  it('puts texts first, drops email, and saves the order with the language', async () => {
    const { calls } = renderPortal()
    fireEvent.click(await screen.findByRole('button', { name: /How we reach you/ }))
    expect(await screen.findByText(/We use the first way that works, then the next/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Move Text messages up' }))
    fireEvent.click(screen.getByRole('checkbox', { name: /Email/ }))
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText("Saved. We'll reach you by text messages first.")).toBeTruthy()
    expect(calls.savePreferences).toEqual([[{ channels: ['sms'], locale: 'fr', time_zone: 'America/New_York' }]])
  })

  it('explains a channel that cannot reach the client, and choosing none', async () => {
    renderPortal({
      preferences: async () => ({
        ...PREFERENCES,
        channels: ['email'],
        options: [
          PREFERENCES.options[0]!,
          { channel: 'sms', available: false, consented: false, unavailable_reason: 'no_phone' },
        ],
      }),
    })
    fireEvent.click(await screen.findByRole('button', { name: /How we reach you/ }))
    const sms = await screen.findByRole('checkbox', { name: /Text messages/ })
    expect((sms as HTMLInputElement).disabled).toBe(true)
    expect(screen.getByText('To get texts, ask the practice to add your mobile number.')).toBeTruthy()
    fireEvent.click(screen.getByRole('checkbox', { name: /Email/ }))
    expect(screen.getByText(/You'll get no reminders or notes from the practice/)).toBeTruthy()
  })
})

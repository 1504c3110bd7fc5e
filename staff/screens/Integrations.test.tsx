import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import type { ApiKeySummary } from '../api'
import { ApiError } from '../../ui/api-client'
import { fakeStaffApi, RIVERA, renderScreen, staffMember } from '../testing'
import { Integrations } from './Integrations'

const EHR: ApiKeySummary = {
  id: 'k-ehr',
  role: 'admin',
  therapist_id: null,
  name: 'EHR sync',
  prefix: 'hearth_ab12',
  created_at: '2026-11-20T15:00:00Z',
  last_used_at: '2026-11-30T14:05:00Z',
}
const SCRIPT: ApiKeySummary = {
  id: 'k-script',
  role: 'therapist',
  therapist_id: RIVERA.id,
  name: 'Maya’s notes script',
  prefix: 'hearth_cd34',
  created_at: '2026-11-21T15:00:00Z',
  last_used_at: null,
}
const card = (name: string) => screen.getByText(name).closest('li') as HTMLElement

describe('Integrations screen', () => {
  it('says what keys are for and lists each with what it may use and when it was made', async () => {
    const { api } = fakeStaffApi({ apiKeys: async () => [EHR, SCRIPT] })
    renderScreen(Integrations, { api, me: staffMember('admin') })
    await screen.findByText('EHR sync')
    expect(screen.getByText(/People don’t use keys: everyone signs in as themselves/)).toBeTruthy()
    expect(within(card('EHR sync')).getByText('The whole practice')).toBeTruthy()
    expect(within(card('Maya’s notes script')).getByText('Only Dr. Maya Rivera’s records')).toBeTruthy()
    expect(within(card('EHR sync')).getByText('hearth_ab12…')).toBeTruthy()
    expect(within(card('EHR sync')).getByText(/20 Nov/)).toBeTruthy()
    expect(within(card('EHR sync')).getByText(/30 Nov/)).toBeTruthy()
    expect(within(card('Maya’s notes script')).getByText('Not used yet')).toBeTruthy()
  })

  it('creates a therapist key and shows it once, with a copy button, until it is put away', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    let keys = [EHR]
    const { api, calls } = fakeStaffApi({
      apiKeys: async () => keys,
      createApiKey: async (k) => {
        const made = { ...SCRIPT, name: k.name, id: 'k-new' }
        keys = [...keys, made]
        return { ...made, key: 'hearth_secret_once_0123456789' }
      },
    })
    renderScreen(Integrations, { api, me: staffMember('admin') })
    await screen.findByText('EHR sync')
    fireEvent.input(screen.getByLabelText('What it’s for'), { target: { value: 'Notes script' } })
    fireEvent.change(screen.getByLabelText('Can use'), { target: { value: 'therapist' } })
    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: RIVERA.id } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    const secret = (await screen.findByLabelText('Key')) as HTMLInputElement
    expect(secret.value).toBe('hearth_secret_once_0123456789')
    expect(screen.getByText(/Hearth shows it only this once/)).toBeTruthy()
    expect(calls.createApiKey).toEqual([[{ name: 'Notes script', role: 'therapist', therapist_id: RIVERA.id }]])
    fireEvent.click(screen.getByRole('button', { name: 'Copy key' }))
    await screen.findByText('Copied.')
    expect(writeText).toHaveBeenCalledWith('hearth_secret_once_0123456789')
    await screen.findByText('Notes script')
    fireEvent.click(screen.getByRole('button', { name: 'I’ve put it somewhere safe' }))
    expect(screen.queryByLabelText('Key')).toBeNull()
    expect(screen.queryByDisplayValue('hearth_secret_once_0123456789')).toBeNull()
  })

  it('revokes a key after saying what stops working, and explains the last admin key', async () => {
    let keys = [EHR, SCRIPT]
    const { api, calls } = fakeStaffApi({
      apiKeys: async () => keys,
      revokeApiKey: async (id) => {
        if (id === EHR.id) {
          throw new ApiError(409, 'invalid_state', "This is the practice's last admin key.")
        }
        keys = keys.filter((k) => k.id !== id)
      },
    })
    const { announced } = renderScreen(Integrations, { api, me: staffMember('admin') })
    await screen.findByText('EHR sync')
    fireEvent.click(within(card('EHR sync')).getByRole('button', { name: 'Revoke' }))
    expect(screen.getByText(/Anything using this key stops working at once/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke it' }))
    expect(
      await screen.findByText(
        'This is the practice’s last admin key. Create another admin key first, then revoke this one.',
      ),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Keep the key' }))

    fireEvent.click(within(card('Maya’s notes script')).getByRole('button', { name: 'Revoke' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke it' }))
    await screen.findByText('“Maya’s notes script” is revoked. Nothing can use it any more.')
    expect(calls.revokeApiKey).toEqual([[EHR.id], [SCRIPT.id]])
    expect(announced).toContain('“Maya’s notes script” is revoked. Nothing can use it any more.')
    await waitFor(() => expect(screen.queryByText('hearth_cd34…')).toBeNull())
  })

  it('a refusal by role shows in plain words', async () => {
    const { api } = fakeStaffApi({
      createApiKey: async () => {
        throw new ApiError(403, 'forbidden', 'Only the practice’s owners and admins can do that.', {
          reason: 'admins_only',
        })
      },
    })
    renderScreen(Integrations, { api, me: staffMember('admin') })
    await screen.findByText('The practice has no API keys.')
    fireEvent.input(screen.getByLabelText('What it’s for'), { target: { value: 'Script' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByText('Only the practice’s owners and admins can do that.')).toBeTruthy()
  })
})

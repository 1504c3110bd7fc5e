import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { WhatsappSettings as Settings } from '../../shared/schemas/connectors'
import type { Practice } from '../../shared/schemas/practice'
import { ApiError } from '../../ui/api-client'
import { fakeStaffApi, PRACTICE, RIVERA, renderScreen, staffMember } from '../testing'
import { WhatsappSettings } from './WhatsappSettings'

const WHATSAPP: Settings = {
  phone_number_id: '106540352242922',
  api_base_url: 'https://graph.facebook.com/v21.0',
  webhook_url: 'https://hearth.example/v1/inbound/whatsapp?practice=demo',
  templates: { confirmation: { en: { name: 'hearth_confirm', language: 'en_US' } } },
  has_access_token: true,
  has_app_secret: true,
  has_verify_token: true,
}
const connected: Practice = { ...PRACTICE, whatsapp: WHATSAPP }

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })

describe('WhatsApp settings', () => {
  it('connects with the number, the three secrets and the templates named, then shows the address for Meta', async () => {
    const { api, calls } = fakeStaffApi({ connectWhatsapp: async () => connected })
    const { announced } = renderScreen(WhatsappSettings, { api })
    await screen.findByRole('form', { name: 'WhatsApp settings' })
    type('Phone number ID', WHATSAPP.phone_number_id)
    type('Access token', 'EAAG-a-long-access-token')
    type('App secret', 'app-secret-123')
    type('Verify token', 'verify-me-please')
    const confirmation = screen.getByRole('group', { name: 'Confirmation request' })
    fireEvent.input(within(confirmation).getByLabelText('Template name for English'), {
      target: { value: 'hearth_confirm' },
    })
    fireEvent.input(within(confirmation).getByLabelText('Template name for Spanish'), {
      target: { value: 'hearth_confirmar' },
    })
    expect((within(confirmation).getAllByLabelText('Language code')[1] as HTMLInputElement).value).toBe('es')
    fireEvent.click(screen.getByRole('button', { name: 'Save and connect' }))

    await waitFor(() => expect(calls.connectWhatsapp).toHaveLength(1))
    expect(calls.connectWhatsapp![0]).toEqual([
      {
        phone_number_id: WHATSAPP.phone_number_id,
        access_token: 'EAAG-a-long-access-token',
        app_secret: 'app-secret-123',
        verify_token: 'verify-me-please',
        templates: {
          confirmation: {
            en: { name: 'hearth_confirm', language: 'en_US' },
            es: { name: 'hearth_confirmar', language: 'es' },
          },
        },
      },
    ])
    const address = (await screen.findByLabelText('The address to give Meta')) as HTMLInputElement
    expect(address.value).toBe(WHATSAPP.webhook_url)
    expect(screen.getByText(/never shown again/)).toBeTruthy()
    expect(screen.queryByLabelText('Access token')).toBeNull()
    expect(announced).toContain('WhatsApp is connected. Give Meta the address shown, if you have not yet.')
  })

  it('changes with the secrets typed again (never filled in) and the saved templates kept', async () => {
    const { api, calls } = fakeStaffApi({ practice: async () => connected, connectWhatsapp: async () => connected })
    renderScreen(WhatsappSettings, { api })
    fireEvent.click(await screen.findByRole('button', { name: 'Change the settings' }))
    expect((screen.getByLabelText('Phone number ID') as HTMLInputElement).value).toBe(WHATSAPP.phone_number_id)
    for (const secret of ['Access token', 'App secret', 'Verify token']) {
      expect((screen.getByLabelText(secret) as HTMLInputElement).value).toBe('')
    }
    type('Access token', 'EAAG-a-new-access-token')
    type('App secret', 'app-secret-456')
    type('Verify token', 'verify-me-again')
    fireEvent.click(screen.getByRole('button', { name: 'Save and connect' }))
    await waitFor(() => expect(calls.connectWhatsapp).toHaveLength(1))
    expect(calls.connectWhatsapp![0]![0]).toMatchObject({
      api_base_url: WHATSAPP.api_base_url,
      templates: WHATSAPP.templates,
    })
  })

  it("shows the server's word at the template it is about", async () => {
    const { api } = fakeStaffApi({
      connectWhatsapp: async () => {
        throw new ApiError(400, 'invalid_request', 'Some fields need a look.', {
          fields: { 'whatsapp.templates.confirmation.en.language': 'Use a WhatsApp language code such as en_US.' },
        })
      },
    })
    renderScreen(WhatsappSettings, { api })
    await screen.findByRole('form', { name: 'WhatsApp settings' })
    fireEvent.click(screen.getByRole('button', { name: 'Save and connect' }))
    const confirmation = screen.getByRole('group', { name: 'Confirmation request' })
    await waitFor(() =>
      expect(within(confirmation).getByText('Use a WhatsApp language code such as en_US.')).toBeTruthy(),
    )
    expect(within(confirmation).getAllByLabelText('Language code')[0]!.getAttribute('aria-invalid')).toBe('true')
  })

  it('asks before disconnecting', async () => {
    const { api, calls } = fakeStaffApi({ practice: async () => connected, connectWhatsapp: async () => PRACTICE })
    renderScreen(WhatsappSettings, { api })
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect WhatsApp' }))
    expect(screen.getByText('Stop sending on WhatsApp?')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disconnect' }))
    await waitFor(() => expect(calls.connectWhatsapp).toEqual([[null]]))
    expect(await screen.findByRole('form', { name: 'WhatsApp settings' })).toBeTruthy()
  })

  it('shows a therapist whether it is on, with nothing to change', async () => {
    const therapist = staffMember('therapist', RIVERA.id)
    const { api } = fakeStaffApi({ practice: async () => connected })
    renderScreen(WhatsappSettings, { api, me: therapist })
    expect(await screen.findByText(/Connected. Messages go from the number/)).toBeTruthy()
    expect(screen.queryByRole('form')).toBeNull()
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.queryByText(WHATSAPP.webhook_url)).toBeNull()
  })
})

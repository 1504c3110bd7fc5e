import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { CalcomSettings, FhirSettings } from '../../shared/schemas/connectors'
import type { Practice } from '../../shared/schemas/practice'
import { ApiError } from '../../ui/api-client'
import { fakeStaffApi, OKAFOR, PRACTICE, RIVERA, renderScreen, staffMember } from '../testing'
import { Connections } from './Connections'

const CALCOM: CalcomSettings = {
  webhook_url: 'https://hearth.example/v1/inbound/calcom?practice=demo',
  therapists: { 'maya@cal.example': RIVERA.id },
  client_consents: { email: true, sms: false, whatsapp: false, push: false },
  has_webhook_secret: true,
}
const FHIR: FhirSettings = {
  base_url: 'https://ehr.example/fhir/r4',
  has_token: true,
  synced_through: null,
  last_attempt_at: null,
  last_success_at: null,
  last_result: null,
  last_errors: [],
}
const THERAPIST = staffMember('therapist', RIVERA.id)
const connected: Practice = { ...PRACTICE, calcom: CALCOM, fhir: FHIR }

const type = (label: RegExp | string | HTMLElement, value: string) =>
  fireEvent.input(label instanceof HTMLElement ? label : screen.getByLabelText(label), { target: { value } })

describe('Connections: Cal.com', () => {
  it('connects with the secret, who is who and the consents, then shows the address to paste and the steps', async () => {
    const { api, calls } = fakeStaffApi({ connectCalcom: async () => ({ ...PRACTICE, calcom: CALCOM }) })
    const { announced } = renderScreen(Connections, { api })
    const form = await screen.findByRole('form', { name: 'Connect Cal.com' })
    type('Signing secret', 'a-long-shared-secret')
    await within(form).findByLabelText(OKAFOR.name)
    type(RIVERA.name, ' maya@cal.example ')
    fireEvent.click(screen.getByLabelText('Text message'))
    fireEvent.click(within(form).getByRole('button', { name: 'Save and connect' }))

    await waitFor(() => expect(calls.connectCalcom).toHaveLength(1))
    expect(calls.connectCalcom![0]).toEqual([
      {
        webhook_secret: 'a-long-shared-secret',
        therapists: { 'maya@cal.example': RIVERA.id },
        client_consents: { email: true, sms: true, whatsapp: false },
      },
    ])
    const address = (await screen.findByLabelText('The address to paste into Cal.com')) as HTMLInputElement
    expect(address.value).toBe(CALCOM.webhook_url)
    expect(address.readOnly).toBe(true)
    expect(screen.getByRole('button', { name: 'Copy the address' })).toBeTruthy()
    expect(screen.getByText(/Settings, then Developer, then Webhooks/)).toBeTruthy()
    expect(screen.getByText(/never shown again/)).toBeTruthy()
    expect(screen.queryByRole('form', { name: 'Connect Cal.com' })).toBeNull()
    expect(announced).toContain('Cal.com is connected. New bookings will appear in the Schedule.')
  })

  it("shows the server's word at the field it is about", async () => {
    const { api } = fakeStaffApi({
      connectCalcom: async () => {
        throw new ApiError(400, 'invalid_request', 'Some fields need a look.', {
          fields: { 'calcom.webhook_secret': 'Use at least 8 characters.' },
        })
      },
    })
    renderScreen(Connections, { api })
    await screen.findByRole('form', { name: 'Connect Cal.com' })
    type('Signing secret', 'short')
    fireEvent.click(screen.getAllByRole('button', { name: 'Save and connect' })[0]!)
    const secret = screen.getByLabelText('Signing secret')
    await waitFor(() => expect(secret.getAttribute('aria-invalid')).toBe('true'))
    const error = document.getElementById(secret.getAttribute('aria-describedby')!.split(' ').at(-1)!)
    expect(error?.textContent).toBe('Use at least 8 characters.')
    // The secret is typed again in Cal.com, so it may be read while typing.
    expect(secret.getAttribute('type')).toBe('password')
    const show = screen.getByRole('button', { name: 'Show Signing secret' })
    fireEvent.click(show)
    expect(secret.getAttribute('type')).toBe('text')
    expect(show.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('alert').textContent).toBe('Some fields need a look.')
  })

  it("says in the console's words when a therapist's Cal.com email cannot be read", async () => {
    const { api } = fakeStaffApi({
      connectCalcom: async () => {
        throw new ApiError(400, 'invalid_request', 'Some fields need attention.', {
          fields: { 'calcom.therapists.maya-at-cal': 'Invalid key in record' },
        })
      },
    })
    renderScreen(Connections, { api })
    const form = await screen.findByRole('form', { name: 'Connect Cal.com' })
    type(await within(form).findByLabelText(RIVERA.name), 'maya-at-cal')
    fireEvent.click(within(form).getByRole('button', { name: 'Save and connect' }))
    expect(await within(form).findByText(/doesn't look like an email address/)).toBeTruthy()
    expect(within(form).getByLabelText(RIVERA.name).getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByText('Invalid key in record')).toBeNull()
  })

  it('changes with the secret typed again and the saved emails filled in', async () => {
    const { api, calls } = fakeStaffApi({ practice: async () => connected, connectCalcom: async () => connected })
    renderScreen(Connections, { api })
    fireEvent.click(await screen.findByRole('button', { name: 'Change the Cal.com settings' }))
    const form = await screen.findByRole('form', { name: 'Connect Cal.com' })
    expect(((await within(form).findByLabelText(RIVERA.name)) as HTMLInputElement).value).toBe('maya@cal.example')
    expect((within(form).getByLabelText('Signing secret') as HTMLInputElement).value).toBe('')
    expect(within(form).getByText(/Hearth never shows the saved one/)).toBeTruthy()
    type('Signing secret', 'the-secret-again')
    fireEvent.click(within(form).getByRole('button', { name: 'Save and connect' }))
    await waitFor(() => expect(calls.connectCalcom).toHaveLength(1))
    expect(calls.connectCalcom![0]![0]).toMatchObject({ therapists: { 'maya@cal.example': RIVERA.id } })
  })

  it('asks before disconnecting, and disconnects only when told yes', async () => {
    const { api, calls } = fakeStaffApi({
      practice: async () => connected,
      connectCalcom: async () => ({ ...connected, calcom: undefined }) as Practice,
    })
    renderScreen(Connections, { api })
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect Cal.com' }))
    expect(screen.getByText('Stop taking bookings from Cal.com?')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it connected' }))
    expect(calls.connectCalcom).toBeUndefined()
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect Cal.com' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disconnect' }))
    await waitFor(() => expect(calls.connectCalcom).toEqual([[null]]))
    expect(await screen.findByRole('form', { name: 'Connect Cal.com' })).toBeTruthy()
  })
})

describe('Connections: FHIR', () => {
  it('connects with the address and token, then syncs now and lists what could not come in', async () => {
    const synced: FhirSettings = {
      ...FHIR,
      last_attempt_at: '2026-03-10T15:00:00Z',
      last_success_at: '2026-03-10T15:00:00Z',
      last_result: { therapists: 2, clients: 3, sessions: 4 },
      last_errors: [{ resource: 'Appointment/ap-4', message: 'Its practitioner is not a therapist in Hearth yet.' }],
    }
    const { api, calls } = fakeStaffApi({
      connectFhir: async () => ({ ...PRACTICE, fhir: FHIR }),
      syncFhir: async () => synced,
    })
    const { announced } = renderScreen(Connections, { api })
    const form = await screen.findByRole('form', { name: 'Connect your EHR' })
    type('FHIR address', 'https://ehr.example/fhir/r4')
    type('Access token (if your EHR gives you one)', 'ehr-token-123')
    fireEvent.click(within(form).getByRole('button', { name: 'Save and connect' }))
    await waitFor(() => expect(calls.connectFhir).toEqual([[{ base_url: FHIR.base_url, token: 'ehr-token-123' }]]))

    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }))
    expect(
      await screen.findByText('Brought in or changed: therapists 2, clients 3, sessions 4.', { exact: false }),
    ).toBeTruthy()
    expect(screen.getByText('Appointment/ap-4')).toBeTruthy()
    expect(announced).toContain('1 record could not come in')
  })

  it('says a saved token is replaced, and sends none when the box is left empty', async () => {
    const { api, calls } = fakeStaffApi({ practice: async () => connected, connectFhir: async () => connected })
    renderScreen(Connections, { api })
    fireEvent.click(await screen.findByRole('button', { name: 'Change the EHR settings' }))
    const form = await screen.findByRole('form', { name: 'Connect your EHR' })
    expect((within(form).getByLabelText('FHIR address') as HTMLInputElement).value).toBe(FHIR.base_url)
    expect(within(form).getByText(/Saving replaces it/)).toBeTruthy()
    fireEvent.click(within(form).getByRole('button', { name: 'Save and connect' }))
    await waitFor(() => expect(calls.connectFhir).toEqual([[{ base_url: FHIR.base_url }]]))
  })
})

describe('Connections for a therapist', () => {
  it('shows how each is doing, with nothing to change or sync', async () => {
    const { api } = fakeStaffApi({ practice: async () => connected })
    renderScreen(Connections, { api, me: THERAPIST })
    expect(await screen.findByText('Bookings arrive from Cal.com for 1 therapist.')).toBeTruthy()
    expect(screen.getByText(FHIR.base_url)).toBeTruthy()
    expect(screen.queryByRole('form')).toBeNull()
    expect(screen.queryByRole('button')).toBeNull()
  })
})

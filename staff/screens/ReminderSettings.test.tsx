import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { fakeStaffApi, RIVERA, renderScreen, staffMember } from '../testing'
import { ReminderSettingsScreen } from './ReminderSettings'

describe('Reminder settings', () => {
  it("shows today's schedule, and saves the practice's own steps, booking note and quiet hours", async () => {
    const { api, calls } = fakeStaffApi()
    const { announced } = renderScreen(ReminderSettingsScreen, { api })
    const confirm = (await screen.findByLabelText('Ask clients to confirm')) as HTMLInputElement
    expect(confirm.checked).toBe(true)
    expect((screen.getByLabelText('At') as HTMLInputElement).value).toBe('08:00')
    expect((screen.getByLabelText('No messages from') as HTMLInputElement).value).toBe('21:00')
    expect((screen.getByLabelText('until') as HTMLInputElement).value).toBe('08:00')

    fireEvent.click(screen.getByRole('button', { name: 'Add a reminder' }))
    fireEvent.input(screen.getByLabelText('Hours before the session'), { target: { value: '0.25' } })
    fireEvent.click(screen.getByLabelText('Send a short note when a session is booked'))
    fireEvent.input(screen.getByLabelText('No messages from'), { target: { value: '22:00' } })
    fireEvent.input(screen.getByLabelText('until'), { target: { value: '07:00' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(calls.saveReminderSchedule).toHaveLength(1))
    expect(calls.saveReminderSchedule![0]![0]).toEqual({
      confirmation: { enabled: true, hours_before_free_until: 24 },
      morning_of: { enabled: true, at: '08:00' },
      channels: ['email'],
      detail: 'private',
      reminders: [{ hours_before: 0.25 }],
      on_booking: true,
      quiet_hours: { start: '22:00', end: '07:00' },
    })
    expect(await screen.findByText('Reminders saved.', { selector: '*:not([aria-live])' })).toBeTruthy()
    expect(announced).toEqual(['Reminders saved.'])
  })

  it('says what is wrong before saving: two reminders at one time, empty quiet hours; and stops at five steps', async () => {
    const { api, calls } = fakeStaffApi()
    renderScreen(ReminderSettingsScreen, { api })
    const add = await screen.findByRole('button', { name: 'Add a reminder' })
    fireEvent.click(add)
    fireEvent.click(add)
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Each reminder needs its own time, in whole or quarter hours, up to 168 hours before the session.',
    )
    expect(calls.saveReminderSchedule).toBeUndefined()

    fireEvent.click(add)
    expect((add as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getAllByRole('button', { name: /^Remove the reminder/ })[0]!)
    fireEvent.click(screen.getAllByRole('button', { name: /^Remove the reminder/ })[0]!)
    fireEvent.input(screen.getByLabelText('until'), { target: { value: '21:00' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Quiet hours need a start and an end that differ, and can last at most 14 hours.',
    )
    expect(calls.saveReminderSchedule).toBeUndefined()
  })

  it('a therapist sees the schedule and cannot change it', async () => {
    const { api } = fakeStaffApi()
    renderScreen(ReminderSettingsScreen, { api, me: staffMember('therapist', RIVERA.id) })
    expect(await screen.findByText("Only the practice's admins can change reminders.")).toBeTruthy()
    expect(screen.getByLabelText('Ask clients to confirm').closest('fieldset')?.disabled).toBe(true)
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull()
  })
})

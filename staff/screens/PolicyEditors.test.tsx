import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { ContactPolicy } from '../../shared/schemas/policies'
import { fakeStaffApi, OKAFOR, OKAFOR_POLICY, RIVERA, RIVERA_POLICY, renderScreen } from '../testing'
import { CancellationPolicyScreen } from './CancellationPolicy'
import { ContactPolicyScreen } from './ContactPolicy'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('Contact policy editor', () => {
  it("loads the chosen therapist's own policy, and saves it onto that therapist only", async () => {
    const sams = deferred<ContactPolicy>()
    const { api, calls } = fakeStaffApi({
      contactPolicy: (id) => (id === OKAFOR.id ? sams.promise : Promise.resolve(RIVERA_POLICY)),
    })
    renderScreen(ContactPolicyScreen, { api })
    expect(((await screen.findByLabelText(/Automatic reply/)) as HTMLTextAreaElement).value).toBe(
      RIVERA_POLICY.auto_reply,
    )

    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: OKAFOR.id } })
    // While Sam's policy is on its way, Dr. Rivera's must not appear under Sam's name.
    await waitFor(() => expect(screen.queryByLabelText(/Automatic reply/)).toBeNull())
    expect(screen.queryByText(/Sam Okafor, LCSW takes messages/)).toBeNull()

    sams.resolve(OKAFOR_POLICY)
    const homework = (await screen.findByLabelText('Homework')) as HTMLInputElement
    expect(homework.checked).toBe(true)
    expect((screen.getByLabelText('Scheduling') as HTMLInputElement).checked).toBe(false)
    expect((screen.getByLabelText(/Automatic reply/) as HTMLTextAreaElement).value).toBe('')
    expect((screen.getByLabelText(/doesn't reply|No replies/i) as HTMLInputElement).checked).toBe(true)

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(calls.saveContactPolicy).toHaveLength(1))
    expect(calls.saveContactPolicy![0]).toEqual([
      OKAFOR.id,
      { accepts_messages: true, allowed_categories: ['homework'], reply_expectation: { kind: 'none' } },
    ])
  })

  it('goes back to the first therapist with their policy, not the one shown last', async () => {
    const { api } = fakeStaffApi()
    renderScreen(ContactPolicyScreen, { api })
    await screen.findByLabelText(/Automatic reply/)
    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: OKAFOR.id } })
    expect(((await screen.findByLabelText('Homework')) as HTMLInputElement).checked).toBe(true)
    fireEvent.change(screen.getByLabelText('Therapist'), { target: { value: RIVERA.id } })
    await waitFor(() =>
      expect((screen.getByLabelText(/Automatic reply/) as HTMLTextAreaElement).value).toBe(RIVERA_POLICY.auto_reply),
    )
    expect((screen.getByLabelText('Homework') as HTMLInputElement).checked).toBe(false)
  })
})

describe('Cancellation policy editor', () => {
  it("shows each therapist's own rule beside the practice's", async () => {
    const { api } = fakeStaffApi()
    renderScreen(CancellationPolicyScreen, { api })
    const list = await screen.findByRole('list')
    expect(list.textContent).toContain("Dr. Maya RiveraFollows the practice's policy")
    expect(list.textContent).toContain(
      'Sam Okafor, LCSWOwn rule: 24 hours before the session · Clients call the practice to cancel',
    )
  })

  it("loads the chosen therapist's own rule, and saves or removes it on that therapist", async () => {
    const { api, calls } = fakeStaffApi()
    renderScreen(CancellationPolicyScreen, { api })
    const whose = await screen.findByLabelText('Set the rule for')
    expect((screen.getByLabelText("Follow the practice's policy") as HTMLInputElement).checked).toBe(true)

    fireEvent.change(whose, { target: { value: OKAFOR.id } })
    expect((screen.getByLabelText('A rule of their own') as HTMLInputElement).checked).toBe(true)
    const window = document.getElementById('own-window') as HTMLSelectElement
    expect(window.value).toBe('24')
    expect((document.getElementById('own-late-contact') as HTMLInputElement).checked).toBe(true)
    // What clients read names the practice's number as the portal writes it.
    expect(document.body.textContent).toContain('please call the practice at (555)\u00a0010\u20112000 to cancel')

    fireEvent.change(window, { target: { value: '36' } })
    const save = screen.getByRole('button', { name: 'Save the rule for Sam Okafor, LCSW' })
    fireEvent.click(save)
    await waitFor(() => expect(calls.saveTherapistCancellationPolicy).toHaveLength(1))
    expect(calls.saveTherapistCancellationPolicy![0]).toEqual([
      OKAFOR.id,
      { window_hours: 36, late_action: 'contact_required', fee_cents: 0, currency: 'USD' },
    ])

    fireEvent.click(screen.getByLabelText("Follow the practice's policy"))
    fireEvent.click(save)
    await waitFor(() => expect(calls.saveTherapistCancellationPolicy).toHaveLength(2))
    expect(calls.saveTherapistCancellationPolicy![1]).toEqual([OKAFOR.id, null])
    expect(calls.saveCancellationPolicy).toBeUndefined()
  })
})

import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import { me, OKAFOR, RIVERA, renderPortal } from '../testing'

async function openMessages(therapist = RIVERA.name) {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(`Message ${therapist}`) }))
  await screen.findByRole('heading', { level: 1, name: `Message ${therapist}` })
}

describe('Messages', () => {
  it('says what the therapist welcomes and when they reply before anything is written', async () => {
    renderPortal()
    await openMessages()
    expect(
      screen.getByText(
        "Between sessions, Dr. Maya Rivera welcomes messages about scheduling and updates on how you're doing.",
      ),
    ).toBeTruthy()
    expect(
      screen.getByText(
        'Dr. Maya Rivera usually replies within 2 business days. For anything urgent, see Need help now?',
      ),
    ).toBeTruthy()
    expect(screen.getByText(/this portal is the private, secure way to reach Dr. Maya Rivera/)).toBeTruthy()
    const choices = screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)
    expect(choices).toEqual(['Scheduling', 'An update', "I'm in crisis"])
    expect(screen.getByText('No messages yet.')).toBeTruthy()
  })

  it('sends an allowed message and shows what to expect, with the auto-reply', async () => {
    const { calls, events } = renderPortal({
      sendMessage: async (body) => ({
        message: {
          id: 'm1',
          thread_id: 't',
          therapist_id: RIVERA.id,
          sender: 'client',
          channel: 'portal',
          category: body.category,
          body: body.body,
          created_at: '2026-03-02T15:00:00Z',
        },
        expectation: 'Dr. Maya Rivera usually replies within 2 business days.',
        auto_reply: 'Thanks for writing. I read messages on weekdays.',
      }),
    })
    await openMessages()
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }))
    expect(await screen.findByText('Choose what your message is about.')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Scheduling'))
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }))
    expect(await screen.findByText('Write your message first.')).toBeTruthy()
    fireEvent.input(screen.getByLabelText('Your message'), { target: { value: 'Could we move Tuesday to 5pm?' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }))
    const sent = await screen.findByRole('heading', { level: 1, name: 'Message sent' })
    await waitFor(() => expect(document.activeElement).toBe(sent))
    expect(screen.getByText('Thanks for writing. I read messages on weekdays.')).toBeTruthy()
    expect(calls.sendMessage).toEqual([[{ category: 'scheduling', body: 'Could we move Tuesday to 5pm?' }]])
    expect(events).toEqual(['message-sent'])
  })

  it("shows the practice's crisis resources first, with numbers to tap, when the client is in crisis", async () => {
    const { announce, calls } = renderPortal()
    await openMessages()
    fireEvent.click(screen.getByLabelText("I'm in crisis"))
    const crisis = await screen.findByRole('region', { name: 'If you need help right now' })
    // Before the expectations and before the message box.
    const order = [crisis, screen.getByText(/welcomes messages about/), screen.getByLabelText('Your note')]
    for (let i = 1; i < order.length; i++)
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(crisis.textContent).toContain(
      'If you might act on thoughts of harming yourself or someone else, call 911 now.',
    )
    expect(screen.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911')
    expect(screen.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988')
    expect(screen.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988')
    expect(announce).toHaveBeenCalledWith(expect.stringContaining('call 911 now'))
    expect(screen.getByText('You can still send Dr. Maya Rivera a note. It will be marked as urgent.')).toBeTruthy()
    expect(calls.sendMessage).toBeUndefined()
  })

  it('moves focus to the crisis resources once "I\'m in crisis" is chosen, so Tab reaches the numbers first', async () => {
    renderPortal()
    await openMessages()
    const crisisChoice = screen.getByLabelText("I'm in crisis")
    crisisChoice.focus()
    fireEvent.click(crisisChoice)
    const title = await screen.findByRole('heading', { name: 'If you need help right now' })
    await waitFor(() => expect(document.activeElement).toBe(title))
  })

  it('when the therapist takes no messages between sessions, says so and leaves only the crisis choice', async () => {
    renderPortal({ me: async () => me({ therapists: [OKAFOR] }) })
    await openMessages(OKAFOR.name)
    expect(screen.getByText(/Sam Okafor, LCSW doesn't take messages between sessions./)).toBeTruthy()
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual(["I'm in crisis"])
  })

  it('explains a refusal from the server in its own words', async () => {
    renderPortal({
      sendMessage: async () => {
        throw new ApiError(403, 'contact_policy', "Dr. Maya Rivera doesn't take this kind of message between sessions.")
      },
    })
    await openMessages()
    fireEvent.click(screen.getByLabelText('An update'))
    fireEvent.input(screen.getByLabelText('Your message'), { target: { value: 'Feeling better' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }))
    expect((await screen.findByRole('alert')).textContent).toContain("doesn't take this kind of message")
  })

  it('lists the conversation with this therapist', async () => {
    renderPortal({
      messages: async () => [
        {
          id: 'm1',
          thread_id: 't',
          therapist_id: RIVERA.id,
          sender: 'client',
          channel: 'portal',
          category: 'scheduling',
          body: 'Can we move?',
          created_at: '2026-03-01T15:00:00Z',
        },
        {
          id: 'm2',
          thread_id: 't',
          therapist_id: RIVERA.id,
          sender: 'therapist',
          channel: 'portal',
          category: 'scheduling',
          body: 'Yes, Thursday works.',
          created_at: '2026-03-02T14:00:00Z',
        },
      ],
    })
    await openMessages()
    expect(await screen.findByText('Yes, Thursday works.')).toBeTruthy()
    expect(screen.getByText('You · Sun 1 Mar, 10:00 am EST')).toBeTruthy()
  })
})

import { describe, expect, it } from 'vitest'
import { LOCALES } from '../schemas/policies'
import { reminderExtras, reminderText, type ReminderTextInput } from './text'
import { CALM_WATERS_SESSION } from './testing'

/** What the last reminder carries (join link, address) and the words of the new steps. */

const video = {
  status: 'scheduled',
  starts_at: '2025-01-14T20:00:00Z',
  ends_at: '2025-01-14T20:50:00Z',
  telehealth_url: 'https://video.example/room/42',
  location: null,
}
const inPerson = { ...video, telehealth_url: null, location: '12 Harbour Street, Suite 3' }
const extras = (over: Partial<Parameters<typeof reminderExtras>[0]>) =>
  reminderExtras({
    kind: 'reminder',
    isLast: true,
    detail: 'private',
    session: video,
    now: '2025-01-14T19:45:00Z',
    ...over,
  })

describe('reminderExtras', () => {
  it('the join link only on the last reminder, from 15 minutes before the start until the end', () => {
    expect(extras({})).toEqual({ joinUrl: 'https://video.example/room/42', address: null })
    expect(extras({ now: '2025-01-14T19:44:59Z' }).joinUrl).toBeNull()
    expect(extras({ now: '2025-01-14T13:00:00Z', kind: 'morning_of' }).joinUrl).toBeNull()
    expect(extras({ now: '2025-01-14T20:50:00Z' }).joinUrl).toBeNull()
    expect(extras({ isLast: false }).joinUrl).toBeNull()
    expect(extras({ kind: 'booked' }).joinUrl).toBeNull()
    expect(extras({ session: { ...video, status: 'cancelled' } }).joinUrl).toBeNull()
    // A private schedule still carries the link: it is the client's, and only near the start.
    expect(extras({ detail: 'private' }).joinUrl).toBe('https://video.example/room/42')
  })

  it('the address only on the last reminder of a detailed schedule, never a private one', () => {
    expect(extras({ session: inPerson, detail: 'detailed', now: '2025-01-14T13:00:00Z' })).toEqual({
      joinUrl: null,
      address: '12 Harbour Street, Suite 3',
    })
    expect(extras({ session: inPerson, detail: 'private' }).address).toBeNull()
    expect(extras({ session: inPerson, detail: 'detailed', isLast: false }).address).toBeNull()
    expect(extras({ session: inPerson, detail: 'detailed', kind: 'booked' }).address).toBeNull()
    expect(extras({ session: { ...inPerson, location: '  ' }, detail: 'detailed' }).address).toBeNull()
  })
})

const base: ReminderTextInput = { ...CALM_WATERS_SESSION, kind: 'reminder' }

describe('reminderText for the practice’s steps', () => {
  it('a reminder hours before, private, with the join link', () => {
    expect(
      reminderText({ ...base, joinUrl: 'https://video.example/room/42', link: 'https://hearth.example/p/calm/a/1' }),
    ).toEqual({
      subject: 'Your appointment on Tue 14 Jan at 3:00 pm EST',
      lines: [
        'Hello,',
        'A reminder that your appointment with Calm Waters is on Tuesday 14 January at 3:00 pm EST.',
        'Join by video: https://video.example/room/42',
        'If something has come up, you can let the practice know in your portal.',
        'Open your portal: https://hearth.example/p/calm/a/1',
      ],
      sms: 'Calm Waters: a reminder of your appointment on Tue 14 Jan at 3:00 pm EST. Join by video: https://video.example/room/42 https://hearth.example/p/calm/a/1',
      push: { title: 'Your appointment is coming up', body: 'Tue 14 Jan at 3:00 pm EST with Calm Waters.' },
    })
  })

  it('the address shows only when detailed, even if given', () => {
    const address = '12 Harbour Street, Suite 3'
    expect(reminderText({ ...base, kind: 'morning_of', address }).sms).not.toContain('Harbour')
    const detailed = reminderText({ ...base, kind: 'morning_of', address, detail: 'detailed' })
    expect(detailed.lines).toContain('Address: 12 Harbour Street, Suite 3')
    expect(detailed.sms).toBe(
      'Calm Waters: a reminder of your appointment today at 3:00 pm EST. Address: 12 Harbour Street, Suite 3',
    )
    // Nothing that shows on a lock screen carries it.
    expect(JSON.stringify(detailed.push)).not.toContain('Harbour')
  })

  it('the booking note, private', () => {
    expect(reminderText({ ...base, kind: 'booked' })).toEqual({
      subject: 'Your appointment on Tue 14 Jan at 3:00 pm EST is booked',
      lines: [
        'Hello,',
        'Your appointment with Calm Waters is booked for Tuesday 14 January at 3:00 pm EST.',
        "We'll send you a reminder before it. If the time doesn't work, you can change it in your portal.",
      ],
      sms: 'Calm Waters: your appointment on Tue 14 Jan at 3:00 pm EST is booked.',
      push: { title: 'Your appointment is booked', body: 'Tue 14 Jan at 3:00 pm EST with Calm Waters.' },
    })
  })

  it('Spanish and French, with no therapist or care type when private', () => {
    expect(reminderText({ ...base, locale: 'es', joinUrl: 'https://video.example/r' }).sms).toBe(
      'Calm Waters: te recordamos tu cita del mar 14 ene a las 15:00 EST. Entra a la videollamada: https://video.example/r',
    )
    expect(reminderText({ ...base, locale: 'fr', kind: 'booked' }).subject).toBe(
      'Votre rendez-vous du mar. 14 janv. à 15 h EST est réservé',
    )
    for (const locale of LOCALES) {
      for (const kind of ['reminder', 'booked'] as const) {
        const words = JSON.stringify(reminderText({ ...base, locale, kind }))
        expect(words).not.toContain('Rivera')
        expect(words).not.toContain('Couples')
        expect(words).not.toMatch(/\{\w+\}/)
      }
    }
  })
})

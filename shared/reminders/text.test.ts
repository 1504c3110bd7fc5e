import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reminderText } from './text'
import { CALM_WATERS_SESSION } from './testing'

const base = CALM_WATERS_SESSION

describe('reminderText', () => {
  it('confirmation, private: practice, date and time only', () => {
    expect(reminderText({ ...base, link: 'https://hearth.example/p/calm/a/1' })).toEqual({
      subject: 'Please confirm your appointment on Tuesday 14 January at 3:00 pm EST',
      lines: [
        'Hello,',
        'Your appointment with Calm Waters is on Tuesday 14 January at 3:00 pm EST.',
        "Please let us know you're coming. If the time no longer works, you can cancel or reschedule in your portal.",
        'Open your portal: https://hearth.example/p/calm/a/1',
      ],
      sms: 'Calm Waters: please confirm your appointment on Tue 14 Jan at 3:00 pm EST. Reply YES to confirm or CANCEL to cancel. https://hearth.example/p/calm/a/1',
      push: {
        title: 'Please confirm your appointment',
        body: 'Your appointment on Tue 14 Jan at 3:00 pm EST with Calm Waters.',
      },
    })
  })

  it('morning-of, private, in the client zone', () => {
    expect(reminderText({ ...base, kind: 'morning_of', timeZone: 'Europe/London' })).toEqual({
      subject: 'Your appointment today at 8:00 pm GMT',
      lines: [
        'Hello,',
        'A reminder that your appointment with Calm Waters is today at 8:00 pm GMT.',
        'If something has come up, you can let the practice know in your portal.',
      ],
      sms: 'Calm Waters: a reminder of your appointment today at 8:00 pm GMT.',
      push: { title: 'Your appointment today', body: 'Today at 8:00 pm GMT with Calm Waters.' },
    })
  })

  it('detailed: the therapist and the kind of appointment, when the practice chose it', () => {
    const text = reminderText({ ...base, detail: 'detailed' })
    expect(text.lines).toEqual([
      'Hello,',
      'Your appointment with Dr. Rivera at Calm Waters is on Tuesday 14 January at 3:00 pm EST.',
      'Appointment type: Couples therapy',
      "Please let us know you're coming. If the time no longer works, you can cancel or reschedule in your portal.",
    ])
    expect(text.push.body).toBe('Your appointment on Tue 14 Jan at 3:00 pm EST with Dr. Rivera at Calm Waters.')
    expect(reminderText({ ...base, detail: 'detailed', therapistName: null, type: null }).lines[1]).toBe(
      'Your appointment with Calm Waters is on Tuesday 14 January at 3:00 pm EST.',
    )
  })

  it('in Spanish and French', () => {
    const es = reminderText({ ...base, locale: 'es', timeZone: 'Europe/Madrid' })
    expect(es.subject).toBe('Confirma tu cita del martes 14 de enero a las 21:00 CET')
    expect(es.push.body).toBe('Tu cita del mar 14 ene a las 21:00 CET con Calm Waters.')
    const fr = reminderText({ ...base, locale: 'fr', kind: 'morning_of', timeZone: 'Europe/Paris' })
    expect(fr.subject).toBe("Votre rendez-vous aujourd'hui à 21 h CET")
    expect(fr.lines[1]).toBe("Petit rappel : votre rendez-vous avec Calm Waters a lieu aujourd'hui à 21 h CET.")
    expect(fr.sms).toBe("Calm Waters : rappel de votre rendez-vous aujourd'hui à 21 h CET.")
  })

  const word = fc.stringMatching(/^[A-Z][a-z]{5,12}$/)
  const inputArb = fc.record({
    kind: fc.constantFrom('confirmation' as const, 'morning_of' as const),
    startsAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
    timeZone: fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'),
    locale: fc.constantFrom('en' as const, 'es' as const, 'fr' as const),
    practiceName: fc.constant('Calm Waters'),
    therapist: word,
    type: fc.constantFrom(
      'Psychotherapy',
      'Therapy intake',
      'EMDR',
      'Couples therapy',
      'Psicoterapia',
      'Thérapie de couple',
    ),
  })

  it('private reminders never name the therapist, the kind of care or "therapy", in any field', () => {
    fc.assert(
      fc.property(inputArb, ({ therapist, ...i }) => {
        const text = reminderText({ ...i, detail: 'private', therapistName: `Dr. ${therapist}` })
        const everything = JSON.stringify(text)
        expect(everything).not.toContain(therapist)
        expect(everything).not.toContain(i.type)
        expect(everything).not.toMatch(/th[ée]rap|psych|psic|terap/i)
        expect(everything).toContain('Calm Waters')
      }),
    )
  })

  it('keeps push payloads far under 4 KB, even with long names', () => {
    fc.assert(
      fc.property(inputArb, fc.string({ minLength: 100, maxLength: 120 }), (i, longName) => {
        const text = reminderText({
          ...i,
          practiceName: longName,
          detail: 'detailed',
          therapistName: longName,
          type: longName,
        })
        expect(new TextEncoder().encode(JSON.stringify(text.push)).length).toBeLessThan(1024)
      }),
    )
  })
})

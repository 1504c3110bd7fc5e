import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCrisisResources } from '../crisis'
import {
  MESSAGE_CATEGORIES,
  type ClientMessageCategory,
  type ContactPolicy,
  type CrisisResource,
} from '../schemas/policies'
import { contactDecision, contactExpectation, outsidePortalAnswer } from './contact'

const replies: ContactPolicy = {
  accepts_messages: true,
  allowed_categories: ['update', 'scheduling'],
  reply_expectation: { kind: 'business_days', days: 2 },
}
const readsOnly: ContactPolicy = { ...replies, reply_expectation: { kind: 'none' } }
const closed: ContactPolicy = { ...replies, accepts_messages: false }
const us = defaultCrisisResources('US')

const decide = (policy: ContactPolicy, category: ClientMessageCategory, crisisResources: CrisisResource[] = us) =>
  contactDecision({ policy, category, therapistName: 'Dr. Rivera', locale: 'en', crisisResources })

describe('contactExpectation', () => {
  it('a therapist who replies: what is welcome, how soon, and where urgent things go', () => {
    expect(contactExpectation(replies, 'Dr. Rivera', 'en')).toEqual({
      accepting: true,
      categories: ['scheduling', 'update'],
      choices: [
        { category: 'scheduling', label: 'Scheduling' },
        { category: 'update', label: 'An update' },
        { category: 'crisis', label: "I'm in crisis" },
      ],
      welcome_text: "Between sessions, Dr. Rivera welcomes messages about scheduling and updates on how you're doing.",
      reply_text: 'Dr. Rivera usually replies within 2 business days. For anything urgent, see Need help now?',
      confidential_text:
        'Please write here rather than by email: this portal is the private, secure way to reach Dr. Rivera.',
    })
    expect(
      contactExpectation({ ...replies, reply_expectation: { kind: 'business_days', days: 1 } }, 'Sam', 'en').reply_text,
    ).toBe('Sam usually replies within 1 business day. For anything urgent, see Need help now?')
  })

  it('a therapist who reads but does not reply says so up front', () => {
    expect(contactExpectation(readsOnly, 'Dr. Rivera', 'en').reply_text).toBe(
      "Dr. Rivera doesn't reply to messages between sessions, but will read yours before your next session. For anything urgent, see Need help now?",
    )
  })

  it('a therapist who takes no messages: nothing to pick but crisis', () => {
    for (const policy of [closed, { ...replies, allowed_categories: [] }]) {
      const e = contactExpectation(policy, 'Dr. Rivera', 'en')
      expect(e).toMatchObject({ accepting: false, categories: [], welcome_text: null })
      expect(e.choices).toEqual([{ category: 'crisis', label: "I'm in crisis" }])
      expect(e.reply_text).toBe(
        "Dr. Rivera doesn't take messages between sessions. You can bring what's on your mind to your next session, or contact the practice about scheduling. For anything urgent, see Need help now?",
      )
    }
  })

  it('in Spanish and French', () => {
    const es = contactExpectation(replies, 'Dr. Rivera', 'es')
    expect(es.welcome_text).toBe('Entre sesiones, Dr. Rivera recibe con gusto mensajes sobre tus citas y cómo te va.')
    expect(es.reply_text).toBe(
      'Dr. Rivera suele responder en un plazo de 2 días hábiles. Si es algo urgente, consulta «¿Necesitas ayuda ahora?».',
    )
    const fr = contactExpectation(
      { ...readsOnly, allowed_categories: ['homework', 'scheduling', 'resource'] },
      'Dre Roy',
      'fr',
    )
    expect(fr.welcome_text).toBe(
      'Entre les séances, Dre Roy reçoit volontiers vos messages concernant vos rendez-vous, une ressource à partager et vos exercices.',
    )
    expect(fr.reply_text).toBe(
      "Dre Roy ne répond pas aux messages entre les séances, mais lira le vôtre avant votre prochaine séance. Pour toute urgence, consultez « Besoin d'aide maintenant ? ».",
    )
    expect(fr.choices.at(-1)).toEqual({ category: 'crisis', label: 'Je suis en crise' })
  })
})

describe('contactDecision', () => {
  it('lets a welcomed kind of message through, with the reply expectation and any auto-reply', () => {
    expect(decide({ ...replies, auto_reply: 'Thanks, I read messages on Mondays.' }, 'scheduling')).toEqual({
      allowed: true,
      crisis: false,
      category: 'scheduling',
      flagged: false,
      expectation: 'Dr. Rivera usually replies within 2 business days. For anything urgent, see Need help now?',
      auto_reply: 'Thanks, I read messages on Mondays.',
    })
  })

  it('explains a kind of message the therapist does not take, and what is welcome instead', () => {
    expect(decide(replies, 'homework')).toEqual({
      allowed: false,
      crisis: false,
      category: 'homework',
      reason: 'category_not_allowed',
      message:
        "Dr. Rivera doesn't take this kind of message between sessions. You can bring it to your next session instead. Between sessions, Dr. Rivera welcomes messages about scheduling and updates on how you're doing. For anything urgent, see Need help now?",
    })
  })

  it('explains when the therapist takes no messages at all', () => {
    expect(decide(closed, 'scheduling')).toMatchObject({ allowed: false, reason: 'not_accepting' })
  })

  it('crisis: resources first (emergency first), the note still goes and is flagged, even when closed', () => {
    const shuffled: CrisisResource[] = [...us].reverse()
    const d = decide({ ...closed, crisis_note: 'If I am away, call Dr. Lee at (555) 010-3000.' }, 'crisis', shuffled)
    expect(d).toEqual({
      allowed: true,
      crisis: true,
      category: 'crisis',
      flagged: true,
      resources: us,
      crisis_text:
        'If you might act on thoughts of harming yourself or someone else, call 911 now. You can call or text 988 any time to talk to someone.',
      expectation:
        "Your note will go to Dr. Rivera marked as urgent, but it may not be read right away. If you're in danger, please use the numbers above now.",
      therapist_note: 'If I am away, call Dr. Lee at (555) 010-3000.',
    })
  })

  const policyArb = fc.record({
    accepts_messages: fc.boolean(),
    allowed_categories: fc.subarray([...MESSAGE_CATEGORIES]),
    reply_expectation: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.integer({ min: 1, max: 10 }).map((days) => ({ kind: 'business_days' as const, days })),
    ),
  })
  const localeArb = fc.constantFrom('en' as const, 'es' as const, 'fr' as const)

  it('never refuses crisis, whatever the policy, language or resources', () => {
    fc.assert(
      fc.property(
        policyArb,
        localeArb,
        fc.constantFrom('US', 'GB', 'FR', 'XX'),
        fc.boolean(),
        (policy, locale, country, none) => {
          const resources = none ? [] : defaultCrisisResources(country)
          const d = contactDecision({
            policy,
            category: 'crisis',
            therapistName: 'Dr. Rivera',
            locale,
            crisisResources: resources,
          })
          expect(d.allowed).toBe(true)
          if (!d.crisis) throw new Error('crisis decision expected')
          expect(d.flagged).toBe(true)
          expect(d.resources).toHaveLength(resources.length)
          if (resources.length) expect(d.resources[0]?.kind).toBe('emergency')
          expect(d.crisis_text.length).toBeGreaterThan(20)
        },
      ),
    )
  })

  it('allows exactly the welcomed kinds, and every refusal explains itself', () => {
    fc.assert(
      fc.property(policyArb, localeArb, fc.constantFrom(...MESSAGE_CATEGORIES), (policy, locale, category) => {
        const d = contactDecision({ policy, category, therapistName: 'Dr. Rivera', locale, crisisResources: us })
        expect(d.allowed).toBe(policy.accepts_messages && policy.allowed_categories.includes(category))
        if (!d.allowed) {
          expect(d.reason).toBe(
            policy.accepts_messages && policy.allowed_categories.length ? 'category_not_allowed' : 'not_accepting',
          )
          expect(d.message).toContain('Dr. Rivera')
          expect(d.message).not.toMatch(/\{\w+\}/)
        }
        const shown = contactExpectation(policy, 'Dr. Rivera', locale)
        expect(
          shown.choices
            .map((c) => c.category)
            .filter((c) => c !== 'crisis')
            .includes(category),
        ).toBe(d.allowed)
        expect(shown.choices.at(-1)?.category).toBe('crisis')
      }),
    )
  })
})

describe('outsidePortalAnswer', () => {
  it.each([
    ['replies within days', replies, { kind: 'reply_within', days: 2 }],
    ['reads only', readsOnly, { kind: 'no_reply_between_sessions' }],
    ['takes no messages', closed, { kind: 'no_reply_between_sessions' }],
    [
      'an auto-reply comes first',
      { ...readsOnly, auto_reply: 'Back Monday.' },
      { kind: 'auto_reply', text: 'Back Monday.' },
    ],
  ] as const)('%s', (_name, policy, expected) => {
    expect(outsidePortalAnswer(policy as ContactPolicy)).toEqual(expected)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CrisisResource as CrisisResourceSchema, type CrisisResource } from './schemas/policies'
import { crisisLinks, crisisResourceFor, crisisSentence, defaultCrisisResources, orderCrisisResources } from './crisis'

describe('defaultCrisisResources', () => {
  it.each([
    ['US', ['911', '988']],
    ['CA', ['911', '988']],
    ['GB', ['999', '116 123']],
    ['IE', ['112', '116 123']],
    ['AU', ['000', '13 11 14']],
    ['NZ', ['111', '1737']],
    ['FR', ['112', '3114']],
    ['ES', ['112', '024']],
    ['DE', ['112']],
    ['zz', ['112']],
  ])('%s: %j', (country, phones) => {
    const resources = defaultCrisisResources(country)
    expect(resources.map((r) => r.phone)).toEqual(phones)
    expect(resources[0]?.kind).toBe('emergency')
    for (const r of resources) expect(CrisisResourceSchema.safeParse(r).success).toBe(true)
  })

  it('lets 988 be called or texted in the US and Canada', () => {
    expect(defaultCrisisResources('US')[1]).toMatchObject({ phone: '988', text: '988', kind: 'hotline' })
    expect(defaultCrisisResources('CA', 'fr')[1]?.name).toBe(
      "9-8-8 : Ligne d'aide en cas de crise de suicide (en français ou en anglais)",
    )
  })

  it('hands out a fresh copy the practice can edit', () => {
    const mine = defaultCrisisResources('US')
    mine[0]!.phone = '000'
    expect(defaultCrisisResources('US')[0]?.phone).toBe('911')
  })

  it('names the emergency line in the practice language', () => {
    expect(defaultCrisisResources('ES', 'es')[0]?.name).toBe('Servicios de emergencia')
    expect(defaultCrisisResources('FR', 'fr')[0]?.name).toBe("Services d'urgence")
  })
})

describe('crisisSentence', () => {
  it.each([
    [
      'US',
      'en',
      'If you might act on thoughts of harming yourself or someone else, call 911 now. You can call or text 988 any time to talk to someone.',
    ],
    [
      'GB',
      'en',
      'If you might act on thoughts of harming yourself or someone else, call 999 now. You can call 116 123 any time to talk to someone.',
    ],
    [
      'AU',
      'en',
      'If you might act on thoughts of harming yourself or someone else, call 000 now. You can call 13 11 14 or text 0477 13 11 14 any time to talk to someone.',
    ],
    ['DE', 'en', 'If you might act on thoughts of harming yourself or someone else, call 112 now.'],
    [
      'US',
      'es',
      'Si crees que podrías hacerte daño o hacer daño a otra persona, llama ahora al 911. Puedes llamar o enviar un mensaje de texto al 988 en cualquier momento para hablar con alguien.',
    ],
    [
      'FR',
      'fr',
      "Si vous pensez que vous pourriez vous faire du mal ou faire du mal à quelqu'un, appelez le 112 dès maintenant. Vous pouvez appeler le 3114 à tout moment pour parler à quelqu'un.",
    ],
  ] as const)('%s in %s', (country, locale, expected) => {
    expect(crisisSentence(defaultCrisisResources(country), locale)).toBe(expected)
  })

  it("uses the practice's own numbers, whatever order they were saved in", () => {
    const resources: CrisisResource[] = [
      { name: 'Crisis Text Line', kind: 'local', text: '741741' },
      { name: 'County mobile crisis', kind: 'hotline', phone: '(555) 010-9999', hours: 'weekdays 9–5' },
      { name: 'Emergency', kind: 'emergency', phone: '911' },
    ]
    expect(orderCrisisResources(resources).map((r) => r.kind)).toEqual(['emergency', 'hotline', 'local'])
    expect(crisisSentence(resources, 'en')).toBe(
      'If you might act on thoughts of harming yourself or someone else, call 911 now. You can call (555) 010-9999 to talk to someone (weekdays 9–5).',
    )
    expect(crisisSentence([{ name: 'Text line', kind: 'local', text: '741741' }], 'en')).toBe(
      'If you might act on thoughts of harming yourself or someone else, call your local emergency number now. You can text 741741 any time to talk to someone.',
    )
  })

  it('always leads with what to do now, for any list of resources', () => {
    const resourceArb = fc.record({
      name: fc.constant('Line'),
      kind: fc.constantFrom('emergency' as const, 'hotline' as const, 'local' as const),
      phone: fc.option(fc.stringMatching(/^[0-9 ]{3,12}$/), { nil: undefined }),
      text: fc.option(fc.stringMatching(/^[0-9]{3,6}$/), { nil: undefined }),
      url: fc.constant('https://example.org'),
    })
    fc.assert(
      fc.property(
        fc.array(resourceArb, { maxLength: 6 }),
        fc.constantFrom('en' as const, 'es' as const, 'fr' as const),
        (resources, locale) => {
          const sentence = crisisSentence(resources, locale)
          const emergencyPhone = orderCrisisResources(resources).find((r) => r.kind === 'emergency' && r.phone)?.phone
          if (emergencyPhone) expect(sentence).toContain(emergencyPhone)
          expect(sentence).not.toMatch(/\{\w+\}|undefined/)
        },
      ),
    )
  })
})

describe('crisisLinks', () => {
  it('makes numbers tappable', () => {
    expect(
      crisisLinks({ name: 'Samaritans', kind: 'hotline', phone: '116 123', url: 'https://www.samaritans.org' }),
    ).toEqual({
      call: 'tel:116123',
      web: 'https://www.samaritans.org',
    })
    expect(crisisLinks({ name: '988', kind: 'hotline', phone: '988', text: '988' })).toEqual({
      call: 'tel:988',
      sms: 'sms:988',
    })
  })
})

describe('crisisResourceFor', () => {
  const us = defaultCrisisResources('US', 'en')

  it.each([
    ['es', ['Servicios de emergencia', 'Línea 988 de Prevención del Suicidio y Crisis (en español: oprima 2)']],
    [
      'fr',
      ["Services d'urgence", '988 Suicide & Crisis Lifeline (en anglais, avec interprète en français sur demande)'],
    ],
    ['en', ['Emergency services', '988 Suicide & Crisis Lifeline']],
  ] as const)(
    'names the US lines a practice saved in English in %s, and says which language they answer in',
    (locale, names) => {
      expect(us.map((r) => crisisResourceFor(r, locale).name)).toEqual(names)
    },
  )

  it('reads 24/7 the local way and keeps the numbers', () => {
    const line = crisisResourceFor(us[1]!, 'es')
    expect(line).toMatchObject({ phone: '988', text: '988', hours: 'las 24 horas, todos los días' })
    expect(crisisResourceFor(us[1]!, 'fr').hours).toBe('24 h/24, 7 j/7')
  })

  it('recognises a line saved under the name Hearth gave it earlier, in any language', () => {
    const saved = { name: '9-8-8: Suicide Crisis Helpline', kind: 'hotline', phone: '988' } as const
    expect(crisisResourceFor(saved, 'fr').name).toBe(
      "9-8-8 : Ligne d'aide en cas de crise de suicide (en français ou en anglais)",
    )
    const spanish = defaultCrisisResources('ES', 'es')[1]!
    expect(crisisResourceFor(spanish, 'en').name).toBe('024 – Spanish suicide prevention line (in Spanish)')
  })

  it('leaves a name the practice wrote itself as written', () => {
    const own = { name: 'Línea de crisis del condado', kind: 'local', phone: '555 0100', hours: 'Mon–Fri' } as const
    expect(crisisResourceFor(own, 'fr')).toEqual(own)
    const renamed = { ...us[1]!, name: 'Our county 988 partner' }
    expect(crisisResourceFor(renamed, 'es').name).toBe('Our county 988 partner')
  })
})

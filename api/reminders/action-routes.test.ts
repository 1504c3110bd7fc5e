import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures, WEEKDAY_HOURS } from '../testing/fixtures'
import { dispatchEmail, reminderLinks as links } from '../testing/reminder-links'

let t: TestContext
let key: string
let f: ReturnType<typeof fixtures>
let therapistId: string

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T15:00:00Z' })
  key = (await t.createPractice('links')).adminKey
  f = fixtures(t, key)
  therapistId = (await f.therapist()).id
})
afterAll(() => t.stop())

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const dispatch = () => dispatchEmail(t)

/** Books a session, sends its confirmation request, and returns the links in the email. */
const reminderLinks = (startsAt: string, clientOverrides: Record<string, unknown> = {}, therapist = therapistId) =>
  links(t, f, therapist, startsAt, clientOverrides)

const status = async (id: string) => (await t.call('GET', `/v1/appointments/${id}`, { key })).body.status

describe('reminder action links', () => {
  it('Confirm: GET shows a calm page and changes nothing; POST confirms; the second use explains it was used', async () => {
    const { apt, confirm, email } = await reminderLinks('2026-03-09T19:00:00Z')
    expect(email.html).toContain(`href="http://hearth.test${confirm}"`)

    const page = await t.call('GET', confirm)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
    )
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.text).toContain('<form method="post">')
    expect(page.text).toContain('Your appointment with Practice links is on Monday 9 March at 3:00 pm EDT.')
    expect(page.text).not.toMatch(/<script/i)
    expect(await status(apt.id)).toBe('scheduled')

    const done = await t.call('POST', confirm, { headers: form, body: '' })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Thank you. Your appointment on Monday 9 March at 3:00 pm EDT is confirmed.')
    // Crisis help on the link's page and on the page after it, with numbers to tap.
    for (const html of [page.text, done.text]) {
      expect(html).toContain('<header class="practice">Practice links</header>')
      expect(html).toContain('<h2 id="crisis-title">Need help now?</h2>')
      expect(html).toContain('call 911 now')
      expect(html).toContain('<a href="tel:911">Call 911</a>')
      expect(html).toContain('<a href="sms:988">Text 988</a>')
      // A way into the portal, at this session.
      expect(html).toContain(
        `<a class="button quiet" href="http://hearth.test/portal/links?show=session&#38;id=${apt.id}">Open my portal</a>`,
      )
    }
    expect(await status(apt.id)).toBe('confirmed')
    const audit = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(audit.body.reminders.map((r: { kind: string; status: string }) => [r.kind, r.status])).toEqual([
      ['confirmation', 'sent'],
      ['morning_of', 'pending'],
    ])

    const again = await t.call('POST', confirm, { headers: form, body: '' })
    expect(again.status).toBe(410)
    expect(again.text).toContain('This link has already been used, so there&#39;s nothing more to do here.')
    expect(again.text).toContain('Your appointment on Monday 9 March at 3:00 pm EDT is confirmed.')
    expect((await t.call('GET', confirm)).status).toBe(410)
  })

  it('Cancel inside the window: shows the same quote as the widget and needs the fee acknowledged', async () => {
    // Booked Monday for Tuesday 5:00 pm: 26 hours away, inside the 48 h window, $75 fee.
    const { apt, cancel } = await reminderLinks('2026-03-03T22:00:00Z')
    const page = await t.call('GET', cancel)
    expect(page.text).toContain(
      'This session is less than 48 hours away, so cancelling now carries the practice&#39;s $75.00 late-cancellation fee.',
    )
    expect(page.text).toContain('name="acknowledge_late"')
    // Keeping it is a button into the portal at that session, not "close this page".
    expect(page.text).toContain(
      `<a class="button quiet" href="http://hearth.test/portal/links?show=session&#38;id=${apt.id}">Keep my appointment</a>`,
    )
    expect(page.text).not.toContain('close this page')

    const refused = await t.call('POST', cancel, { headers: form, body: 'reason=' })
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('Please tick the box to show you&#39;ve seen the fee, then cancel again.')
    expect(await status(apt.id)).toBe('scheduled')

    // The reason is offered, never required: "rather not say" is chosen until the client picks one.
    expect(page.text).toContain(
      '<legend>If you&#39;d like to say why — it helps the practice, and you don&#39;t have to.</legend>',
    )
    expect(page.text).toContain(
      '<input type="radio" name="reason_code" value="" checked> <span>I&#39;d rather not say</span>',
    )
    expect(page.text).toContain(
      '<input type="radio" name="reason_code" value="transportation"> <span>Getting there is hard</span>',
    )

    const done = await t.call('POST', cancel, {
      headers: form,
      body: 'acknowledge_late=yes&reason_code=work&reason=Work+trip',
    })
    expect(done.status).toBe(200)
    expect(done.text).toContain('is cancelled')
    // The page after says the fee applies and opens the portal's waiver request for this session.
    expect(done.text).toContain('the practice&#39;s $75.00 late-cancellation fee applies.')
    expect(done.text).toContain(
      `<a class="button" href="http://hearth.test/portal/links?show=waiver&#38;id=${apt.id}">Ask for the fee to be waived</a>`,
    )
    expect(await status(apt.id)).toBe('late_cancelled')
    const read = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(read.body.cancellation).toEqual({
      by: 'client',
      at: '2026-03-02T15:00:00.000Z',
      reason_code: 'work',
      reason: 'Work trip',
    })
    // The late-cancellation alert carries the reason: its code in context, the client's words sealed.
    const alerts = await t.call('GET', '/v1/alerts?status=open', { key })
    const late = alerts.body.data.find((a: { appointment_id: string }) => a.appointment_id === apt.id)
    expect(late).toMatchObject({
      kind: 'late_cancellation',
      context: { reason_code: 'work' },
      client_note: 'Work trip',
    })
    const second = await t.call('POST', cancel, { headers: form, body: 'acknowledge_late=yes' })
    expect(second.status).toBe(410)
    expect(second.text).toContain('is cancelled.')
  })

  it('Cancel in good time needs no acknowledgement; Reschedule tells the front desk with the note', async () => {
    const first = await reminderLinks('2026-03-12T15:00:00Z')
    expect((await t.call('GET', first.cancel)).text).not.toContain('acknowledge_late')
    // A reason code that is not one of ours counts as no answer; the cancellation goes ahead.
    const cancelled = await t.call('POST', first.cancel, { headers: form, body: 'reason_code=bogus' })
    expect(cancelled.status).toBe(200)
    expect(cancelled.text).not.toContain('late-cancellation fee')
    expect(await status(first.apt.id)).toBe('cancelled')
    expect((await t.call('GET', `/v1/appointments/${first.apt.id}`, { key })).body.cancellation).toMatchObject({
      by: 'client',
      reason_code: null,
      reason: null,
    })

    const second = await reminderLinks('2026-03-13T15:00:00Z')
    // A therapist with no hours set has no free times to offer: asking is the way.
    const page = await t.call('GET', second.reschedule)
    expect(page.text).toContain('There are no free times to choose from right now.')
    expect(page.text).not.toContain('name="starts_at"')
    expect(await status(second.apt.id)).toBe('scheduled')
    const asked = await t.call('POST', second.reschedule, { headers: form, body: 'note=Mornings+suit+me' })
    expect(asked.status).toBe(200)
    expect(asked.text).toContain('The practice will get in touch')
    expect(await status(second.apt.id)).toBe('scheduled')
    const alerts = await t.call('GET', '/v1/alerts?status=open', { key })
    const alert = alerts.body.data.find((a: { appointment_id?: string }) => a.appointment_id === second.apt.id)
    expect(alert).toMatchObject({ kind: 'reschedule_request', client_note: 'Mornings suit me' })
    expect((await t.call('POST', second.reschedule, { headers: form, body: '' })).status).toBe(410)
  })

  it("a cancellation from the email's link is confirmed to the client in writing, with the fee and the waiver", async () => {
    const { apt, client, cancel } = await reminderLinks('2026-03-03T23:00:00Z') // 27 hours away: the $75 fee
    const done = await t.call('POST', cancel, { headers: form, body: 'acknowledge_late=yes' })
    expect(done.status).toBe(200)
    expect(await status(apt.id)).toBe('late_cancelled')
    await dispatch()
    const emails = (await t.call('GET', `/dev/outbox?to=${encodeURIComponent(client.email)}`)).body.data as {
      subject: string
      text: string
    }[]
    const notes = emails.filter((e) => e.subject.endsWith('is cancelled'))
    expect(notes, 'one written confirmation').toHaveLength(1)
    expect(notes[0]!.text).toContain('is cancelled, as you asked.')
    expect(notes[0]!.text).toContain("the practice's $75.00 late-cancellation fee applies")
    expect(notes[0]!.text).toContain('you can ask for it to be waived in your portal')
    expect(notes[0]!.text).toContain(`/portal/links?show=session&id=${apt.id}`)
  })

  it('a forged link, or one from before the session moved, does nothing', async () => {
    const { apt, confirm } = await reminderLinks('2026-03-16T15:00:00Z')
    const token = confirm.split('/').pop()!
    const forged = `/v1/actions/${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`
    expect((await t.call('GET', forged)).status).toBe(404)
    expect((await t.call('POST', forged, { headers: form, body: '' })).status).toBe(404)
    expect((await t.call('GET', '/v1/actions/nonsense')).status).toBe(404)

    await t.call('PATCH', `/v1/appointments/${apt.id}`, {
      key,
      body: { starts_at: '2026-03-17T15:00:00Z', ends_at: '2026-03-17T15:50:00Z' },
    })
    const stale = await t.call('POST', confirm, { headers: form, body: '' })
    expect(stale.status).toBe(404)
    expect(stale.text).toContain('This link doesn&#39;t work any more')
    expect(await status(apt.id)).toBe('scheduled')
  })

  it('every answer, the invalid-link page too, is a strict page that is never stored or framed', async () => {
    const { confirm } = await reminderLinks('2026-03-19T15:00:00Z')
    for (const [method, path] of [
      ['GET', confirm],
      ['GET', '/v1/actions/nonsense'],
      ['POST', '/v1/actions/nonsense'],
    ] as const) {
      const res = await t.call(method, path, { headers: form, body: method === 'POST' ? '' : undefined })
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/)
      expect(res.headers.get('content-security-policy'), path).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
      )
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
  })

  it('allows its stylesheet by the hash of exactly the CSS it inlines', async () => {
    const { confirm } = await reminderLinks('2026-03-20T15:00:00Z')
    const page = await t.call('GET', confirm)
    const css = /<style>(.*?)<\/style>/s.exec(page.text)![1]!
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css))
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)))
    expect(page.headers.get('content-security-policy')).toContain(`style-src 'sha256-${hash}'`)
  })

  it.skipIf(!process.env.DATABASE_URL)('two taps at once confirm once', async () => {
    const { apt, confirm } = await reminderLinks('2026-03-18T15:00:00Z')
    const results = await Promise.all([1, 2, 3].map(() => t.call('POST', confirm, { headers: form, body: '' })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410])
    expect(await status(apt.id)).toBe('confirmed')
  })

  describe('Cancel because getting there is hard, with a therapist who offers video then', () => {
    let videoTherapist: string
    beforeAll(async () => {
      videoTherapist = (await f.therapist()).id
      const hours = { ...WEEKDAY_HOURS, video_url: 'https://video.example/room' }
      const put = await t.call('PUT', `/v1/therapists/${videoTherapist}/availability`, { key, body: hours })
      expect(put.status, put.text).toBe(200)
    })
    const offer = 'Could a video session help? Keep your time and join by video — no fee, nothing else changes.'

    it('offers the same time by video before any fee; switching keeps the time, drops the location and tells the therapist', async () => {
      // Tuesday 1:00 pm New York, inside the therapist's hours: 27 hours away, inside the 48 h window with its $75 fee.
      const { apt, cancel } = await reminderLinks('2026-03-03T18:00:00Z', {}, videoTherapist)
      const asked = await t.call('POST', cancel, {
        headers: form,
        body: 'acknowledge_late=yes&reason_code=transportation&reason=Car+broke',
      })
      expect(asked.status).toBe(200)
      expect(asked.text).toContain(`<h1>${offer.replace(/'/g, '&#39;')}</h1>`)
      expect(asked.text).toContain('<input type="hidden" name="reason_code" value="transportation">')
      expect(asked.text).toContain('<button type="submit" name="next" value="video">Switch to video</button>')
      expect(asked.text).toContain('name="next" value="cancel" class="quiet">No thanks, cancel my appointment</button>')
      expect(await status(apt.id)).toBe('scheduled')

      const switched = await t.call('POST', cancel, { headers: form, body: 'reason_code=transportation&next=video' })
      expect(switched.status).toBe(200)
      expect(switched.text).toContain('is now by video, at the same time.')
      const read = (await t.call('GET', `/v1/appointments/${apt.id}`, { key })).body
      expect(read).toMatchObject({
        status: 'scheduled',
        starts_at: '2026-03-03T18:00:00.000Z',
        telehealth_url: 'https://video.example/room',
      })
      expect(read.location ?? null).toBeNull()
      const [alert] = await t.sql<{ kind: string }[]>`
        select kind from alerts where appointment_id = ${apt.id} and kind = 'switched_to_video'`
      expect(alert?.kind).toBe('switched_to_video')
      // The link has done its one thing.
      expect((await t.call('POST', cancel, { headers: form, body: 'next=cancel' })).status).toBe(410)
    })

    it('asks about video before the fee is ticked; cancelling anyway still needs the tick', async () => {
      // Tuesday 2:00 pm New York: 28 hours away, inside the window with its fee.
      const { apt, cancel } = await reminderLinks('2026-03-03T19:00:00Z', {}, videoTherapist)
      const page = await t.call('GET', cancel)
      expect(page.text).toContain('<input type="checkbox" name="acknowledge_late" value="yes">')
      const asked = await t.call('POST', cancel, { headers: form, body: 'reason_code=weather' })
      expect(asked.status).toBe(200)
      expect(asked.text).toContain(`<h1>${offer.replace(/'/g, '&#39;')}</h1>`)
      const anyway = await t.call('POST', cancel, { headers: form, body: 'reason_code=weather&next=cancel' })
      expect(anyway.status).toBe(409)
      expect(anyway.text).toContain('Please tick the box to show you&#39;ve seen the fee, then cancel again.')
      expect(await status(apt.id)).toBe('scheduled')
    })

    it('the client says no thanks: it cancels as they meant to, with their reason', async () => {
      const { apt, cancel } = await reminderLinks('2026-03-09T18:00:00Z', {}, videoTherapist)
      const done = await t.call('POST', cancel, { headers: form, body: 'reason_code=weather&next=cancel' })
      expect(done.status).toBe(200)
      expect(done.text).toContain('is cancelled')
      expect(await status(apt.id)).toBe('cancelled')
    })

    it('no offer for a reason video does not help with, or a therapist without video', async () => {
      const work = await reminderLinks('2026-03-10T18:00:00Z', {}, videoTherapist)
      const worked = await t.call('POST', work.cancel, { headers: form, body: 'reason_code=work' })
      expect(worked.text).not.toContain('Could a video session help?')
      expect(await status(work.apt.id)).toBe('cancelled')
      const none = await reminderLinks('2026-03-11T18:00:00Z')
      const plain = await t.call('POST', none.cancel, { headers: form, body: 'reason_code=childcare' })
      expect(plain.text).not.toContain('Could a video session help?')
      expect(await status(none.apt.id)).toBe('cancelled')
    })
  })
})

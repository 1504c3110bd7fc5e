import { describe, expect, it } from 'vitest'
import type { AppointmentChange } from '../appointments/changed'
import { inPractice } from '../db/tenant'
import { practiceForFile, fixtures } from '../testing/fixtures'
import { dateOrderIn } from '../../shared/schemas/imports'
import { dateTime } from './cells'
import { readCsv } from './csv'
import { ImportTally } from './report'
import { importSessions } from './sessions-import'

const NOW = '2026-03-02T15:00:00Z'
const { t, adminKey, practiceId, f } = await practiceForFile('imports-a', { now: NOW })
const therapist = await f.therapist({ name: 'Dr. Maya Rivera', email: 'maya@imports.example' })

const post = (kind: string, csv: string, params = '', key: string | null = adminKey) =>
  t.call('POST', `/v1/imports?kind=${kind}${params}`, { key, body: csv, headers: { 'content-type': 'text/csv' } })

const count = async (table: 'clients' | 'appointments') =>
  Number((await t.sql`select count(*)::int as n from ${t.sql(table)} where practice_id = ${practiceId}`)[0]!.n)

describe('reading a spreadsheet', () => {
  it('reads a BOM, semicolons, quoted cells and blank rows, numbering rows as the sheet does', () => {
    const text =
      '\uFEFFExternal ID;Name;Email\r\n\r\nc-1;"Rivera; Ana ""Annie""";ana@example.com\r\n;;\r\nc-2;"Line\nbreak";b@example.com\r\n'
    const table = readCsv(text)
    expect(table.columns).toEqual(['external_id', 'name', 'email'])
    expect(table.rows).toEqual([
      { row: 3, cells: { external_id: 'c-1', name: 'Rivera; Ana "Annie"', email: 'ana@example.com' } },
      { row: 5, cells: { external_id: 'c-2', name: 'Line\nbreak', email: 'b@example.com' } },
    ])
  })

  it('reads commas, and a comma inside quotes is part of the name', () => {
    const table = readCsv('external_id,name,email\nc-1,"Okafor, Sam",sam@example.com\n')
    expect(table.rows[0]!.cells.name).toBe('Okafor, Sam')
  })
})

describe('a date and time as a spreadsheet writes it', () => {
  /** Where each practice is, and the zone its times are read in. */
  const PRACTICES = {
    US: 'America/New_York',
    CA: 'America/Toronto',
    GB: 'Europe/London',
    ES: 'Europe/Madrid',
    DE: 'Europe/Berlin',
  } as const
  const read = (country: keyof typeof PRACTICES, cell: string) => {
    const value = dateTime(cell, PRACTICES[country], dateOrderIn(country))
    return value.ok ? value.value.toISOString() : value.message
  }

  it('reads year first the same everywhere, with seconds or am and pm', () => {
    expect((['US', 'GB', 'ES'] as const).map((c) => read(c, '2026/03/10 2:00 PM'))).toEqual([
      '2026-03-10T18:00:00.000Z',
      '2026-03-10T14:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ])
    expect(read('CA', '2026-03-10 14:00:00')).toBe('2026-03-10T18:00:00.000Z')
  })

  it('reads the year last as the country writes it: month first in the US, day first in Europe', () => {
    // Excel and Google Sheets in the US write 10 March 2026 as 3/10/2026; in the UK, Spain or
    // France it is 10/03/2026, and in Germany 10.03.2026.
    const us = ['3/10/2026 2:00 PM', '3/10/2026 14:00:00', '03/10/2026 2:00 p.m.'].map((cell) => read('US', cell))
    expect(new Set(us)).toEqual(new Set(['2026-03-10T18:00:00.000Z']))
    expect(read('GB', '10/03/2026 14:00')).toBe('2026-03-10T14:00:00.000Z')
    expect(read('ES', '10-03-2026 15:00')).toBe('2026-03-10T14:00:00.000Z')
    expect(read('DE', '10.03.2026 15:00')).toBe('2026-03-10T14:00:00.000Z')
  })

  it('refuses a day the calendar does not have, saying which order it read', () => {
    expect(read('US', '13/10/2026 14:00')).toMatch(/does not exist.*month\/day\/year/)
    expect(read('GB', '10/13/2026 14:00')).toMatch(/does not exist.*day\/month\/year/)
    expect(read('US', '2026-02-30 14:00')).toMatch(/does not exist/)
    expect(read('US', '2026-03-10 25:00')).toMatch(/does not exist/)
  })

  it('does not guess in Canada, where both orders are common, nor across mixed separators', () => {
    expect(read('CA', '3/10/2026 14:00')).toMatch(/year-month-day/)
    expect(read('US', '3/10.2026 14:00')).toMatch(/year-month-day/)
  })

  it('still refuses the hour the spring change skips, with the year last too', () => {
    expect(read('US', '3/8/2026 2:30 AM')).toMatch(/2026-03-08 02:30 does not exist in America\/New_York/)
  })
})

describe('POST /v1/imports?kind=clients', () => {
  const file =
    '\uFEFFexternal_id;name;email;phone;time_zone;locale;consent_email;consent_sms\r\n' +
    'ehr-c1;"Morgan, Alex";Alex@Example.com;+1 555 010 3001;America/Chicago;es;yes;yes\r\n' +
    '\r\n' +
    'ehr-c2;Jordan Lee;jordan@example.com;;;;;\r\n'

  it('a dry run says what would happen and writes nothing', async () => {
    const res = await post('clients', file, '&dry_run=true')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [], dry_run: true })
    expect(await count('clients')).toBe(0)
  })

  it('imports, and the same file again changes nothing', async () => {
    const first = await post('clients', file)
    expect(first.body).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] })
    const list = (await t.call('GET', '/v1/clients', { key: adminKey })).body.data.sort(
      (a: { external_id: string }, b: { external_id: string }) => a.external_id.localeCompare(b.external_id),
    )
    expect(list).toEqual([
      expect.objectContaining({
        external_id: 'ehr-c1',
        name: 'Morgan, Alex',
        email: 'alex@example.com',
        phone: '+15550103001',
        time_zone: 'America/Chicago',
        locale: 'es',
        consents: { email: true, sms: true, whatsapp: false, push: false },
      }),
      // Blank cells take the practice's zone and the defaults.
      expect.objectContaining({
        external_id: 'ehr-c2',
        time_zone: 'America/New_York',
        locale: 'en',
        consents: { email: true, sms: false, whatsapp: false, push: false },
      }),
    ])
    const again = await post('clients', file)
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] })
    const audits =
      await t.sql`select action, detail from audit_log where practice_id = ${practiceId} and action in ('client.created', 'client.updated')`
    expect(audits.map((a) => a.action)).toEqual(['client.created', 'client.created'])
  })

  it('changes what the file changes, found by external_id, and adopts a client first known by email', async () => {
    await f.client({ name: 'Riley Quinn', email: 'riley@example.com' })
    const res = await post(
      'clients',
      'external_id,name,email,consent_email\nehr-c1,Alex Morgan,alex@example.com,no\nehr-c3,Riley Quinn,riley@example.com,\n',
    )
    expect(res.body).toMatchObject({ rows: 2, created: 0, updated: 2, unchanged: 0, errors: [] })
    const alex = (await t.call('GET', '/v1/clients?email=alex@example.com', { key: adminKey })).body.data[0]
    expect(alex).toMatchObject({ name: 'Alex Morgan', consents: { email: false, sms: true } })
    const riley = (await t.call('GET', '/v1/clients?email=riley@example.com', { key: adminKey })).body.data[0]
    expect(riley.external_id).toBe('ehr-c3')
  })

  it('lists every row with a problem, with its field and a plain reason, and writes nothing', async () => {
    const before = await count('clients')
    const res = await post(
      'clients',
      [
        'external_id,name,email,consent_sms,time_zone',
        'ehr-c9,Good Row,good@example.com,yes,',
        'ehr-c10,,not-an-email,maybe,Mars/Olympus',
        'ehr-c9,Twice,twice@example.com,,',
        'ehr-c11,Same Email,alex@example.com,,',
        ',No Id,noid@example.com,,',
      ].join('\n'),
    )
    expect(res.status).toBe(200)
    expect(res.body.created).toBe(1)
    const fields = res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)
    expect(fields).toEqual([
      '3:name',
      '3:email',
      '3:time_zone',
      '3:consent_sms',
      '4:external_id',
      '5:email',
      '6:external_id',
    ])
    for (const error of res.body.errors) expect(error.message).toMatch(/^[A-Z].+\.$/)
    expect(res.body.errors.find((e: { row: number }) => e.row === 4).message).toContain('Row 2')
    expect(await count('clients')).toBe(before)
  })

  it('refuses a file without its required columns, another type of body, and over-large files', async () => {
    const missing = await post('clients', 'name,email\nA,a@example.com\n')
    expect(missing.status).toBe(400)
    expect(missing.body.error.details.fields).toEqual({ external_id: 'This column is missing.' })
    const json = await t.call('POST', '/v1/imports?kind=clients', { key: adminKey, body: { rows: [] } })
    expect(json.status).toBe(415)
    const kind = await post('therapists', 'a\n1\n')
    expect(kind.status).toBe(400)
    const big = await post('clients', `external_id,name,email\n${'x'.repeat(2 * 1024 * 1024)}\n`)
    expect(big.status).toBe(413)
  })
})

describe('POST /v1/imports?kind=sessions', () => {
  const header =
    'external_id,client_external_id,client_email,therapist_email,starts_at,ends_at,type,location,telehealth_url'
  const row = (id: string, start: string, end: string, extra = 'Individual session,12 Harbor Street,') =>
    `${id},ehr-c2,,maya@imports.example,${start},${end},${extra}`

  it('imports local times in the practice zone, plans reminders, and a second import changes nothing', async () => {
    const file = [
      header,
      row('s-1', '2026-03-10 14:00', '2026-03-10 14:50'),
      row('s-2', '2026/03/12 2:00 PM', '2026/03/12 2:50 PM'),
      // A US spreadsheet's own way: month first, as Excel and Google Sheets write it.
      row('s-3', '3/14/2026 9:00 AM', '3/14/2026 9:50 AM'),
    ].join('\n')
    const res = await post('sessions', file)
    expect(res.body).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] })
    const sessions = (await t.call('GET', '/v1/appointments', { key: adminKey })).body.data
    expect(sessions.map((s: { external_id: string; starts_at: string }) => [s.external_id, s.starts_at])).toEqual([
      ['s-1', '2026-03-10T18:00:00.000Z'], // 14:00 EDT (after the 8 March change)
      ['s-2', '2026-03-12T18:00:00.000Z'],
      ['s-3', '2026-03-14T13:00:00.000Z'],
    ])
    const [planned] = await t.sql`
      select count(*)::int as n from outbox o join appointments a on a.id = o.appointment_id
      where a.external_id = 's-1' and o.status = 'pending'`
    expect(planned!.n).toBeGreaterThan(0)
    const again = await post('sessions', file)
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] })
  })

  it('a changed time is a move: same session, new version, reminders re-planned', async () => {
    const [before] = await t.sql`select id, version from appointments where external_id = 's-1'`
    const res = await post('sessions', [header, row('s-1', '2026-03-10 16:00', '2026-03-10 16:50')].join('\n'))
    expect(res.body).toMatchObject({ updated: 1, errors: [] })
    const [after] = await t.sql`select id, version, starts_at from appointments where external_id = 's-1'`
    expect(after!.id).toBe(before!.id)
    expect(after!.version).toBe(before!.version + 1)
    const pending = await t.sql`
      select idempotency_key from outbox where appointment_id = ${before!.id} and topic = 'reminder' and status = 'pending'`
    for (const p of pending) expect(p.idempotency_key).toContain(`/${after!.version}`)
  })

  it('refuses a local time the spring change skips, a double booking and unknown people; nothing is written', async () => {
    const before = await count('appointments')
    const res = await post(
      'sessions',
      [
        header,
        row('s-gap', '2026-03-08 02:30', '2026-03-08 03:30'),
        row('s-clash', '2026-03-12 14:20', '2026-03-12 15:00'),
        'd-1,ehr-nobody,,maya@imports.example,2026-03-20 10:00,2026-03-20 10:50,,,',
        'd-2,,alex@example.com,nobody@example.com,2026-03-20 10:00,2026-03-20 10:50,,,http://insecure.example',
        'd-3,ehr-c1,,maya@imports.example,10 March 2026 10:00,2026-03-20 09:00,,,',
        'd-3,ehr-c1,,maya@imports.example,2026-03-21 10:00,2026-03-21 09:00,,,',
        'd-5,ehr-c1,,maya@imports.example,2026-03-22 10:00,2026-03-22 10:50,,,',
      ].join('\n'),
    )
    const byRow = Object.fromEntries(
      res.body.errors.map((e: { row: number; field: string; message: string }) => [`${e.row}:${e.field}`, e.message]),
    )
    expect(byRow['2:starts_at']).toMatch(/2026-03-08 02:30 does not exist in America\/New_York/)
    expect(byRow['3:starts_at']).toBe('Dr. Maya Rivera already has a session at this time.')
    expect(byRow['4:client_external_id']).toMatch(/Import your clients first/)
    expect(byRow['5:therapist_email']).toBeDefined()
    expect(byRow['5:telehealth_url']).toMatch(/https/)
    expect(byRow['6:starts_at']).toMatch(/year-month-day/)
    expect(byRow['7:external_id']).toMatch(/Row 6/)
    expect(byRow['7:ends_at']).toMatch(/end after it starts/)
    expect(res.body.created).toBe(1) // d-5 would have been fine, but the file is all or nothing
    expect(await count('appointments')).toBe(before)
  })

  it('tells the listeners whether the client may hear of it (notify_client=false on a first import)', async () => {
    const heard: AppointmentChange[] = []
    const deps = {
      ...t.deps,
      appointmentListeners: [
        ...t.deps.appointmentListeners,
        async (_tx: unknown, _d: unknown, c: AppointmentChange) => void heard.push(c),
      ],
    }
    const table = readCsv([header, row('s-quiet', '2026-03-25 09:00', '2026-03-25 09:50')].join('\n'))
    const tally = new ImportTally(1, false)
    await inPractice(t.sql, practiceId, (tx) =>
      importSessions(tx, deps, { id: practiceId, time_zone: 'America/New_York', country: 'US' }, table.rows, tally, {
        actor: { kind: 'system' },
        notifyClient: false,
      }),
    )
    expect(tally.report.created).toBe(1)
    expect(heard).toHaveLength(1)
    expect(heard[0]!.notifyClient).toBe(false)
  })
})

describe('who may import', () => {
  it('needs an admin key of the practice; another practice never reaches these clients', async () => {
    const csv = 'external_id,name,email\nx-1,X,x@example.com\n'
    expect((await post('clients', csv, '', null)).status).toBe(401)
    const therapistKey = await f.therapistKey(therapist.id)
    expect((await post('clients', csv, '', therapistKey)).status).toBe(403)
    const other = await t.createPractice('imports-b')
    const fo = fixtures(t, other.adminKey)
    await fo.therapist({ email: 'maya@imports.example' })
    const res = await post(
      'sessions',
      'external_id,client_email,therapist_email,starts_at,ends_at\nb-1,alex@example.com,maya@imports.example,2026-03-20 10:00,2026-03-20 10:50\n',
      '',
      other.adminKey,
    )
    expect(res.body.errors).toEqual([
      { row: 2, field: 'client_email', message: 'No client with this id or email yet. Import your clients first.' },
    ])
  })
})

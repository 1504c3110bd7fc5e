import { fireEvent, screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { CLIENT_COLUMNS, SESSION_COLUMNS } from '../../shared/schemas/imports'
import { fakeStaffApi, PRACTICE, renderScreen } from '../testing'
import { Import } from './Import'

/** Each column the hints list: its name, whether it is needed, and what to write in it. */
async function columns(title: string) {
  const section = await screen.findByRole('region', { name: title })
  const items = within(section).getAllByRole('listitem')
  return {
    section,
    rows: items.map((item) => ({
      column: item.querySelector('code')?.textContent,
      need: item.querySelector('.chip')?.textContent,
      what: item.querySelector('.import-column-what')?.textContent,
    })),
  }
}

describe('Import: what the file may hold', () => {
  it('lists every column the importer reads for clients, the required ones marked, and describes the file input with it', async () => {
    renderScreen(Import, { api: fakeStaffApi().api })
    const { rows } = await columns('Columns for a file of clients')
    expect(rows.map((r) => r.column)).toEqual([...CLIENT_COLUMNS])
    const need = Object.fromEntries(rows.map((r) => [r.column, r.need]))
    expect(need).toMatchObject({ external_id: 'Required', name: 'Required', email: 'Required', phone: 'Optional' })
    expect(rows.find((r) => r.column === 'time_zone')?.what).toBe(
      'A zone such as America/New_York. Blank: the practice’s (America/New_York).',
    )
    expect(rows.find((r) => r.column === 'consent_sms')?.what).toMatch(/^yes or no/)
    const file = screen.getByLabelText('CSV file')
    const described = document.getElementById(file.getAttribute('aria-describedby')!)
    expect(described?.textContent).toMatch(/The first row names the columns, in any order/)
  })

  it('for sessions: the client by either column, and dates as the practice’s country writes them', async () => {
    renderScreen(Import, { api: fakeStaffApi().api })
    fireEvent.click(screen.getByLabelText('Sessions'))
    const { section, rows } = await columns('Columns for a file of sessions')
    expect(rows.map((r) => r.column)).toEqual([...SESSION_COLUMNS])
    const need = Object.fromEntries(rows.map((r) => [r.column, r.need]))
    expect(need).toMatchObject({
      external_id: 'Required',
      client_external_id: 'This or client_email',
      client_email: 'This or client_external_id',
      therapist_email: 'Required',
      starts_at: 'Required',
      ends_at: 'Required',
      type: 'Optional',
      time_zone: 'Optional',
    })
    expect(within(section).getByText(/2026-03-10 14:00 or 2026\/03\/10 2:00 PM/).textContent).toMatch(
      /or the practice’s \(America\/New_York\)/,
    )
    expect(await within(section).findByText(/3\/10\/2026 2:00 PM is 10 March/)).toBeTruthy()
  })

  it.each([
    ['FR', /10\/03\/2026 14:00 or 10\.03\.2026 14:00 is 10 March/],
    ['CA', /Put the year first: a date such as 3\/10\/2026 could be either/],
  ])('in %s, a date with the year last is explained as the importer reads it there', async (country, text) => {
    renderScreen(Import, { api: fakeStaffApi({ practice: async () => ({ ...PRACTICE, country }) }).api })
    fireEvent.click(screen.getByLabelText('Sessions'))
    const { section } = await columns('Columns for a file of sessions')
    expect(await within(section).findByText(text)).toBeTruthy()
  })
})

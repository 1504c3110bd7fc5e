import Papa from 'papaparse'

/** One data row of a spreadsheet: its row number as the spreadsheet shows it, and its cells by column. */
export type CsvRow = { row: number; cells: Record<string, string> }

export type CsvTable = { columns: string[]; rows: CsvRow[] }

/**
 * Reads a CSV file the way spreadsheets write it, with Papa Parse: a UTF-8 byte order mark,
 * quoted cells (commas, quotes and line breaks inside), commas or semicolons (European
 * spreadsheets) or tabs, Windows or Unix line ends. Column names are read loosely
 * (`External ID` is `external_id`); blank rows are skipped but still counted, so row numbers
 * match what the person sees (the header is row 1).
 */
export function readCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  })
  const [header = [], ...records] = parsed.data
  const columns = header.map(columnName)
  const rows: CsvRow[] = []
  records.forEach((record, index) => {
    if (record.every((cell) => !cell.trim())) return
    const cells: Record<string, string> = {}
    columns.forEach((column, i) => {
      if (column) cells[column] = (record[i] ?? '').trim()
    })
    rows.push({ row: index + 2, cells })
  })
  return { columns, rows }
}

function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

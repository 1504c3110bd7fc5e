import { bodyLimit } from 'hono/body-limit'
import {
  CLIENT_COLUMNS,
  CLIENT_REFERENCE_COLUMNS,
  ImportQuery,
  ImportReport,
  REQUIRED_CLIENT_COLUMNS,
  REQUIRED_SESSION_COLUMNS,
  SESSION_COLUMNS,
} from '../../shared/schemas/imports'
import { permit, practiceRouter } from '../auth/practice-auth'
import type { Actor } from '../audit/queries'
import { lockFor, inPractice } from '../db/tenant'
import type { Deps } from '../deps'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { findPractice } from '../practice/queries'
import { importClients } from './clients-import'
import { readCsv } from './csv'
import { isStorableText } from '../../shared/schemas/common'
import { ImportTally } from './report'
import { importSessions } from './sessions-import'

/** A month of sessions for a large practice fits with room to spare. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
const MAX_ROWS = 10_000

/** Thrown to roll a dry run (or a file with errors) back after every row has been tried. */
class RollBack extends Error {}

const DESCRIPTION = `Body: the CSV file (\`text/csv\`) with a header row. Commas, semicolons or tabs; quotes as spreadsheets write them; a byte order mark and blank rows are fine. Column names are read loosely (\`External ID\` is \`external_id\`).

**kind=clients**: \`${CLIENT_COLUMNS.join(', ')}\` (${REQUIRED_CLIENT_COLUMNS.join(', ')} required). A client is found by \`external_id\`, or the first time by \`email\`; blank cells leave what Hearth holds. New clients take the practice's time zone and \`en\` unless the row says otherwise; consents are yes or no.

**kind=sessions**: \`${SESSION_COLUMNS.join(', ')}\` (${REQUIRED_SESSION_COLUMNS.join(', ')} required, and \`client_external_id\` or \`client_email\`). Times without an offset (\`2026-03-10 14:00\`, \`2026/03/10 2:00 PM\`, or with the year last as the practice's country writes it: \`3/10/2026 2:00 PM\` in the US, \`10/03/2026 14:00\` or \`10.03.2026 14:00\` where the day comes first; in Canada, where both are common, only year first) are wall-clock times in the row's \`time_zone\`, or the practice's; a time the clocks skip at the spring change is an error. A changed time is a move, with its reminders re-planned; \`notify_client=false\` keeps clients from being told (a first import). \`type\` defaults to "Session".

Importing the same file twice changes nothing. Every row is checked; when any has an error, or \`dry_run=true\`, nothing is written and the answer says what would have happened.`

export function importRoutes(deps: Deps) {
  const app = practiceRouter(deps)

  app.post(
    '/',
    describe({
      summary: 'Import clients or sessions from a spreadsheet (CSV)',
      tags: ['imports'],
      auth: 'admin',
      description: DESCRIPTION,
      requestBody: { contentType: 'text/csv', description: 'The CSV file, with a header row' },
      responses: {
        200: { description: 'Imported (or, with dry_run or any row error, what would happen)', schema: ImportReport },
      },
    }),
    permit('imports'),
    bodyLimit({
      maxSize: IMPORT_MAX_BYTES,
      onError: () => {
        throw new ApiError('payload_too_large', 'This file is larger than 2 MB. Split it into smaller files.')
      },
    }),
    input('query', ImportQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const query = c.req.valid('query')
      const type = c.req.header('content-type') ?? ''
      if (!/^(text\/(csv|plain)|application\/(csv|vnd\.ms-excel))\b/i.test(type)) {
        throw new ApiError('unsupported_media_type', 'Send the file as text/csv.')
      }
      const text = await c.req.text()
      if (!isStorableText(text)) {
        throw new ApiError(
          'invalid_request',
          'The file holds hidden control characters (a NUL byte or a broken character).',
          {
            fields: { body: 'Save the spreadsheet again as CSV (UTF-8) and send it again.' },
          },
        )
      }
      const table = readCsv(text)
      const required = query.kind === 'clients' ? REQUIRED_CLIENT_COLUMNS : REQUIRED_SESSION_COLUMNS
      const missing = required.filter((column) => !table.columns.includes(column))
      if (query.kind === 'sessions' && !CLIENT_REFERENCE_COLUMNS.some((c) => table.columns.includes(c)))
        missing.push('client_external_id')
      if (missing.length) {
        throw new ApiError('invalid_request', `The first row needs these columns: ${missing.join(', ')}.`, {
          fields: Object.fromEntries(missing.map((column) => [column, 'This column is missing.'])),
        })
      }
      if (table.rows.length > MAX_ROWS) {
        throw new ApiError('invalid_request', `A file can hold up to ${MAX_ROWS} rows. Split it into smaller files.`)
      }

      const dryRun = query.dry_run === 'true'
      const tally = new ImportTally(table.rows.length, dryRun)
      const actor: Actor = c.var.principal.actor
      try {
        await inPractice(deps.sql, practiceId, async (tx) => {
          // One import at a time per practice, so two uploads of one file cannot both add its rows.
          await lockFor(tx, `import:${practiceId}`)
          const practice = await findPractice(tx, practiceId)
          if (!practice) throw notFound('The practice')
          if (query.kind === 'clients') await importClients(tx, deps, practice, table.rows, tally, actor)
          else
            await importSessions(tx, deps, practice, table.rows, tally, {
              actor,
              notifyClient: query.notify_client === 'true',
            })
          if (dryRun || tally.failed) throw new RollBack()
        })
      } catch (error) {
        if (!(error instanceof RollBack)) throw error
      }
      return c.json(tally.report)
    },
  )
  return app
}

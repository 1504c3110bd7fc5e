import { createHash, randomUUID } from 'node:crypto'
import { json, listen } from './http'

/**
 * A fake Resend on loopback for the real Resend SDK (`resendMailer(key, { baseUrl })`). Like the
 * real one it keeps each Idempotency-Key for 24 hours: the same key with the same body answers the
 * first email's id and sends nothing more; the same key with another body is a 409.
 */

export type FakeEmail = {
  id: string
  from: string
  to: string
  subject: string
  text?: string
  html?: string
  idempotencyKey?: string
}

const DAY = 24 * 60 * 60_000

export async function startFakeResend(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now
  /** Every POST /emails as received, retries included. */
  const requests: { idempotencyKey: string | undefined; to: string }[] = []
  /** The emails really "sent": one per idempotency key. */
  const emails: FakeEmail[] = []
  const keys = new Map<string, { hash: string; id: string; at: number }>()
  const rejected = new Map<string, number>()
  let failures = 0
  let hangAfter = Number.POSITIVE_INFINITY
  const hanging = new Set<() => void>()

  const server = await listen((request, body, response) => {
    if (request.method !== 'POST' || request.url !== '/emails')
      return json(response, 404, { statusCode: 404, name: 'not_found', message: 'Not found' })
    if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
      return json(response, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
    }
    const email = JSON.parse(body) as Omit<FakeEmail, 'id'>
    const key = request.headers['idempotency-key'] as string | undefined
    requests.push({ idempotencyKey: key, to: email.to })
    if (failures > 0) {
      failures -= 1
      return json(response, 500, { statusCode: 500, name: 'application_error', message: 'Temporary failure' })
    }
    const status = rejected.get(email.to)
    if (status)
      return json(response, status, { statusCode: status, name: 'validation_error', message: 'Invalid `to` field.' })
    const hash = createHash('sha256').update(body).digest('hex')
    const known = key ? keys.get(key) : undefined
    if (known && now() - known.at < DAY) {
      if (known.hash !== hash) {
        return json(response, 409, {
          statusCode: 409,
          name: 'invalid_idempotent_request',
          message: 'Same key, different body.',
        })
      }
      return json(response, 200, { id: known.id })
    }
    const id = randomUUID()
    if (key) keys.set(key, { hash, id, at: now() })
    emails.push({ ...email, id, ...(key ? { idempotencyKey: key } : {}) })
    if (emails.length > hangAfter) {
      // Accepted and kept, but the answer never comes: the sender cannot record it.
      hanging.add(() => response.destroy())
      return
    }
    return json(response, 200, { id })
  })

  return {
    url: server.url,
    requests,
    emails,
    /** The next `n` requests fail with a 500. */
    failNext(n: number) {
      failures = n
    },
    /** Mail to this address is refused (422 by default), as Resend refuses an invalid address. */
    reject(address: string, status = 422) {
      rejected.set(address, status)
    },
    /** After `n` accepted emails, accept more but never answer. */
    hangAfter(n: number) {
      hangAfter = n
    },
    resume() {
      hangAfter = Number.POSITIVE_INFINITY
      for (const drop of hanging) drop()
      hanging.clear()
    },
    close: () => {
      for (const drop of hanging) drop()
      return server.close()
    },
  }
}
export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>

import { createHash, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { json, listen } from './http'

/**
 * A fake Resend on loopback for the real Resend SDK (`resendMailer(key, { baseUrl })`). Like the
 * real one it keeps each Idempotency-Key for 24 hours: the same key with the same body answers the
 * first email's id and sends nothing more; the same key with another body is a 409
 * `invalid_idempotent_request`. POST /emails/batch takes up to 100 emails under one key, validated
 * strictly (one refused address refuses the batch, nothing sent), and answers their ids in order.
 */

export type FakeEmail = {
  id: string
  from: string
  to: string
  subject: string
  text?: string
  html?: string
  /** A batch email's is its X-Entity-Ref-ID header: the key of the one outbox row it is for. */
  idempotencyKey?: string
  headers?: Record<string, string>
}

const DAY = 24 * 60 * 60_000

export async function startFakeResend(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now
  /** Every email as received, alone or in a batch, retries included. */
  const requests: { idempotencyKey: string | undefined; to: string }[] = []
  /** Every POST /emails/batch as received: its key and how many emails. */
  const batches: { idempotencyKey: string | undefined; size: number }[] = []
  /** The emails really "sent": one per idempotency key. */
  const emails: FakeEmail[] = []
  const keys = new Map<string, { hash: string; id: string; at: number }>()
  const rejected = new Map<string, number>()
  let failures = 0
  let failuresAfterTaking = 0
  let hangAfter = Number.POSITIVE_INFINITY
  const hanging = new Set<() => void>()

  const remembered = (key: string | undefined, body: string) => {
    const known = key ? keys.get(key) : undefined
    if (!known || now() - known.at >= DAY) return null
    return known.hash === createHash('sha256').update(body).digest('hex') ? known : 'conflict'
  }
  const remember = (key: string | undefined, body: string, id: string) => {
    if (key) keys.set(key, { hash: createHash('sha256').update(body).digest('hex'), id, at: now() })
  }
  const conflict = {
    statusCode: 409,
    name: 'invalid_idempotent_request',
    message: 'Same idempotency key used with a different request payload.',
  }
  /** Accepted: answered at once, or after `hangAfter` emails kept but never answered. */
  const answer = (response: ServerResponse, body: unknown) => {
    if (emails.length > hangAfter) {
      hanging.add(() => response.destroy())
      return
    }
    if (failuresAfterTaking > 0) {
      failuresAfterTaking -= 1
      return json(response, 500, { statusCode: 500, name: 'application_error', message: 'Temporary failure' })
    }
    return json(response, 200, body)
  }

  const server = await listen((request, body, response) => {
    const batch = request.url === '/emails/batch'
    if (request.method !== 'POST' || (request.url !== '/emails' && !batch))
      return json(response, 404, { statusCode: 404, name: 'not_found', message: 'Not found' })
    if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
      return json(response, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
    }
    const key = request.headers['idempotency-key'] as string | undefined
    const received = (batch ? JSON.parse(body) : [JSON.parse(body)]) as Omit<FakeEmail, 'id'>[]
    const identity = (email: Omit<FakeEmail, 'id'>) => (batch ? email.headers?.['X-Entity-Ref-ID'] : key)
    for (const email of received) requests.push({ idempotencyKey: identity(email), to: email.to })
    if (batch) batches.push({ idempotencyKey: key, size: received.length })
    if (failures > 0) {
      failures -= 1
      return json(response, 500, { statusCode: 500, name: 'application_error', message: 'Temporary failure' })
    }
    const status = received.map((e) => rejected.get(e.to)).find(Boolean)
    if (status)
      return json(response, status, { statusCode: status, name: 'validation_error', message: 'Invalid `to` field.' })
    if (batch && (received.length < 1 || received.length > 100))
      return json(response, 422, { statusCode: 422, name: 'validation_error', message: 'From 1 to 100 emails.' })
    const known = remembered(key, body)
    if (known === 'conflict') return json(response, 409, conflict)
    if (known) return json(response, 200, batch ? { data: JSON.parse(known.id) } : { id: known.id })
    const ids = received.map((email) => {
      const id = randomUUID()
      const ref = identity(email)
      emails.push({ ...email, id, ...(ref ? { idempotencyKey: ref } : {}) })
      return id
    })
    if (!batch) {
      remember(key, body, ids[0]!)
      return answer(response, { id: ids[0] })
    }
    const data = ids.map((id) => ({ id }))
    remember(key, body, JSON.stringify(data))
    return answer(response, { data })
  })

  return {
    url: server.url,
    requests,
    batches,
    emails,
    /** The next `n` requests fail with a 500. */
    failNext(n: number) {
      failures = n
    },
    /** The next `n` accepted requests are taken (their emails sent) but answered with a 500. */
    failNextAfterTaking(n: number) {
      failuresAfterTaking = n
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

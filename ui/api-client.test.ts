import { describe, expect, it } from 'vitest'
import { ApiError, refusal, send } from './api-client'

describe('send', () => {
  it('sends JSON without cookies, with the credentials it is given', async () => {
    let seen: [string, RequestInit] | undefined
    const record = async (url: string, init: RequestInit) => {
      seen = [url, init]
      return new Response('{}')
    }
    await send(record, '/v1/x', 'POST', { body: { a: 1 }, authorization: 'Bearer k' })
    expect(seen).toEqual([
      '/v1/x',
      {
        method: 'POST',
        headers: { accept: 'application/json', authorization: 'Bearer k', 'content-type': 'application/json' },
        body: '{"a":1}',
        credentials: 'omit',
      },
    ])
  })

  it('sends a CSV file as it is, and asks for CSV back when told', async () => {
    const seen: [string, RequestInit][] = []
    const record = async (url: string, init: RequestInit) => {
      seen.push([url, init])
      return new Response('')
    }
    await send(record, '/v1/imports', 'POST', { csv: 'name\nAda', credentials: 'same-origin' })
    await send(record, '/v1/audit-log', 'GET', { accept: 'text/csv', credentials: 'same-origin' })
    expect(seen).toEqual([
      [
        '/v1/imports',
        {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'text/csv' },
          body: 'name\nAda',
          credentials: 'same-origin',
        },
      ],
      ['/v1/audit-log', { method: 'GET', headers: { accept: 'text/csv' }, credentials: 'same-origin' }],
    ])
  })

  it('says `network` when the API cannot be reached', async () => {
    const failed = send(() => Promise.reject(new TypeError('Failed to fetch')), '/v1/x', 'GET')
    await expect(failed).rejects.toMatchObject({ status: 0, code: 'network' })
    await expect(failed).rejects.toBeInstanceOf(ApiError)
  })
})

describe('refusal', () => {
  it("reads the API's one error shape", async () => {
    const body = { error: { code: 'validation_failed', message: 'Check the fee.', details: { fields: { fee: 'x' } } } }
    const error = await refusal(new Response(JSON.stringify(body), { status: 400 }))
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Check the fee.' })
    expect(error.details).toEqual({ fields: { fee: 'x' } })
  })

  it('keeps the status when the body is not the error shape', async () => {
    const error = await refusal(new Response('<html>', { status: 502, statusText: 'Bad Gateway' }))
    expect(error).toMatchObject({ status: 502, code: 'unknown', message: 'Bad Gateway' })
  })
})

import { Hono } from 'hono'
import { describe as group, expect, it } from 'vitest'
import { z } from 'zod'
import { describe } from '../http/openapi/describe'
import { contractChecker } from './contract'

const app = new Hono().get(
  '/v1/things/:id',
  describe({
    summary: 'A thing',
    auth: 'none',
    responses: { 200: { description: 'ok', schema: z.object({ id: z.string() }) } },
  }),
  (c) => c.json({ id: c.req.param('id') }),
)
const check = contractChecker(app)

group('contract checker', () => {
  it('accepts an answer that matches its documented schema', () => {
    expect(() => check('GET', '/v1/things/1', 200, { id: '1' }, 'application/json')).not.toThrow()
  })
  it('refuses an answer that does not', () => {
    expect(() => check('GET', '/v1/things/1', 200, { id: 1 }, 'application/json')).toThrow(/documented schema/)
  })
  it('refuses an undocumented status', () => {
    expect(() => check('GET', '/v1/things/1', 201, { id: '1' }, 'application/json')).toThrow(/does not list/)
  })
  it('refuses an error outside the one error shape', () => {
    expect(() => check('GET', '/v1/things/1', 400, { message: 'bad' }, 'application/json')).toThrow(/error shape/)
    expect(() =>
      check('GET', '/v1/things/1', 400, { error: { code: 'invalid_request', message: 'Bad.' } }, 'application/json'),
    ).not.toThrow()
  })
})

import { ping } from '../db/connect'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../deps'
import { ApiError } from '../http/errors'
import { describe } from '../http/openapi/describe'

export function healthRoutes(deps: Deps) {
  return new Hono<AppEnv>().get(
    '/healthz',
    describe({
      summary: 'Health: ok once the database answers',
      tags: ['public'],
      auth: 'none',
      responses: { 200: { description: 'Healthy', schema: z.object({ ok: z.literal(true) }) } },
    }),
    async (c) => {
      try {
        await ping(deps.sql)
      } catch {
        throw new ApiError('unavailable', 'The database is not answering yet.')
      }
      return c.json({ ok: true as const })
    },
  )
}

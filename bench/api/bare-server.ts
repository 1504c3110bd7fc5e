import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import postgres from 'postgres'

/**
 * The ceiling: a bare Hono route per read, each doing the one equivalent query over postgres.js
 * with its defaults, with no session check, no tenant scoping and no audit. DATABASE_POOL_MAX sizes
 * its pool as it sizes Hearth's (10 unless set), so both sides hold as many connections.
 */
const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_MAX || 10) })
const app = new Hono()

app.get('/portal/:practice/:client', async (c) => {
  const rows = await sql`
    select id, therapist_id, starts_at, ends_at, status, type, location from appointments
    where practice_id = ${c.req.param('practice')} and client_id = ${c.req.param('client')}
      and ends_at > now() - interval '14 days'
    order by starts_at, id limit 50`
  return c.json({ data: rows })
})

app.get('/day/:practice', async (c) => {
  const rows = await sql`
    select id, therapist_id, client_id, starts_at, ends_at, status, type from appointments
    where practice_id = ${c.req.param('practice')}
      and starts_at >= ${c.req.query('from')!} and starts_at < ${c.req.query('to')!}
    order by starts_at, id limit 100`
  return c.json({ data: rows })
})

app.get('/calls/:practice/:therapist', async (c) => {
  const rows = await sql`
    select a.id, a.starts_at, c.name, c.phone from appointments a join clients c on c.id = a.client_id
    where a.practice_id = ${c.req.param('practice')} and a.therapist_id = ${c.req.param('therapist')}
      and a.status = 'scheduled' and a.starts_at >= ${c.req.query('from')!} and a.starts_at < ${c.req.query('to')!}
    order by a.starts_at`
  return c.json({ data: rows })
})

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'))

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freshDatabase } from '../../api/testing/database'
import { E2E_DIST } from './global-setup'

const ROOT = resolve(import.meta.dirname, '../..')
export const ADMIN_KEY = 'hearth_e2e_admin_key_0123456789abcdef'

async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, host, done))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

export type RunningHearth = {
  base: string
  /** The Calm Waters demo website, on its own origin (DEMO_PORT). */
  demoBase: string
  call: (method: string, path: string, body?: unknown) => Promise<any>
  latestCode: (email: string) => Promise<string>
  stop: () => Promise<void>
}

/**
 * The real Node entry (`api/node.ts`) as a child process on a free port: a fresh database (a new
 * one on DATABASE_URL's server, or an embedded one in a temporary folder), the demo practice
 * seeded, the development outbox on, and the widget built by global-setup.ts.
 */
export async function startHearth(options: { publicHost?: 'localhost' } = {}): Promise<RunningHearth> {
  const port = await freePort()
  // Passkeys need `localhost`: Chromium treats http://127.0.0.1 as a secure context but refuses an
  // IP address as a WebAuthn RP id ("This is an invalid domain"). The server still listens on 127.0.0.1.
  const base = `http://${options.publicHost ?? '127.0.0.1'}:${port}`
  const demoPort = await freePort()
  const demoBase = `http://127.0.0.1:${demoPort}`
  const dataDir = await mkdtemp(join(tmpdir(), 'hearth-e2e-'))
  const database = process.env.DATABASE_URL ? await freshDatabase({ max: 1 }) : null
  // The child needs the database to itself; our migrated connection is only for dropping it later.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DEMO_PORT: String(demoPort),
    DEMO_URL: demoBase,
    DATA_DIR: dataDir,
    DIST_DIR: E2E_DIST,
    BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    RESEND_API_KEY: '',
    // A Vite build in this process (the widget bench) sets NODE_ENV=production; the outbox needs development.
    NODE_ENV: 'development',
  }
  if (database) env.DATABASE_URL = database.url
  else delete env.DATABASE_URL
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/node.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))

  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hearth exited early:\n${log}`)
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error(`Hearth did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 200))
  }

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`)
    return text ? JSON.parse(text) : null
  }

  /** The newest sign-in code in the development outbox for `email`. */
  // Ids of the code emails already handed out: a code once returned is never returned again, so a
  // sign-in waits for the code it asked for instead of reading an earlier one for the same email.
  const codeIds = new Set<string>()

  async function latestCode(email: string): Promise<string> {
    for (let tries = 0; tries < 50; tries++) {
      const outbox = await (await fetch(`${base}/dev/outbox?to=${encodeURIComponent(email)}`)).json()
      // Newest first; another email (a cancellation's confirmation) can arrive after the code.
      const messages: { id: string; subject: string; text?: string }[] = outbox.data ?? []
      // Only codes sent after the last one handed out count.
      const lastSeen = messages.findIndex((m) => codeIds.has(m.id))
      const fresh = lastSeen === -1 ? messages : messages.slice(0, lastSeen)
      const signIn = fresh.find((m) => /code|código/i.test(m.subject) && /\b\d{6}\b/.test(m.text ?? ''))
      const code = /\b(\d{6})\b/.exec(signIn?.text ?? '')?.[1]
      if (signIn && code) {
        codeIds.add(signIn.id)
        return code
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`No new sign-in code for ${email} in the outbox`)
  }

  return {
    base,
    demoBase,
    call,
    latestCode,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      await database?.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export type HostPage = { path: string; html: string; headers?: Record<string, string> }

/** A stand-in for a practice's own website on another origin, serving the given pages. */
export async function startHostSite(
  pages: HostPage[],
  host = '127.0.0.1',
): Promise<{ origin: string; stop: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages.find((p) => p.path === req.url)
    if (!page) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html)
  })
  await new Promise<void>((done) => server.listen(0, host, done))
  const { port } = server.address() as AddressInfo
  return { origin: `http://${host}:${port}`, stop: () => new Promise((done) => server.close(() => done())) }
}

type NewSession = {
  external_id: string
  therapist_id: string
  client_id: string
  starts: Date | string
  type?: string
  location?: string
  telehealth_url?: string
}

/**
 * Books a 50-minute session starting at `starts` through the practice API, an individual session
 * unless `type` says otherwise; what the server answers.
 */
export function bookSession(hearth: RunningHearth, { starts, ...session }: NewSession): Promise<any> {
  const start = new Date(starts)
  return hearth.call('POST', '/v1/appointments', {
    type: 'Individual session',
    ...session,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 50 * 60_000).toISOString(),
  })
}

/** A client's portal token for the demo practice, through the real emailed-code sign-in. */
export async function portalToken(hearth: RunningHearth, email: string): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${hearth.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  await post('/v1/portal/auth/start', { practice: 'demo', email })
  const code = await hearth.latestCode(email)
  return (await (await post('/v1/portal/auth/verify', { practice: 'demo', email, code })).json()).access_token
}

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { listenPorts, nodeIsDevelopment, poolSize, startupRefusal, workerIsDevelopment } from './environment'

describe('the kind of deployment', () => {
  it('is development on Node unless NODE_ENV is production', () => {
    expect(nodeIsDevelopment({})).toBe(true)
    expect(nodeIsDevelopment({ NODE_ENV: 'test' })).toBe(true)
    expect(nodeIsDevelopment({ NODE_ENV: 'production' })).toBe(false)
  })

  it('is production on Workers unless explicitly development', () => {
    expect(workerIsDevelopment({})).toBe(false)
    expect(workerIsDevelopment({ HEARTH_ENV: 'production' })).toBe(false)
    expect(workerIsDevelopment({ HEARTH_ENV: 'development' })).toBe(true)
  })

  it('refuses a production start without an email provider, naming RESEND_API_KEY', () => {
    expect(startupRefusal({ NODE_ENV: 'production' })).toMatch(/RESEND_API_KEY/)
    expect(startupRefusal({ NODE_ENV: 'production', RESEND_API_KEY: 're_x' })).toBeNull()
    expect(startupRefusal({})).toBeNull()
  })

  it('refuses a TRUST_PROXY it cannot read, saying what it takes', () => {
    expect(startupRefusal({ TRUST_PROXY: 'true' })).toMatch(
      /TRUST_PROXY is "true".*number of reverse proxies.*cloudflare/,
    )
    expect(startupRefusal({ TRUST_PROXY: '1' })).toBeNull()
    expect(startupRefusal({ TRUST_PROXY: 'cloudflare' })).toBeNull()
  })

  it.each([
    [{}, { port: 8787, demoPort: 8788 }],
    [
      { PORT: '', DEMO_PORT: ' ' },
      { port: 8787, demoPort: 8788 },
    ],
    [{ PORT: '9000' }, { port: 9000, demoPort: 9001 }],
    [
      { PORT: '9000', DEMO_PORT: '3000' },
      { port: 9000, demoPort: 3000 },
    ],
    [{ DEMO_PORT: 'off' }, { port: 8787, demoPort: null }],
  ])('listens where %o says: %o', (env, ports) => {
    expect(listenPorts(env)).toEqual(ports)
    expect(startupRefusal(env)).toBeNull()
  })

  it('refuses a PORT or DEMO_PORT that is not a port, naming which', () => {
    for (const bad of ['0', 'eighty', '80.5', '-1', '70000'])
      expect(startupRefusal({ PORT: bad }), bad).toMatch(/PORT is ".*"\. Give a port from 1 to 65535/)
    expect(startupRefusal({ DEMO_PORT: 'on' })).toMatch(/^Hearth will not start: DEMO_PORT is "on"/)
  })

  it('refuses a DATABASE_POOL_MAX that is not a sensible number of connections', () => {
    for (const bad of ['ten', '0', '2.5', '-3', '1000'])
      expect(startupRefusal({ DATABASE_POOL_MAX: bad }), bad).toMatch(/DATABASE_POOL_MAX is ".*".*1 to 100/)
    expect(startupRefusal({ DATABASE_POOL_MAX: '30' })).toBeNull()
    expect(poolSize({ DATABASE_POOL_MAX: '30' })).toBe(30)
    expect(poolSize({})).toBe(10)
  })

  it('npm start in production without RESEND_API_KEY exits before touching a database', async () => {
    const env = { ...process.env, NODE_ENV: 'production', RESEND_API_KEY: '', DATA_DIR: '/nonexistent/hearth' }
    const run = promisify(execFile)('npx', ['tsx', 'api/node.ts'], { env, timeout: 30_000 })
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toMatch(/RESEND_API_KEY/)
  }, 40_000)
})

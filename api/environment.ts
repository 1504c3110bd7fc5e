/**
 * Which kind of deployment a process is, from its environment. Development conveniences (the
 * /dev outbox, webhooks to this machine) exist only in development: a server someone deploys
 * must never expose sign-in codes because a variable was left unset.
 */

import { parseTrustProxy, TRUST_PROXY_HELP } from './http/client-address'

type Env = Record<string, string | undefined>

/** Node: development unless NODE_ENV says production. */
export function nodeIsDevelopment(env: Env): boolean {
  return env.NODE_ENV !== 'production'
}

/** Workers: production unless HEARTH_ENV says development, since a deploy is the usual way there. */
export function workerIsDevelopment(env: Env): boolean {
  return env.HEARTH_ENV === 'development'
}

/** Why a Node process must not start (a sentence for its operator), or null when it may. */
export function startupRefusal(env: Env): string | null {
  if (!nodeIsDevelopment(env) && !env.RESEND_API_KEY) {
    return (
      'Hearth will not start in production without an email provider: set RESEND_API_KEY. ' +
      '(The development outbox shows sign-in codes to anyone, so it runs only outside NODE_ENV=production.)'
    )
  }
  if (!parseTrustProxy(env.TRUST_PROXY))
    return `Hearth will not start: TRUST_PROXY is "${env.TRUST_PROXY}". ${TRUST_PROXY_HELP}`
  if (poolSize(env) === null)
    return `Hearth will not start: DATABASE_POOL_MAX is "${env.DATABASE_POOL_MAX}". Give a whole number of connections from 1 to 100, or leave it unset for 10.`
  const ports = listenPorts(env)
  if (typeof ports === 'string') return ports
  return null
}

/**
 * The port Hearth listens on (PORT, 8787 unset or empty) and the demo website's (DEMO_PORT, the
 * next one unset or empty, none when `off`), or why they cannot be used.
 */
export function listenPorts(env: Env): { port: number; demoPort: number | null } | string {
  const read = (name: 'PORT' | 'DEMO_PORT', fallback: number): number | string => {
    const given = env[name]
    if (given === undefined || given.trim() === '') return fallback
    const port = Number(given)
    return Number.isInteger(port) && port >= 1 && port <= 65535
      ? port
      : `Hearth will not start: ${name} is "${given}". Give a port from 1 to 65535, or leave it unset.`
  }
  const port = read('PORT', 8787)
  if (typeof port === 'string') return port
  if (env.DEMO_PORT === 'off') return { port, demoPort: null }
  const demoPort = read('DEMO_PORT', port + 1)
  if (typeof demoPort === 'string') return demoPort
  return { port, demoPort }
}

/** How many connections to Postgres the server keeps (DATABASE_POOL_MAX), or null when that is not a sensible number. */
export function poolSize(env: Env): number | null {
  if (env.DATABASE_POOL_MAX === undefined || env.DATABASE_POOL_MAX === '') return 10
  const size = Number(env.DATABASE_POOL_MAX)
  return Number.isInteger(size) && size >= 1 && size <= 100 ? size : null
}

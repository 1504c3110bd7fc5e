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
  return null
}

/** How many connections to Postgres the server keeps (DATABASE_POOL_MAX), or null when that is not a sensible number. */
export function poolSize(env: Env): number | null {
  if (env.DATABASE_POOL_MAX === undefined || env.DATABASE_POOL_MAX === '') return 10
  const size = Number(env.DATABASE_POOL_MAX)
  return Number.isInteger(size) && size >= 1 && size <= 100 ? size : null
}

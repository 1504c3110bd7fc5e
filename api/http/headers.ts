import { Hono, type MiddlewareHandler } from 'hono'
import { every } from 'hono/combine'
import { secureHeaders } from 'hono/secure-headers'

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>

/**
 * Response headers, through `hono/secure-headers`, in one place: what every page carries, what
 * every file carries, what JSON answers carry, and HSTS on everything once Hearth is on https.
 *
 * Each of secureHeaders' defaults is switched off and the ones Hearth sends are named, because
 * several would break Hearth as shipped: `X-Frame-Options: SAMEORIGIN` stops practice websites
 * framing the portal (its CSP `frame-ancestors` is what decides), `Cross-Origin-Resource-Policy:
 * same-origin` stops their pages loading widget.js and the portal's assets, and
 * `Cross-Origin-Opener-Policy` needs deciding for the whole deployment, not per answer.
 * `Strict-Transport-Security` is `transportSecurity`'s, from PUBLIC_URL. Turning one on is a line here.
 *
 * `overwrite: false` everywhere: a header set closer to the answer (a route's own policy, nested
 * inside the general one) wins over the general one.
 */
const NONE_BY_DEFAULT = {
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xContentTypeOptions: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  overwrite: false,
} satisfies SecureHeadersOptions

type ContentSecurityPolicy = NonNullable<SecureHeadersOptions['contentSecurityPolicy']>

/** An HTML page: its own Content-Security-Policy, never sniffed, never sending a referrer. */
export function pageHeaders(
  contentSecurityPolicy: ContentSecurityPolicy,
  more: Pick<SecureHeadersOptions, 'permissionsPolicy'> = {},
): MiddlewareHandler {
  return secureHeaders({
    ...NONE_BY_DEFAULT,
    xContentTypeOptions: true,
    referrerPolicy: true,
    contentSecurityPolicy,
    ...more,
  })
}

/** A file Hearth serves as-is (widget.js, the portal's assets, the service worker): never sniffed. */
export const fileHeaders: MiddlewareHandler = secureHeaders({ ...NONE_BY_DEFAULT, xContentTypeOptions: true })

/** A year of HSTS on every answer when Hearth's public origin is https; nothing on plain http (development). */
export function transportSecurity(publicUrl: string): MiddlewareHandler {
  const https = publicUrl.startsWith('https://')
  return secureHeaders({
    ...NONE_BY_DEFAULT,
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
  })
}

/** JSON carries a client's or a practice's data: no cache keeps it, unless the route chose a rule itself. */
const jsonNotStored: MiddlewareHandler = async (c, next) => {
  await next()
  const json = /\bjson\b/i.test(c.res.headers.get('content-type') ?? '')
  if (json && !c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store')
}

/** Every /v1 answer: never sniffed, and JSON never stored. */
export const apiHeaders: MiddlewareHandler = every(
  secureHeaders({ ...NONE_BY_DEFAULT, xContentTypeOptions: true }),
  jsonNotStored,
)

/** The staff console's policy (it shows clients' details): its own files only, never framed. */
export const staffPageHeaders = pageHeaders({
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
})

/** The headers a middleware puts on an answer, e.g. to write them into a static host's `_headers`. */
export async function headersSetBy(middleware: MiddlewareHandler): Promise<Headers> {
  const app = new Hono().use(middleware).get('*', (c) => c.body(null))
  return (await app.request('/')).headers
}

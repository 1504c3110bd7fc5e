import { json, listen } from './http'

type Resource = { resourceType: string; id: string; meta: { lastUpdated: string } } & Record<string, unknown>

/**
 * A FHIR R4 server on loopback, answering searches the way real ones do: `GET /{type}?_count=&
 * _lastUpdated=ge...` returns a `searchset` Bundle, paged with a `next` link (its own opaque
 * page token, like HAPI's `_getpages`). Resources are put in with `put`; `requests` records what
 * was asked, `failNext` makes the next search answer an error status.
 */
export async function fakeFhirServer(options: { token?: string; pageSize?: number } = {}) {
  const resources = new Map<string, Resource>()
  const requests: { path: string; authorization: string | undefined }[] = []
  let failNext: number | null = null
  const pageSize = options.pageSize ?? 2

  const server = await listen((request, _body, response) => {
    const url = new URL(request.url ?? '/', 'http://fhir.test')
    requests.push({ path: url.pathname + url.search, authorization: request.headers.authorization })
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      return json(response, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] })
    }
    if (failNext !== null) {
      const status = failNext
      failNext = null
      return json(response, status, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'exception' }],
      })
    }
    const type = url.pathname.split('/').filter(Boolean).at(-1)!
    const since = url.searchParams.get('_lastUpdated')?.replace(/^ge/, '')
    const offset = Number(url.searchParams.get('_page_offset') ?? 0)
    const matching = [...resources.values()]
      .filter((r) => r.resourceType === type)
      .filter((r) => !since || Date.parse(r.meta.lastUpdated) >= Date.parse(since))
      .sort((a, b) => a.meta.lastUpdated.localeCompare(b.meta.lastUpdated) || a.id.localeCompare(b.id))
    const pageOf = matching.slice(offset, offset + pageSize)
    const link = [{ relation: 'self', url: url.toString() }]
    if (offset + pageSize < matching.length) {
      const next = new URL(`${server.url}${url.pathname}`)
      for (const [k, v] of url.searchParams) if (k !== '_page_offset') next.searchParams.set(k, v)
      next.searchParams.set('_page_offset', String(offset + pageSize))
      link.push({ relation: 'next', url: next.toString() })
    }
    json(response, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matching.length,
      link,
      entry: pageOf.map((resource) => ({ fullUrl: `${server.url}/${type}/${resource.id}`, resource })),
    })
  })

  return {
    url: server.url,
    requests,
    put(resource: Resource) {
      resources.set(`${resource.resourceType}/${resource.id}`, resource)
    },
    failNextWith(status: number) {
      failNext = status
    },
    close: server.close,
  }
}

/**
 * Reading a FHIR R4 server: a search answers a `Bundle` of type `searchset` whose `link` with
 * relation `next` is the following page. Only links on the server's own origin are followed
 * (the token goes nowhere else), and a sync reads at most MAX_PAGES pages per resource type.
 */

export type FhirResource = { resourceType: string; id?: string; meta?: { lastUpdated?: string } } & Record<
  string,
  unknown
>

type Bundle = {
  resourceType: 'Bundle'
  link?: { relation?: string; url?: string }[]
  entry?: { resource?: FhirResource }[]
}

export const MAX_PAGES = 200
const PAGE_SIZE = 100
const TIMEOUT_MS = 20_000

/** A failure worth showing to staff as it is: the server's answer, in plain words. */
export class FhirReadError extends Error {}

export async function searchAll(
  connection: { base_url: string; token: string | null },
  resourceType: 'Practitioner' | 'Patient' | 'Appointment',
  since: Date | null,
  fetchImpl: typeof fetch = fetch,
): Promise<FhirResource[]> {
  const base = new URL(`${connection.base_url}/`)
  const first = new URL(resourceType, base)
  first.searchParams.set('_count', String(PAGE_SIZE))
  if (since) first.searchParams.set('_lastUpdated', `ge${since.toISOString()}`)
  const found: FhirResource[] = []
  let next: URL | null = first
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES)
      throw new FhirReadError(`More than ${MAX_PAGES} pages of ${resourceType}; the rest waits for the next sync.`)
    const bundle = await readBundle(next, connection.token, fetchImpl)
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.resourceType === resourceType) found.push(entry.resource)
    }
    const link = bundle.link?.find((l) => l.relation === 'next')?.url
    next = link ? new URL(link, base) : null
    if (next && next.origin !== base.origin)
      throw new FhirReadError('The server sent a next page on another address; Hearth did not follow it.')
  }
  return found
}

async function readBundle(url: URL, token: string | null, fetchImpl: typeof fetch): Promise<Bundle> {
  let response: Response
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch {
    throw new FhirReadError('The FHIR server could not be reached.')
  }
  if (response.status === 401 || response.status === 403) {
    throw new FhirReadError('The FHIR server refused the token. Check it in the FHIR settings.')
  }
  if (!response.ok) throw new FhirReadError(`The FHIR server answered ${response.status}.`)
  const body = (await response.json().catch(() => null)) as Bundle | null
  if (body?.resourceType !== 'Bundle') throw new FhirReadError('The FHIR server did not answer with a Bundle.')
  return body
}

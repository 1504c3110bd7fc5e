/**
 * How both apps talk to Hearth's API: JSON in and out (a CSV file where the console asks), a cookie
 * only when asked (the console's staff session), and every refusal as one
 * `ApiError` read from the API's one error shape (`{"error": {"code", "message", "details"}}`).
 * Each app's own client (widget/app/api.ts, staff/api.ts) adds its paths and its credentials.
 */

/** A refusal from the API, or `network` (status 0) when it could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { fields?: Record<string, string> } & Record<string, unknown>,
  ) {
    super(message)
  }
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>

/**
 * Sends one request; a fetch that fails outright (offline, blocked) throws `ApiError` `network`.
 * A `csv` file goes as it is instead of a JSON `body`; `accept` asks for something other than JSON
 * back (the console's audit log as CSV).
 */
export async function send(
  doFetch: Fetch,
  url: string,
  method: string,
  options: {
    body?: unknown
    csv?: string
    accept?: string
    authorization?: string | undefined
    credentials?: RequestCredentials
  } = {},
): Promise<Response> {
  const { body, csv, accept = 'application/json', authorization, credentials = 'omit' } = options
  const headers: Record<string, string> = { accept }
  if (authorization) headers.authorization = authorization
  if (body !== undefined) headers['content-type'] = 'application/json'
  else if (csv !== undefined) headers['content-type'] = 'text/csv'
  const sent = body !== undefined ? JSON.stringify(body) : csv
  try {
    return await doFetch(url, {
      method,
      headers,
      ...(sent !== undefined && { body: sent }),
      credentials,
    })
  } catch {
    throw new ApiError(0, 'network', 'Hearth could not be reached.')
  }
}

/** The API's answer to a request it refused, as an `ApiError` (a body that is not the error shape still says its status). */
export async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: ApiError['details'] }
  } | null
  const error = body?.error
  return new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? response.statusText, error?.details)
}

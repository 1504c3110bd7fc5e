import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

/** Every error code the API can answer with, and its status. One place, one envelope. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_code: 400,
  passkey_rejected: 400,
  unauthorized: 401,
  forbidden: 403,
  contact_policy: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  double_booking: 409,
  invalid_state: 409,
  late_cancellation_unacknowledged: 409,
  contact_practice: 409,
  offer_taken: 409,
  slot_taken: 409,
  already_used: 410,
  offer_expired: 410,
  link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof ERROR_STATUS

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } }

export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.status = ERROR_STATUS[code]
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } }
  }
}

export const notFound = (what = 'That') => new ApiError('not_found', `${what} was not found.`)
export const forbidden = (message = 'This key is not allowed to do that.') => new ApiError('forbidden', message)

/** A 400 naming one field of the request and what is wrong with it, in the envelope zod failures use. */
export const fieldError = (field: string, message: string) =>
  new ApiError('invalid_request', 'Some fields need attention.', { fields: { [field]: message } })

/** A zod failure as a 400 with one message per field, keyed by dotted path. */
export function invalidRequest(error: { issues: readonly z.core.$ZodIssue[] }, where = 'body'): ApiError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : where
    fields[path] ??= issue.message
  }
  return new ApiError('invalid_request', 'Some fields need attention.', { fields })
}

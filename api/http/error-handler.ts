import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError } from './errors'

/** What a 400 says when the database refused a value that validation let through: a gap in a schema, which the contract fuzz looks for. */
export const DATABASE_REFUSED_VALUE = 'A value is not valid.'

type PgError = Error & { code: string; constraint_name?: string }

function isPostgresError(error: unknown): error is PgError {
  return error instanceof Error && error.name === 'PostgresError' && typeof (error as PgError).code === 'string'
}

/** Maps what the database refuses to the one error shape, so no refusal becomes a 500. */
function fromPostgres(error: PgError): ApiError | null {
  switch (error.code) {
    case '23P01':
      return new ApiError('double_booking', 'The therapist already has a session at that time.')
    case '23505':
      return new ApiError('conflict', 'Something with these details already exists.', {
        ...(error.constraint_name ? { constraint: error.constraint_name } : {}),
      })
    case '23503':
      return new ApiError('invalid_request', 'A referenced record does not exist in this practice.')
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22021':
    case '22P05':
      return new ApiError('invalid_request', DATABASE_REFUSED_VALUE)
    case '40001':
    case '40P01':
      return new ApiError('conflict', 'Another change happened at the same moment. Please try again.')
    default:
      return null
  }
}

function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 413) return new ApiError('payload_too_large', 'The request body is too large.')
  if (error.status === 401) return new ApiError('unauthorized', 'Sign in again to continue.')
  if (error.status === 400 && /json/i.test(error.message))
    return new ApiError('invalid_request', 'The body is not valid JSON.')
  if (error.status === 400 && /content-type/i.test(error.message))
    return new ApiError('unsupported_media_type', 'Send the body as application/json.')
  return new ApiError(
    error.status >= 500 ? 'internal' : 'invalid_request',
    error.message || 'The request is not valid.',
  )
}

export const handleError: ErrorHandler = (error, c) => {
  let known: ApiError | null = null
  if (error instanceof ApiError) known = error
  else if (error instanceof HTTPException) known = fromHttpException(error)
  else if (isPostgresError(error)) known = fromPostgres(error)
  if (!known) {
    // Never echo internals to callers; the log line holds no request body.
    console.error('unexpected error', c.req.method, new URL(c.req.url).pathname, error)
    known = new ApiError('internal', 'Something went wrong on our side. Please try again in a moment.')
  }
  return c.json(known.toBody(), known.status)
}

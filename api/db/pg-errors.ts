type PgError = { name?: string; code?: string }

function pgCode(error: unknown): string | undefined {
  const e = error as PgError | null
  return e && e.name === 'PostgresError' ? e.code : undefined
}

/** Another record already has this unique value (an email, an external id). */
export const isUniqueViolation = (error: unknown) => pgCode(error) === '23505'

/** The therapist already has a session overlapping this one (the no-double-booking constraint). */
export const isDoubleBooking = (error: unknown) => pgCode(error) === '23P01'

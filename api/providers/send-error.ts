/**
 * Why a provider did not take a message. `permanent`: retrying the same message cannot help (a bad
 * address, a refused request). `gone`: the destination no longer exists (a push subscription the
 * push service answered 404 or 410 for), so it should be forgotten.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly gone = false,
  ) {
    super(message)
  }
}

/** 4xx means the request itself is wrong, except timeouts and rate limits, which pass. */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429
}

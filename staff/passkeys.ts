import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser'
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser'
import type { Passkey } from '../shared/schemas/passkeys'
import type { StaffSignInState } from '../shared/schemas/staff'
import { type Fetch, refusal, send } from '../ui/api-client'

export type { Passkey }

/**
 * The console's passkeys: the browser's WebAuthn ceremony (@simplewebauthn/browser) between the
 * API's options and its check. The staff session is a cookie on Hearth's own origin, so these
 * requests send it (`same-origin`), unlike the practice API's bearer calls.
 */

/** The browser's side, replaceable in tests (a software authenticator, or a scripted one). */
export type Ceremonies = {
  supported(): boolean
  get(options: PublicKeyCredentialRequestOptionsJSON): Promise<unknown>
  create(options: PublicKeyCredentialCreationOptionsJSON): Promise<unknown>
}

export const browserCeremonies: Ceremonies = {
  supported: browserSupportsWebAuthn,
  get: (optionsJSON) => startAuthentication({ optionsJSON }),
  create: (optionsJSON) => startRegistration({ optionsJSON }),
}

/**
 * Why a ceremony ended without reaching the API: the person closed the prompt or it timed out
 * (`cancelled`), the authenticator already holds a passkey for this account (`already_added`),
 * or the browser or device could not do it (`failed`).
 */
export class PasskeyCeremonyError extends Error {
  constructor(readonly reason: 'cancelled' | 'already_added' | 'failed') {
    super(`The passkey prompt ended: ${reason}`)
  }
}

function ceremonyError(error: unknown): PasskeyCeremonyError {
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
    return new PasskeyCeremonyError('already_added')
  }
  const name = error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'AbortError') return new PasskeyCeremonyError('cancelled')
  if (name === 'InvalidStateError') return new PasskeyCeremonyError('already_added')
  return new PasskeyCeremonyError('failed')
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw ceremonyError(error)
  }
}

export interface PasskeyClient {
  supported(): boolean
  /** From nothing, or as the second factor when this browser's session is at that step. */
  signIn(): Promise<StaffSignInState>
  list(): Promise<Passkey[]>
  add(name: string): Promise<Passkey>
  remove(id: string): Promise<void>
}

export function passkeyClient(options: { base?: string; fetch?: Fetch; ceremonies?: Ceremonies } = {}): PasskeyClient {
  const base = options.base ?? ''
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init))
  const withCookie: Fetch = (url, init) => doFetch(url, { ...init, credentials: 'same-origin' })
  const browser = options.ceremonies ?? browserCeremonies

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(withCookie, `${base}${path}`, method, body === undefined ? {} : { body })
    if (!response.ok) throw await refusal(response)
    return (response.status === 204 ? undefined : await response.json()) as T
  }

  return {
    supported: () => browser.supported(),
    async signIn() {
      const request = await call<PublicKeyCredentialRequestOptionsJSON>('POST', '/v1/staff/auth/passkey/options')
      const response = await ceremony(() => browser.get(request))
      return call<StaffSignInState>('POST', '/v1/staff/auth/passkey', { response })
    },
    async list() {
      return (await call<{ data: Passkey[] }>('GET', '/v1/staff/me/passkeys')).data
    },
    async add(name) {
      const creation = await call<PublicKeyCredentialCreationOptionsJSON>('POST', '/v1/staff/me/passkeys/options')
      const response = await ceremony(() => browser.create(creation))
      const trimmed = name.trim()
      return call<Passkey>('POST', '/v1/staff/me/passkeys', { response, ...(trimmed && { name: trimmed }) })
    },
    remove: (id) => call<void>('DELETE', `/v1/staff/me/passkeys/${encodeURIComponent(id)}`),
  }
}

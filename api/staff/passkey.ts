import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { decodeClientDataJSON } from '@simplewebauthn/server/helpers'
import type { Deps } from '../deps'
import { fromBase64url } from '../crypto/web-crypto'
import type { Tx } from '../db/connect'
import {
  type ChallengePurpose,
  findPasskeyByCredential,
  insertChallenge,
  insertPasskey,
  listPasskeys,
  type PasskeyRow,
  spendChallenge,
  usePasskey,
} from './passkey-queries'

/**
 * WebAuthn ceremonies with @simplewebauthn/server (Web Crypto only, so Workers run them too).
 * Hearth is the relying party: its origin is PUBLIC_URL's, its id that URL's host name. Every
 * challenge is stored, works once and dies after five minutes; a failure still spends it.
 */

export const CHALLENGE_TTL_MS = 5 * 60_000
/** ES256 and RS256: what every platform authenticator offers and Web Crypto verifies everywhere. */
const ALGORITHMS = [-7, -257]

type Session = { id: string; practiceId: string }

export function relyingParty(deps: Pick<Deps, 'publicUrl'>) {
  const url = new URL(deps.publicUrl)
  return { origin: url.origin, rpID: url.hostname }
}

async function storeChallenge(
  tx: Tx,
  deps: Deps,
  challenge: string,
  purpose: ChallengePurpose,
  session: Session | null,
) {
  const now = deps.clock()
  await insertChallenge(tx, {
    challenge,
    purpose,
    session,
    now,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  })
}

/**
 * Options to sign in with. From nothing (`person` null): any passkey of Hearth's, which must
 * verify its user. As the second factor: only the person's own.
 */
export async function signInOptions(tx: Tx, deps: Deps, second: { session: Session; userId: string } | null) {
  const { rpID } = relyingParty(deps)
  const own = second ? await listPasskeys(tx, second.session.practiceId, second.userId) : []
  const options = await generateAuthenticationOptions({
    rpID,
    timeout: CHALLENGE_TTL_MS,
    userVerification: second ? 'preferred' : 'required',
    ...(second && { allowCredentials: own.map(descriptor) }),
  })
  await storeChallenge(tx, deps, options.challenge, second ? 'second_factor' : 'sign_in', second?.session ?? null)
  return options
}

export async function registrationOptions(
  tx: Tx,
  deps: Deps,
  values: { session: Session; user: { id: string; name: string; email: string }; practiceName: string },
) {
  const { rpID } = relyingParty(deps)
  const own = await listPasskeys(tx, values.session.practiceId, values.user.id)
  const options = await generateRegistrationOptions({
    rpName: 'Hearth',
    rpID,
    userID: new TextEncoder().encode(values.user.id),
    userName: values.user.email,
    // Someone on staff at two practices can tell their passkeys apart.
    userDisplayName: `${values.user.name} (${values.practiceName})`,
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: own.map(descriptor),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
  })
  await storeChallenge(tx, deps, options.challenge, 'register', values.session)
  return options
}

const descriptor = (row: PasskeyRow) => ({ id: row.credential_id, transports: row.transports as never[] })

/** The challenge a response answers, or null when its client data cannot be read. */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const challenge = decodeClientDataJSON(clientDataJSON).challenge
    return typeof challenge === 'string' && challenge.length > 0 ? challenge : null
  } catch {
    return null
  }
}

export type AssertionOutcome =
  | { ok: true; passkey: PasskeyRow }
  | { ok: false; reason: 'challenge' | 'unknown_credential' | 'rejected'; passkey?: PasskeyRow; detail?: string }

/**
 * Checks a `startAuthentication()` response: its challenge (spent here), its credential (the
 * person's own as the second factor), its signature, origin, RP id, user verification and counter.
 * A right one moves the counter on; a counter that did not move on is a cloned key, refused.
 */
export async function checkAssertion(
  tx: Tx,
  deps: Deps,
  response: AuthenticationResponseJSON,
  expect: { purpose: 'sign_in' | 'second_factor'; sessionId: string | null; userId: string | null },
): Promise<AssertionOutcome> {
  const now = deps.clock()
  const challenge = challengeOf(response.response.clientDataJSON)
  if (!challenge) return { ok: false, reason: 'challenge' }
  if (!(await spendChallenge(tx, { challenge, purpose: expect.purpose, sessionId: expect.sessionId, now }))) {
    return { ok: false, reason: 'challenge' }
  }
  const passkey = await findPasskeyByCredential(tx, response.id)
  if (!passkey || (expect.userId !== null && passkey.user_id !== expect.userId)) {
    return { ok: false, reason: 'unknown_credential' }
  }
  const handle = response.response.userHandle
  if (handle && !sameUser(handle, passkey.user_id)) return { ok: false, reason: 'unknown_credential' }
  const { origin, rpID } = relyingParty(deps)
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      expectedType: 'webauthn.get',
      credential: {
        id: passkey.credential_id,
        publicKey: passkey.public_key as Uint8Array<ArrayBuffer>,
        counter: Number(passkey.counter),
        transports: passkey.transports as never[],
      },
      requireUserVerification: expect.purpose === 'sign_in',
    })
    if (!verified) return { ok: false, reason: 'rejected', passkey }
    await usePasskey(tx, passkey.id, authenticationInfo.newCounter, now)
    return { ok: true, passkey }
  } catch (error) {
    return { ok: false, reason: 'rejected', passkey, detail: reasonOf(error) }
  }
}

function sameUser(handle: string, userId: string): boolean {
  try {
    return new TextDecoder().decode(fromBase64url(handle)) === userId
  } catch {
    return false
  }
}

/** A short word for the audit log, never sent to the person. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  if (/counter/i.test(message)) return 'counter'
  if (/origin/i.test(message)) return 'origin'
  if (/rp ?id/i.test(message)) return 'rp_id'
  if (/user verification|user could not be verified/i.test(message)) return 'user_verification'
  return 'signature'
}

export type RegistrationOutcome =
  | { ok: true; passkey: PasskeyRow }
  | { ok: false; reason: 'challenge' | 'rejected' | 'already_registered'; detail?: string }

/** Checks a `startRegistration()` response and keeps the new passkey's public key and counter. */
export async function registerPasskey(
  tx: Tx,
  deps: Deps,
  response: RegistrationResponseJSON,
  values: { session: Session; userId: string; name: string },
): Promise<RegistrationOutcome> {
  const now = deps.clock()
  const challenge = challengeOf(response.response.clientDataJSON)
  if (!challenge) return { ok: false, reason: 'challenge' }
  const spent = await spendChallenge(tx, { challenge, purpose: 'register', sessionId: values.session.id, now })
  if (!spent) return { ok: false, reason: 'challenge' }
  const { origin, rpID } = relyingParty(deps)
  let credential: { id: string; publicKey: Uint8Array; counter: number; transports?: string[] | undefined }
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      expectedType: 'webauthn.create',
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    })
    if (!verified || !registrationInfo) return { ok: false, reason: 'rejected' }
    credential = registrationInfo.credential
  } catch (error) {
    return { ok: false, reason: 'rejected', detail: reasonOf(error) }
  }
  const passkey = await insertPasskey(tx, {
    practiceId: values.session.practiceId,
    userId: values.userId,
    credentialId: credential.id,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: (credential.transports ?? response.response.transports ?? []).slice(0, 10),
    name: values.name,
    now,
  })
  return passkey ? { ok: true, passkey } : { ok: false, reason: 'already_registered' }
}

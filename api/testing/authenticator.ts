import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'

/**
 * A passkey authenticator in software, for API tests: a P-256 key per credential, attestation
 * "none", discoverable (it keeps the user handle). What a phone or a security key would answer
 * to `navigator.credentials.create` and `.get`, so tests register and sign in through the real
 * routes and @simplewebauthn/server checks it all for real.
 */

type Credential = { id: Uint8Array; keys: CryptoKeyPair; userHandle: string; counter: number }

/** Where the browser says it is: change `origin` to play a phishing site. */
type Ceremony = { origin?: string; userVerified?: boolean }

const FLAG_USER_PRESENT = 0x01
const FLAG_USER_VERIFIED = 0x04
const FLAG_ATTESTED_CREDENTIAL = 0x40

const bytes = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource))
const uint32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])
const b64 = (data: Uint8Array) => isoBase64URL.fromBuffer(data as Uint8Array<ArrayBuffer>)

/** Web Crypto signs ECDSA as r‖s; WebAuthn wants the ASN.1 DER sequence of two integers. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (part: Uint8Array) => {
    let start = 0
    while (start < part.length - 1 && part[start] === 0) start++
    const trimmed = part.slice(start)
    const body = trimmed[0]! & 0x80 ? bytes(new Uint8Array([0]), trimmed) : trimmed
    return bytes(new Uint8Array([0x02, body.length]), body)
  }
  const sequence = bytes(integer(raw.slice(0, 32)), integer(raw.slice(32)))
  return bytes(new Uint8Array([0x30, sequence.length]), sequence)
}

async function coseKey(publicKey: CryptoKey): Promise<Uint8Array> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey)
  // kty EC2, alg ES256, crv P-256, x, y (RFC 9053)
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, isoBase64URL.toBuffer(jwk.x!)],
      [-3, isoBase64URL.toBuffer(jwk.y!)],
    ]),
  )
}

export function softwareAuthenticator(defaultOrigin: string) {
  const credentials: Credential[] = []

  function clientData(type: string, challenge: string, origin: string) {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
  }

  async function authenticatorData(rpId: string, flags: number, counter: number, attested?: Uint8Array) {
    return bytes(
      await sha256(new TextEncoder().encode(rpId)),
      new Uint8Array([flags]),
      uint32(counter),
      attested ?? new Uint8Array(),
    )
  }

  const flagsFor = (ceremony: Ceremony) =>
    FLAG_USER_PRESENT | (ceremony.userVerified === false ? 0 : FLAG_USER_VERIFIED)

  return {
    credentials,

    /** Answers `startRegistration()`'s options with a new credential. */
    async register(
      options: PublicKeyCredentialCreationOptionsJSON,
      ceremony: Ceremony = {},
    ): Promise<RegistrationResponseJSON> {
      const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
        'sign',
        'verify',
      ])) as CryptoKeyPair
      const id = crypto.getRandomValues(new Uint8Array(32))
      const credential = { id, keys, userHandle: options.user.id, counter: 0 }
      credentials.push(credential)
      const attested = bytes(
        new Uint8Array(16), // AAGUID: all zero, as attestation "none" allows
        new Uint8Array([0, id.length]),
        id,
        await coseKey(keys.publicKey),
      )
      const authData = await authenticatorData(
        options.rp.id!,
        flagsFor(ceremony) | FLAG_ATTESTED_CREDENTIAL,
        credential.counter,
        attested,
      )
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]) as never,
      )
      return {
        id: b64(id),
        rawId: b64(id),
        type: 'public-key',
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge, ceremony.origin ?? defaultOrigin)),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      }
    },

    /**
     * Answers `startAuthentication()`'s options: with the first allowed credential it holds, or
     * (discoverable) the one given, else its first. `counter` replays an old count, as a clone would.
     */
    async assert(
      options: PublicKeyCredentialRequestOptionsJSON,
      ceremony: Ceremony & { credential?: Credential; counter?: number } = {},
    ): Promise<AuthenticationResponseJSON> {
      const allowed = options.allowCredentials?.map((c) => c.id)
      const credential =
        ceremony.credential ?? (allowed?.length ? credentials.find((c) => allowed.includes(b64(c.id))) : credentials[0])
      if (!credential) throw new Error('The software authenticator holds no allowed credential.')
      if (ceremony.counter === undefined) credential.counter += 1
      const authData = await authenticatorData(
        options.rpId!,
        flagsFor(ceremony),
        ceremony.counter ?? credential.counter,
      )
      const data = clientData('webauthn.get', options.challenge, ceremony.origin ?? defaultOrigin)
      const signed = bytes(authData, await sha256(data))
      const raw = new Uint8Array(
        await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          credential.keys.privateKey,
          signed as BufferSource,
        ),
      )
      return {
        id: b64(credential.id),
        rawId: b64(credential.id),
        type: 'public-key',
        response: {
          clientDataJSON: b64(data),
          authenticatorData: b64(authData),
          signature: b64(derSignature(raw)),
          userHandle: credential.userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      }
    },
  }
}

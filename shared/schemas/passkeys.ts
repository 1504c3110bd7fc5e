import { z } from 'zod'
import { Text, listOf } from './common'

/**
 * Passkeys (WebAuthn) for staff: the JSON @simplewebauthn/browser sends and takes. The inner
 * objects stay open (browsers add fields); the request bodies themselves are strict.
 */

const Base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'Expected base64url text.')

const CredentialId = Base64url(1400).min(16)
const Transports = z.array(z.string().max(32)).max(10)
const ExtensionResults = z.record(z.string(), z.unknown())
const Attachment = z.enum(['platform', 'cross-platform'])

/** What `startAuthentication()` returns. */
export const PasskeyAssertion = z.object({
  id: CredentialId,
  rawId: CredentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64url(4096),
    authenticatorData: Base64url(4096),
    signature: Base64url(1024),
    userHandle: Base64url(256).nullish(),
  }),
  clientExtensionResults: ExtensionResults.default({}),
  authenticatorAttachment: Attachment.nullish(),
})

/** What `startRegistration()` returns. */
export const PasskeyAttestation = z.object({
  id: CredentialId,
  rawId: CredentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64url(4096),
    attestationObject: Base64url(16_384),
    authenticatorData: Base64url(16_384).optional(),
    transports: Transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64url(4096).optional(),
  }),
  clientExtensionResults: ExtensionResults.default({}),
  authenticatorAttachment: Attachment.nullish(),
})

export const PasskeySignIn = z.object({ response: PasskeyAssertion }).strict()
export const PasskeyName = Text.trim().min(1, 'Give this passkey a name.').max(60, 'Keep the name to 60 characters.')
export const PasskeyRegister = z.object({ response: PasskeyAttestation, name: PasskeyName.optional() }).strict()

const Descriptor = z.looseObject({ id: z.string(), type: z.literal('public-key'), transports: Transports.optional() })

/** Options for `startAuthentication()`: no `allowCredentials` when signing in from nothing. */
export const PasskeyRequestOptions = z.looseObject({
  challenge: z.string(),
  rpId: z.string().optional(),
  timeout: z.number().optional(),
  userVerification: z.enum(['required', 'preferred', 'discouraged']).optional(),
  allowCredentials: z.array(Descriptor).optional(),
})

/** Options for `startRegistration()`: the person's own passkeys are excluded. */
export const PasskeyCreationOptions = z.looseObject({
  challenge: z.string(),
  rp: z.looseObject({ id: z.string().optional(), name: z.string() }),
  user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ type: z.literal('public-key'), alg: z.number() })),
  excludeCredentials: z.array(Descriptor).optional(),
  timeout: z.number().optional(),
})

export const Passkey = z.object({
  id: z.string(),
  name: z.string(),
  transports: z.array(z.string()),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
})
export type Passkey = z.infer<typeof Passkey>
export const PasskeyList = listOf(Passkey)

import { z } from 'zod'
import { Text } from './common'

/**
 * Silent sign-in: the practice's own backend signs a short-lived JWT for a client it already
 * knows, and the widget exchanges it for a portal session. These are the practice's settings.
 */

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//

export const SilentSignInPatch = z
  .object({
    /** The `iss` the practice's tokens carry, e.g. "https://calmwaters.example". */
    issuer: Text.trim().min(1).max(200),
    /**
     * HS256 shared secret (32+ characters). Write-only: it is never returned. Omit to keep the
     * current one, or send null to remove it.
     */
    secret: Text.min(32, 'Use at least 32 characters.').max(512).nullable().optional(),
    /** Where the practice publishes its public keys (RS256 or ES256), https only. */
    jwks_url: z
      .url()
      .max(500)
      .refine((u) => u.startsWith('https://') || LOOPBACK.test(u), 'Use an https address.')
      .nullable()
      .optional(),
  })
  .strict()
export type SilentSignInPatch = z.infer<typeof SilentSignInPatch>

export const SilentSignInSettings = z.object({
  issuer: z.string(),
  /** The `aud` Hearth requires: `hearth:` followed by the practice's slug. */
  audience: z.string(),
  jwks_url: z.string().optional(),
  has_secret: z.boolean(),
})
export type SilentSignInSettings = z.infer<typeof SilentSignInSettings>

export const silentSignInAudience = (slug: string) => `hearth:${slug}`

import { z } from 'zod'

/** What a person at the practice wants to hear about, and how (GET, PUT /v1/staff/me/notifications). */

export const URGENT_CHANNELS = ['email', 'sms', 'push'] as const
export const UrgentChannel = z.enum(URGENT_CHANNELS)
export type UrgentChannel = z.infer<typeof UrgentChannel>

export const NotificationSettings = z
  .object({
    /** Where an urgent alert reaches them, at any hour. Empty: email only, so urgent words always reach someone. */
    urgent: z
      .array(UrgentChannel)
      .max(3)
      .transform((channels) => [...new Set(channels)]),
    /** A client's new message: at once, in an hourly round-up, or not at all. */
    new_messages: z.enum(['immediately', 'hourly', 'off']),
    /** A morning email of the alerts still open. */
    daily_digest: z.boolean(),
  })
  .strict()
export type NotificationSettings = z.infer<typeof NotificationSettings>

import { z } from 'zod'
import { Text, Url } from './common'
import { Appointment } from './appointment'
import { Client } from './people'
import { Channel } from './policies'

/** The delivery audit practices ask for: every reminder of a session, and why a client gets none. */

export const ReminderDelivery = z.object({
  id: z.string(),
  kind: z.enum(['confirmation', 'morning_of', 'reminder', 'booked']),
  channel: Channel,
  /** When it was planned to go. */
  send_at: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'cancelled', 'skipped']),
  attempts: z.number().int(),
  sent_at: z.string().optional(),
  /** What the provider reported afterwards (email: delivered, bounced, complained). */
  delivery_status: z.enum(['delivered', 'delayed', 'bounced', 'complained', 'failed']).optional(),
  delivery_updated_at: z.string().optional(),
  /** Why it was cancelled, skipped or given up: moved, cancelled, confirmed, opted_out, failing, gave_up, ... */
  reason: z.string().optional(),
  last_error: z.string().optional(),
})
export type ReminderDelivery = z.infer<typeof ReminderDelivery>

export const AppointmentWithReminders = Appointment.extend({ reminders: z.array(ReminderDelivery) })

export const ChannelState = z.object({
  receives: z.boolean(),
  reason: z
    .enum([
      'not_in_schedule',
      'no_consent',
      'opted_out',
      'failing',
      'no_phone',
      'no_sms_gateway',
      'no_device',
      'not_preferred',
      'preferred_elsewhere',
    ])
    .optional(),
  /** e.g. `sms_stop`, `bounced`, `complained`; for `preferred_elsewhere`, the channel in use. */
  detail: z.string().optional(),
  since: z.string().optional(),
})

export const ClientWithChannels = Client.extend({
  reminder_channels: z.object({ email: ChannelState, sms: ChannelState, push: ChannelState }),
})

/** The practice's SMS gateway as the API shows it: the signing secret is write-only. */
export const SmsGatewaySettings = z.object({ url: z.string(), has_signing_secret: z.boolean() })

export const SmsGatewayInput = z
  .object({
    url: Url({ protocol: /^https?$/ }).max(500),
    signing_secret: Text.min(24, 'Use a secret of at least 24 characters.').max(200),
  })
  .strict()

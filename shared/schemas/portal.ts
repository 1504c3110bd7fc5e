import { z } from 'zod'
import { Email, Id, Slug, TimeZone, Text, Url, patchOf } from './common'
import { AppointmentStatus, CancelReasonCode } from './appointment'
import { Consents } from './people'
import {
  Branding,
  CancellationPolicy,
  Channel,
  ClientMessageCategory,
  ContactPolicy,
  CrisisResource,
  Locale,
} from './policies'

/**
 * The client portal's contract: what the widget sends and receives. The API validates with
 * these schemas and the widget imports their types, so the two cannot drift apart.
 */

// ---- Public configuration (no sign-in) ----

export const PortalConfig = z.object({
  practice: z.object({
    name: z.string(),
    slug: z.string(),
    time_zone: z.string(),
    phone: z.string().optional(),
  }),
  branding: Branding,
  locales: z.array(Locale),
  cancellation_policy: CancellationPolicy,
  crisis_resources: z.array(CrisisResource),
  /** Silent sign-in is available when the practice configured a secret or JWKS URL. */
  silent_sign_in: z.boolean(),
})
export type PortalConfig = z.infer<typeof PortalConfig>

export const PortalConfigQuery = z.object({ practice: Slug })

// ---- Sign-in ----

export const AuthStart = z.object({ practice: Slug, email: Email }).strict()
export const AuthVerify = z
  .object({ practice: Slug, email: Email, code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code.') })
  .strict()
export const AuthExchange = z.object({ practice: Slug, token: Text.min(10).max(4096) }).strict()
export const AuthRefresh = z.object({ refresh_token: Text.min(10).max(200) }).strict()
export const AuthLogout = z.object({ refresh_token: Text.min(10).max(200).optional() }).strict()

export const PortalSession = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  /** Seconds until the access token expires. */
  expires_in: z.number().int(),
})
export type PortalSession = z.infer<typeof PortalSession>

// ---- The signed-in client ----

export const PortalTherapist = z.object({
  id: z.string(),
  name: z.string(),
  /** The therapist's between-session contact policy, as the client may see it. */
  contact_policy: ContactPolicy,
})
export type PortalTherapist = z.infer<typeof PortalTherapist>

export const PortalMe = z.object({
  client: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    time_zone: z.string(),
    locale: Locale,
    consents: Consents,
  }),
  practice: z.object({ name: z.string(), slug: z.string(), time_zone: z.string(), phone: z.string().optional() }),
  therapists: z.array(PortalTherapist),
  crisis_resources: z.array(CrisisResource),
  /** The cancellation lists the client is on. */
  waitlist: z.array(
    z.object({
      id: z.string(),
      therapist_id: z.string(),
      preferred_days: z.array(z.string()),
      preferred_times: z.array(z.string()),
    }),
  ),
})
export type PortalMe = z.infer<typeof PortalMe>

export const CancellationQuote = z.object({
  state: z.enum(['free', 'late', 'started']),
  free_until: z.string(),
  is_late: z.boolean(),
  late_action: z.enum(['fee', 'contact_required']),
  fee_cents: z.number().int(),
  currency: z.string(),
  can_cancel: z.boolean(),
  policy_text: z.string(),
})
export type CancellationQuote = z.infer<typeof CancellationQuote>

export const PortalAppointment = z.object({
  id: z.string(),
  therapist: z.object({ id: z.string(), name: z.string() }),
  starts_at: z.string(),
  ends_at: z.string(),
  type: z.string(),
  location: z.string().optional(),
  /** Present only shortly before the start (see `telehealth_opens_at`). */
  telehealth_url: z.string().optional(),
  /** When the telehealth link will appear, for a telehealth session whose link is not shown yet. */
  telehealth_opens_at: z.string().optional(),
  series_id: z.string().optional(),
  status: AppointmentStatus,
  can_confirm: z.boolean(),
  /** The cancellation rule for this session now (upcoming sessions only). */
  cancellation: CancellationQuote.optional(),
  /**
   * The policy behind `cancellation` (sent with it): the therapist's override where set, else the
   * practice's. The widget words the rule from it as time passes, including the fee that applies
   * after the deadline while cancelling is still free.
   */
  cancellation_policy: CancellationPolicy.optional(),
  /** A late cancellation's fee, and where a request to waive it stands (`late_cancelled` with a fee). */
  late_fee: z
    .object({
      /** What the fee is now: 0 once waived. */
      fee_cents: z.number().int(),
      currency: z.string(),
      /** `none` until the client asks; then the practice's answer. */
      waiver: z.enum(['none', 'requested', 'granted', 'declined']),
      /** Asking is possible once, for a fee not yet waived. */
      can_ask_waiver: z.boolean(),
    })
    .optional(),
  /** When the client asked for another time for this session, while the practice has not yet answered. */
  reschedule_requested_at: z.string().optional(),
})
export type PortalAppointment = z.infer<typeof PortalAppointment>

export const PortalAppointmentList = z.object({
  data: z.array(PortalAppointment),
  next_cursor: z.string().nullable(),
})

export const CancelRequest = z
  .object({
    /** Why, if the client chose to say (never required); `other` may come with `reason`. */
    reason_code: CancelReasonCode.optional(),
    reason: Text.trim().max(500).optional(),
    acknowledge_late: z.boolean().optional(),
  })
  .strict()

export const RescheduleRequest = z
  .object({
    /** Optional: explaining or apologising is never required. */
    note: Text.trim().max(1000).optional(),
  })
  .strict()

// ---- Messages ----

export const MESSAGE_CHANNELS = ['portal', 'sms', 'email', 'whatsapp'] as const
export const MessageChannel = z.enum(MESSAGE_CHANNELS)
export type MessageChannel = z.infer<typeof MessageChannel>
export const MessageSender = z.enum(['client', 'therapist', 'practice'])
export type MessageSender = z.infer<typeof MessageSender>

export const Message = z.object({
  id: z.string(),
  thread_id: z.string(),
  therapist_id: z.string(),
  /** `practice`: a reply the practice sent in its own name (the front desk, say). */
  sender: MessageSender,
  /** Where the message was written or sent: the portal, a text, an email, WhatsApp. */
  channel: MessageChannel,
  category: ClientMessageCategory,
  body: z.string(),
  created_at: z.string(),
  read_at: z.string().optional(),
})
export type Message = z.infer<typeof Message>

export const MessageList = z.object({ data: z.array(Message), next_cursor: z.string().nullable() })

export const MessageCreate = z
  .object({
    therapist_id: Id.optional(),
    category: ClientMessageCategory,
    body: Text.trim().min(1, 'Write a message first.').max(4000),
  })
  .strict()

export const MessageCreated = z.object({
  message: Message,
  /** What to expect now, in the client's language (reply time, or that there is none). */
  expectation: z.string(),
  auto_reply: z.string().optional(),
  /** For `crisis`: the practice's crisis resources, to show before anything else. */
  crisis_resources: z.array(CrisisResource).optional(),
  /** For `crisis`: what to do now, built from those resources ("… call 911 now. …"). */
  crisis_text: z.string().optional(),
})
export type MessageCreated = z.infer<typeof MessageCreated>

// ---- Cancellation list, offers, push ----

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const

export const WaitlistJoin = z
  .object({
    therapist_id: Id.optional(),
    preferred_days: z.array(z.enum(WEEKDAYS)).max(7).default([]),
    preferred_times: z.array(z.enum(DAY_PARTS)).max(3).default([]),
  })
  .strict()

export const WaitlistLeave = z.object({ therapist_id: Id.optional() }).strict()

/** Which subscription to forget: the browser's own endpoint. */
export const PushSubscriptionDelete = z.object({ endpoint: Text.max(1000) }).strict()

export const PushSubscriptionCreate = z
  .object({
    endpoint: Url({ protocol: /^https?$/ }).max(1000),
    keys: z.object({ p256dh: Text.min(10).max(200), auth: Text.min(8).max(100) }).strict(),
  })
  .strict()

export const OfferClaimed = z.object({ appointment: PortalAppointment })

/** A freed time offered from the cancellation list. Only the first claim gets it. */
export const PortalOffer = z.object({
  id: z.string(),
  therapist: z.object({ id: z.string(), name: z.string() }),
  starts_at: z.string(),
  ends_at: z.string(),
  /** `open` can be claimed until `expires_at`; `taken` went to someone else; `claimed` is yours. */
  state: z.enum(['open', 'claimed', 'taken', 'expired']),
  expires_at: z.string(),
  /** The session the claim booked (`claimed`). */
  appointment_id: z.string().optional(),
})
export type PortalOffer = z.infer<typeof PortalOffer>

export const PortalOfferList = z.object({ data: z.array(PortalOffer), next_cursor: z.null() })

// ---- Added with the portal API ----

export const WaitlistEntry = z.object({
  id: z.string(),
  therapist_id: z.string(),
  preferred_days: z.array(z.string()),
  preferred_times: z.array(z.string()),
})
export type WaitlistEntry = z.infer<typeof WaitlistEntry>

export const FeeWaiverRequest = z
  .object({
    reason: Text.trim().min(1, 'Tell the practice briefly what happened.').max(1000),
  })
  .strict()

export const FeeWaiverRequested = z.object({
  status: z.literal('requested'),
  /** What happens next, in the client's language. */
  message: z.string(),
})
export type FeeWaiverRequested = z.infer<typeof FeeWaiverRequested>

export const RescheduleRequested = z.object({
  /** False when an earlier request for this session is still waiting for the practice. */
  created: z.boolean(),
  /** What happens next, in the client's language. */
  message: z.string(),
})
export type RescheduleRequested = z.infer<typeof RescheduleRequested>

/** `auth/start` answers this whether or not the email is known. */
export const SignInCodeSent = z.object({ expires_in: z.number().int() })

const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Text.max(300).optional(),
}

export const PortalAppointmentListQuery = z.object(PageQuery).strict()

/** Newest page first, each page oldest-to-newest; `next_cursor` leads to older messages. */
export const MessageListQuery = z.object({ ...PageQuery, therapist_id: Id.optional() }).strict()

// ---- The therapist's inbox (practice API) ----

export const Thread = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  therapist_id: z.string(),
  last_message_at: z.string(),
  /** Client messages the therapist has not opened yet. */
  unread_count: z.number().int(),
  /** Who wrote last: a thread whose last word is the client's may be waiting for an answer. */
  last_sender: MessageSender,
  /** An open urgent alert (a crisis message, a distressed text) for this thread: listed first. */
  urgent: z.boolean(),
  /** The same as `urgent` (its first name). */
  crisis: z.boolean(),
})
export type Thread = z.infer<typeof Thread>

export const ThreadListQuery = z.object({ ...PageQuery, therapist_id: Id.optional() }).strict()

export const ThreadMessageListQuery = z.object(PageQuery).strict()

/** Hand a thread to another therapist of the practice. */
export const ThreadRoute = z.object({ therapist_id: Id }).strict()

export const TherapistReply = z
  .object({
    body: Text.trim().min(1, 'Write a message first.').max(4000),
    category: ClientMessageCategory.exclude(['crisis']).default('other'),
  })
  .strict()

// ---- The client's own preferences ----

export const PortalPreferences = z.object({
  /** The channels the client receives reminders and notes on, in their order (the first that works is used). */
  channels: z.array(Channel),
  locale: Locale,
  time_zone: z.string(),
  /** Every channel the practice sends on, whether it can reach this client, and when consent was last given or withdrawn. */
  options: z.array(
    z.object({
      channel: Channel,
      available: z.boolean(),
      consented: z.boolean(),
      /** Why an unavailable channel cannot reach them: no number on file, or the practice does not send on it. */
      unavailable_reason: z.enum(['no_phone', 'not_offered']).optional(),
      recorded_at: z.string().optional(),
    }),
  ),
})
export type PortalPreferences = z.infer<typeof PortalPreferences>

export const PortalPreferencesPatch = patchOf({
  /** In order; the channels left out lose their consent. Empty: no reminders at all. */
  channels: z
    .array(Channel)
    .max(3)
    .refine((channels) => new Set(channels).size === channels.length, 'Name each channel once.'),
  locale: Locale,
  time_zone: TimeZone,
})

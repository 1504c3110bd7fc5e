import type { Channel, ReminderSchedule } from '../schemas/policies'

/**
 * Whether a client receives reminders on each channel, and if not, why: the answer staff see in
 * the delivery audit and the filter the planner applies. Pure.
 */

export const CHANNELS: readonly Channel[] = ['email', 'sms', 'whatsapp', 'push']

export type ChannelBlock =
  | 'not_in_schedule'
  | 'no_consent'
  | 'opted_out'
  | 'failing'
  | 'no_phone'
  | 'no_sms_gateway'
  | 'no_whatsapp'
  | 'no_device'
  | 'not_preferred'
  | 'preferred_elsewhere'

export type ChannelStatus =
  | { receives: true }
  | { receives: false; reason: ChannelBlock; detail?: string; since?: string }

export interface ChannelFacts {
  schedule: Pick<ReminderSchedule, 'channels'>
  consents: Partial<Record<Channel, boolean>>
  hasPhone: boolean
  smsGatewayConfigured: boolean
  /** The practice connected a WhatsApp business number (absent: not connected). */
  whatsappConfigured?: boolean
  pushSubscriptions: number
  /**
   * The client's own order of channels: only the first that works is used, the next ones are the
   * fallback. Null: every channel the practice's schedule and the client allow.
   */
  preferred?: readonly Channel[] | null
  /** What happened on a channel: an opt-out (STOP, a complaint) or a failure (a bounce). */
  state: Partial<
    Record<
      Channel,
      {
        optedOutAt?: string | null
        optedOutVia?: string | null
        failingSince?: string | null
        failingReason?: string | null
      }
    >
  >
}

export function channelStatus(facts: ChannelFacts): Record<Channel, ChannelStatus> {
  const status = (channel: Channel): ChannelStatus => {
    const state = facts.state[channel]
    // An opt-out matters most: it is the client's own choice and holds until they undo it.
    if (state?.optedOutAt) return block('opted_out', state.optedOutAt, state.optedOutVia)
    if (!facts.consents[channel]) return { receives: false, reason: 'no_consent' }
    if ((channel === 'sms' || channel === 'whatsapp') && !facts.hasPhone) return { receives: false, reason: 'no_phone' }
    if (channel === 'push' && facts.pushSubscriptions === 0) return { receives: false, reason: 'no_device' }
    if (state?.failingSince) return block('failing', state.failingSince, state.failingReason)
    if (channel === 'sms' && !facts.smsGatewayConfigured) return { receives: false, reason: 'no_sms_gateway' }
    if (channel === 'whatsapp' && !facts.whatsappConfigured) return { receives: false, reason: 'no_whatsapp' }
    if (!facts.schedule.channels.includes(channel)) return { receives: false, reason: 'not_in_schedule' }
    return { receives: true }
  }
  const open = eachChannel(status)
  const preferred = facts.preferred
  if (!preferred?.length) return open
  // The client's choice comes after what makes a channel unusable, so staff see the real obstacle.
  const chosen = preferred.find((channel) => open[channel].receives)
  const choose = (channel: Channel): ChannelStatus => {
    if (!open[channel].receives || channel === chosen) return open[channel]
    if (!preferred.includes(channel)) return { receives: false, reason: 'not_preferred' }
    return { receives: false, reason: 'preferred_elsewhere', detail: chosen! }
  }
  return eachChannel(choose)
}

/** One value per channel. */
export function eachChannel<T>(value: (channel: Channel) => T): Record<Channel, T> {
  return { email: value('email'), sms: value('sms'), whatsapp: value('whatsapp'), push: value('push') }
}

function block(reason: ChannelBlock, since: string, detail: string | null | undefined): ChannelStatus {
  return { receives: false, reason, since, ...(detail ? { detail } : {}) }
}

/** The channels a reminder may use now, in the client's order of preference, else the schedule's. */
export function usableChannels(facts: ChannelFacts): Channel[] {
  const status = channelStatus(facts)
  return (facts.preferred?.length ? facts.preferred : facts.schedule.channels).filter(
    (channel) => status[channel].receives,
  )
}

import type { Channel, ReminderSchedule } from '../schemas/policies'

/**
 * Whether a client receives reminders on each channel, and if not, why: the answer staff see in
 * the delivery audit and the filter the planner applies. Pure.
 */

export const CHANNELS: readonly Channel[] = ['email', 'sms', 'push']

export type ChannelBlock =
  | 'not_in_schedule'
  | 'no_consent'
  | 'opted_out'
  | 'failing'
  | 'no_phone'
  | 'no_sms_gateway'
  | 'no_device'

export type ChannelStatus =
  | { receives: true }
  | { receives: false; reason: ChannelBlock; detail?: string; since?: string }

export interface ChannelFacts {
  schedule: Pick<ReminderSchedule, 'channels'>
  consents: Record<Channel, boolean>
  hasPhone: boolean
  smsGatewayConfigured: boolean
  pushSubscriptions: number
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
    if (channel === 'sms' && !facts.hasPhone) return { receives: false, reason: 'no_phone' }
    if (channel === 'push' && facts.pushSubscriptions === 0) return { receives: false, reason: 'no_device' }
    if (state?.failingSince) return block('failing', state.failingSince, state.failingReason)
    if (channel === 'sms' && !facts.smsGatewayConfigured) return { receives: false, reason: 'no_sms_gateway' }
    if (!facts.schedule.channels.includes(channel)) return { receives: false, reason: 'not_in_schedule' }
    return { receives: true }
  }
  return { email: status('email'), sms: status('sms'), push: status('push') }
}

function block(reason: ChannelBlock, since: string, detail: string | null | undefined): ChannelStatus {
  return { receives: false, reason, since, ...(detail ? { detail } : {}) }
}

/** The channels a reminder may use now, in the schedule's order of preference. */
export function usableChannels(facts: ChannelFacts): Channel[] {
  const status = channelStatus(facts)
  return facts.schedule.channels.filter((channel) => status[channel].receives)
}

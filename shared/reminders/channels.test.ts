import { describe, expect, it } from 'vitest'
import { type ChannelFacts, channelStatus, usableChannels } from './channels'

const facts: ChannelFacts = {
  schedule: { channels: ['push', 'email', 'sms'] },
  consents: { email: true, sms: true, push: true },
  hasPhone: true,
  smsGatewayConfigured: true,
  pushSubscriptions: 1,
  state: {},
}

describe('channelStatus', () => {
  it('every channel works when consented, reachable and healthy, in the schedule order', () => {
    expect(usableChannels(facts)).toEqual(['push', 'email', 'sms'])
  })

  it('says why a channel gets nothing', () => {
    const status = channelStatus({
      ...facts,
      hasPhone: true,
      pushSubscriptions: 0,
      state: {
        email: { failingSince: '2026-03-01T10:00:00.000Z', failingReason: 'bounced' },
        sms: { optedOutAt: '2026-03-02T10:00:00.000Z', optedOutVia: 'sms_stop' },
      },
    })
    expect(status).toEqual({
      email: { receives: false, reason: 'failing', since: '2026-03-01T10:00:00.000Z', detail: 'bounced' },
      sms: { receives: false, reason: 'opted_out', since: '2026-03-02T10:00:00.000Z', detail: 'sms_stop' },
      push: { receives: false, reason: 'no_device' },
    })
  })

  it('an opt-out wins over a missing consent, and SMS needs a phone and a gateway', () => {
    const optedOut = { optedOutAt: '2026-03-02T10:00:00.000Z' }
    expect(
      channelStatus({ ...facts, consents: { email: true, sms: false, push: true }, state: { sms: optedOut } }).sms,
    ).toMatchObject({ reason: 'opted_out' })
    expect(channelStatus({ ...facts, consents: { email: true, sms: false, push: true } }).sms).toEqual({
      receives: false,
      reason: 'no_consent',
    })
    expect(channelStatus({ ...facts, hasPhone: false }).sms).toMatchObject({ reason: 'no_phone' })
    expect(channelStatus({ ...facts, smsGatewayConfigured: false }).sms).toMatchObject({ reason: 'no_sms_gateway' })
    expect(channelStatus({ ...facts, schedule: { channels: ['email'] } }).push).toMatchObject({
      reason: 'not_in_schedule',
    })
  })
})

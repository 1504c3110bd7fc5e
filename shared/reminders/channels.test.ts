import { describe, expect, it } from 'vitest'
import { type ChannelFacts, channelStatus, usableChannels } from './channels'
import type { Channel } from '../schemas/policies'

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
      whatsapp: { receives: false, reason: 'no_consent' },
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

describe("the client's own order of channels", () => {
  it('uses only the first channel that works, and says why the others wait', () => {
    const status = channelStatus({ ...facts, preferred: ['sms', 'email'] })
    expect(status).toEqual({
      sms: { receives: true },
      email: { receives: false, reason: 'preferred_elsewhere', detail: 'sms' },
      whatsapp: { receives: false, reason: 'no_consent' },
      push: { receives: false, reason: 'not_preferred' },
    })
    expect(usableChannels({ ...facts, preferred: ['sms', 'email'] })).toEqual(['sms'])
  })

  it('falls back in order when the first is failing, opted out or not consented', () => {
    const failing = { sms: { failingSince: '2026-03-01T10:00:00.000Z', failingReason: 'failed' } }
    expect(usableChannels({ ...facts, preferred: ['sms', 'email', 'push'], state: failing })).toEqual(['email'])
    const stopped = { sms: { optedOutAt: '2026-03-01T10:00:00.000Z', optedOutVia: 'sms_stop' } }
    expect(channelStatus({ ...facts, preferred: ['sms', 'push'], state: stopped })).toMatchObject({
      sms: { receives: false, reason: 'opted_out' },
      push: { receives: true },
      email: { receives: false, reason: 'not_preferred' },
    })
    const noConsent = { ...facts, consents: { email: true, sms: false, push: true } }
    expect(usableChannels({ ...noConsent, preferred: ['sms', 'email'] })).toEqual(['email'])
  })

  it('reaches nobody when none of the chosen channels works, rather than one they did not choose', () => {
    const stopped = { sms: { optedOutAt: '2026-03-01T10:00:00.000Z', optedOutVia: 'sms_stop' } }
    expect(usableChannels({ ...facts, preferred: ['sms'], state: stopped })).toEqual([])
  })

  it('WhatsApp needs consent, a phone and the practice connected, and is used when chosen first', () => {
    const whatsapp = {
      ...facts,
      consents: { ...facts.consents, whatsapp: true },
      schedule: { channels: ['email', 'whatsapp'] as Channel[] },
    }
    expect(channelStatus(whatsapp).whatsapp).toEqual({ receives: false, reason: 'no_whatsapp' })
    expect(channelStatus({ ...whatsapp, whatsappConfigured: true, hasPhone: false }).whatsapp).toMatchObject({
      reason: 'no_phone',
    })
    const connected = { ...whatsapp, whatsappConfigured: true }
    expect(usableChannels({ ...connected, preferred: ['whatsapp', 'email'] })).toEqual(['whatsapp'])
    const stopped = { whatsapp: { optedOutAt: '2026-03-01T10:00:00.000Z', optedOutVia: 'whatsapp_stop' } }
    expect(usableChannels({ ...connected, preferred: ['whatsapp', 'email'], state: stopped })).toEqual(['email'])
  })

  it('without a choice, every channel the schedule allows, as before', () => {
    expect(usableChannels({ ...facts, preferred: null })).toEqual(['push', 'email', 'sms'])
  })
})

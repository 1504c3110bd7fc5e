import { channelStatus, eachChannel } from '../../shared/reminders/channels'
import type { Consents } from '../../shared/schemas/people'
import type { Channel } from '../../shared/schemas/policies'
import { PortalPreferences, PortalPreferencesPatch } from '../../shared/schemas/portal'
import { audit } from '../audit/queries'
import { channelFacts } from '../clients/channel-queries'
import { latestConsents, recordConsentChanges } from '../clients/consent-queries'
import { findClient, updateClient } from '../clients/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { ApiError, fieldError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { clientReachChanged } from '../reminders/client-reach'
import { portalRouter } from './token'

/**
 * The client's own say in how the practice reaches them: which channels (each consent recorded
 * with its time and source), in what order, their language and time zone.
 */

/** What stops a channel from reaching this client whatever they choose. */
const UNREACHABLE = new Set(['not_in_schedule', 'no_phone', 'no_sms_gateway', 'no_whatsapp'])

async function preferencesOf(tx: Tx, practiceId: string, clientId: string): Promise<PortalPreferences> {
  const client = await findClient(tx, practiceId, clientId)
  const facts = await channelFacts(tx, practiceId, clientId)
  if (!client || !facts) throw new ApiError('unauthorized', 'Please sign in again to continue.')
  // Availability regardless of their current choice: every channel as if consented and unordered.
  const open = channelStatus({ ...facts, consents: eachChannel(() => true), preferred: null })
  const records = new Map((await latestConsents(tx, practiceId, clientId)).map((r) => [r.channel, r]))
  const options = facts.schedule.channels.map((channel) => {
    const status = open[channel]
    const record = records.get(channel)
    const available = status.receives || !UNREACHABLE.has(status.reason)
    return {
      channel,
      available,
      consented: client.consents[channel],
      ...(available
        ? {}
        : { unavailable_reason: status.reason === 'no_phone' ? ('no_phone' as const) : ('not_offered' as const) }),
      ...(record ? { recorded_at: record.recorded_at.toISOString() } : {}),
    }
  })
  const usable = (channel: Channel) => options.some((o) => o.channel === channel && o.available && o.consented)
  return {
    channels: (client.preferred_channels ?? facts.schedule.channels).filter(usable),
    locale: client.locale,
    time_zone: client.time_zone,
    options,
  }
}

export function portalPreferencesRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.get(
    '/',
    describe({
      summary: "The client's own channels (in their order), language and time zone",
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Their preferences', schema: PortalPreferences } },
    }),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      return c.json(await c.var.inSession((tx) => preferencesOf(tx, practiceId, clientId), { read: true }))
    },
  )

  app.patch(
    '/',
    describe({
      summary: 'Choose channels, their order, language and time zone',
      description:
        '`channels` in order: each listed channel is consented to, the others are not (each change recorded ' +
        'with its time and the source `portal`); reminders and notes go to the first that works, then the next. ' +
        'A channel the practice cannot use for this client (`available: false`) is refused.',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Their preferences now', schema: PortalPreferences } },
    }),
    input('json', PortalPreferencesPatch),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const body = c.req.valid('json')
      const result = await c.var.inSession(async (tx) => {
        const current = await preferencesOf(tx, practiceId, clientId)
        const before = (await findClient(tx, practiceId, clientId))!
        const patch: Parameters<typeof updateClient>[3] = {}
        if (body.channels) {
          const unavailable = body.channels.filter(
            (channel) => !current.options.find((option) => option.channel === channel)?.available,
          )
          if (unavailable.length) {
            throw fieldError('channels', `The practice can't reach you by ${unavailable.join(' or ')} yet.`)
          }
          const chosen = (channel: Channel) => body.channels!.includes(channel)
          patch.consents = eachChannel(chosen) satisfies Consents
          patch.preferred_channels = body.channels.length ? body.channels : null
        }
        if (body.locale) patch.locale = body.locale
        if (body.time_zone) patch.time_zone = body.time_zone
        const updated = (await updateClient(tx, practiceId, clientId, patch))!
        await recordConsentChanges(tx, practiceId, {
          clientId,
          before: before.consents,
          after: updated.consents,
          source: 'portal',
          recordedBy: `client:${clientId}`,
          at: deps.clock(),
        })
        await clientReachChanged(tx, deps, practiceId, clientId, patch)
        await audit(tx, {
          practiceId,
          actor: { kind: 'client', id: clientId },
          action: 'portal.preferences_updated',
          subject: { kind: 'client', id: clientId },
          detail: { fields: Object.keys(body) },
        })
        return preferencesOf(tx, practiceId, clientId)
      })
      return c.json(result)
    },
  )
  return app
}

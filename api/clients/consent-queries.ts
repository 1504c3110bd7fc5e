import type { Consents } from '../../shared/schemas/people'
import type { Channel } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'

/** The record of every consent given or withdrawn: which channel, when, and through what. */

export type ConsentSource = 'practice_api' | 'portal'

/** One record per channel whose consent changed (all given ones, for a new client). */
export async function recordConsentChanges(
  tx: Tx,
  practiceId: string,
  change: {
    clientId: string
    before: Consents | null
    after: Consents
    source: ConsentSource
    recordedBy: string
    at: Date
  },
): Promise<void> {
  const changed = (Object.keys(change.after) as Channel[]).filter((channel) =>
    change.before ? change.before[channel] !== change.after[channel] : change.after[channel],
  )
  if (!changed.length) return
  await tx`
    insert into consent_records (practice_id, client_id, channel, granted, source, recorded_by, recorded_at)
    select ${practiceId}, ${change.clientId}, v.channel, v.granted::boolean, ${change.source}, ${change.recordedBy},
           ${change.at}
    from unnest(${changed}::text[], ${changed.map((channel) => String(change.after[channel]))}::text[])
      as v(channel, granted)`
}

export type ConsentRecord = { channel: Channel; granted: boolean; source: ConsentSource; recorded_at: Date }

/** The newest record per channel: when and how the current consent was given. */
export async function latestConsents(tx: Tx, practiceId: string, clientId: string): Promise<ConsentRecord[]> {
  return tx<ConsentRecord[]>`
    select distinct on (channel) channel, granted, source, recorded_at from consent_records
    where practice_id = ${practiceId} and client_id = ${clientId}
    order by channel, recorded_at desc, id desc`
}

import type { ContactPolicy } from '../../shared/schemas/policies'
import type { MessageChannel } from '../../shared/schemas/portal'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { chooseClientTherapist } from '../portal/people-queries'
import type { MessageRow } from './queries'
import { postMessage } from './post'

/**
 * What a client writes outside the portal (a text that is not a keyword, later WhatsApp), into
 * their thread with the therapist of their nearest session. The one way in for every channel's
 * free text: a reply classifier decides what a text means, and whatever it hands a person comes
 * here, so nothing a client writes lives only inside an alert.
 */

export type WrittenIn = {
  message: MessageRow
  therapist: { id: string; name: string; contact_policy: ContactPolicy }
}

export async function clientWroteIn(
  tx: Tx,
  deps: Deps,
  written: {
    practiceId: string
    clientId: string
    channel: Exclude<MessageChannel, 'portal'>
    text: string
    /** `crisis` when the words sound like distress: the thread is flagged like a crisis note. */
    urgent: boolean
    now: Date
  },
): Promise<WrittenIn | null> {
  const body = written.text.trim().slice(0, 4000)
  if (!body) return null
  let therapist: WrittenIn['therapist']
  try {
    therapist = await chooseClientTherapist(tx, written.practiceId, written.clientId, undefined, {
      nearestWhenUnsure: written.now,
    })
  } catch (error) {
    // No therapist yet (a client without sessions): the alert alone carries it to the front desk.
    if (error instanceof ApiError) return null
    throw error
  }
  const message = await postMessage(tx, deps, {
    practiceId: written.practiceId,
    clientId: written.clientId,
    therapistId: therapist.id,
    sender: 'client',
    channel: written.channel,
    senderKeyId: null,
    category: written.urgent ? 'crisis' : 'other',
    body,
    now: written.now,
  })
  return { message, therapist }
}

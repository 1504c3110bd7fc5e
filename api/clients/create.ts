import type { z } from 'zod'
import type { ClientCreate } from '../../shared/schemas/people'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { insertClient } from './queries'

/**
 * A new client of the practice, audited as created by `actor`; `via` names where the client came
 * from when it was not the practice API (a Cal.com booking, a file import).
 */
export async function createClient(
  tx: Tx,
  practiceId: string,
  input: z.infer<typeof ClientCreate>,
  by: { actor: Actor; via?: string },
) {
  const created = await insertClient(tx, practiceId, input)
  await audit(tx, {
    practiceId,
    actor: by.actor,
    action: 'client.created',
    subject: { kind: 'client', id: created.id },
    ...(by.via ? { detail: { via: by.via } } : {}),
  })
  return created
}

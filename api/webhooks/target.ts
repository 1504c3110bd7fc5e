import { classifyAddress, classifyHost } from '../../shared/net/addresses'
import { webhookAddressProblem } from '../../shared/schemas/webhooks'
import type { EntryDeps } from '../deps'

/**
 * Whether Hearth may post to a webhook URL now: outside development, only to the public internet,
 * judged by its host name (IP literals, `localhost`) and by every address the name resolves to.
 * Checked when an endpoint is registered or changed, and again before every send, because what a
 * name resolves to can change after it was accepted. Development servers may post anywhere: their
 * receivers run on this machine.
 */
export type TargetCheck = { ok: true } | { ok: false; problem: string; unresolved?: true }

export async function checkWebhookTarget(
  url: string,
  deps: Pick<EntryDeps, 'development' | 'resolveHost'>,
): Promise<TargetCheck> {
  if (deps.development) return { ok: true }
  const host = new URL(url).hostname
  const literal = classifyHost(host)
  if (literal !== null) {
    const problem = webhookAddressProblem(literal)
    return problem ? { ok: false, problem } : { ok: true }
  }
  if (!deps.resolveHost) return { ok: true }
  let addresses: string[]
  try {
    addresses = await deps.resolveHost(host.replace(/\.+$/, ''))
  } catch {
    addresses = []
  }
  if (!addresses.length) {
    return { ok: false, unresolved: true, problem: `Hearth couldn't find the host ${host}. Check the address.` }
  }
  for (const address of addresses) {
    const problem = webhookAddressProblem(classifyAddress(address) ?? 'reserved')
    if (problem) return { ok: false, problem }
  }
  return { ok: true }
}

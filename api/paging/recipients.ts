import type { UrgentChannel } from '../../shared/schemas/notifications'
import type { Principal } from '../auth/practice-auth'
import type { Tx } from '../db/connect'
import { DEFAULT_SETTINGS, pageContacts, settingsOf } from './queries'

/**
 * Who is paged about an urgent alert, and on which channels: the one place that decides. First
 * the person it is for (its therapist, or the front desk when it has none); after the practice's
 * `urgent_escalation_minutes` without an acknowledgement, the front desk and the owner too. Each
 * person's own choice of urgent channels (/v1/staff/me/notifications) applies where they can be
 * reached; when none of them can, email, so urgent words always reach someone.
 *
 * People are named by an owner key: `therapist:<id>` (the therapist record: its email and phone,
 * for the therapist's key and staff account alike), `staff:<id>` (the owners and front desk who
 * sign in as themselves: their own email and phone) and `practice` (the practice's contact email
 * and the consoles of admin keys), which stands in for the front desk until it has accounts.
 */

export type PageStage = 'first' | 'escalation'

export type Recipient = {
  key: string
  email: string | null
  phone: string | null
  channels: UrgentChannel[]
}

export type PagePlan = { stage: PageStage; recipients: Recipient[]; unreachable: string[] }

/** The owner key of a person: a therapist's is their record's; anyone else signed in is their own; a key is the practice's. */
export function notificationOwner(person: {
  role: string
  therapistId: string | null
  staffUserId?: string | null
}): string {
  if (person.role === 'therapist' && person.therapistId) return `therapist:${person.therapistId}`
  return person.staffUserId ? `staff:${person.staffUserId}` : 'practice'
}

/** The owner key of whoever is signed in. */
export function ownerOf(principal: Pick<Principal, 'role' | 'therapistId' | 'actor' | 'actorId'>): string {
  return notificationOwner({
    role: principal.role,
    therapistId: principal.therapistId,
    staffUserId: principal.actor.kind === 'staff' ? principal.actorId : null,
  })
}

export async function urgentRecipients(
  tx: Tx,
  alert: { practice_id: string; therapist_id: string | null },
): Promise<{ plans: PagePlan[]; escalationMinutes: number; locale: string }> {
  const contacts = await pageContacts(tx, alert.practice_id, alert.therapist_id ? [alert.therapist_id] : [])
  const therapist = contacts.therapists[0]
  const people = new Map<string, { email: string | null; phone: string | null }>([
    ['practice', { email: contacts.practice.email, phone: null }],
  ])
  if (therapist) people.set(`therapist:${therapist.id}`, { email: therapist.email, phone: therapist.phone })
  for (const user of contacts.staff) people.set(`staff:${user.id}`, { email: user.email, phone: user.phone })
  const settings = await settingsOf(tx, alert.practice_id, [...people.keys()])

  const reach = (key: string): Recipient | null => {
    const person = people.get(key)!
    const reachable: Record<UrgentChannel, boolean> = {
      email: Boolean(person.email),
      sms: Boolean(person.phone) && contacts.practice.sms_gateway,
      push: (contacts.devices.get(key) ?? 0) > 0,
    }
    const chosen = (settings.get(key) ?? DEFAULT_SETTINGS).urgent.filter((c) => reachable[c])
    const channels = chosen.length ? chosen : reachable.email ? (['email'] as const) : []
    return channels.length ? { key, ...person, channels: [...channels] } : null
  }
  const plan = (stage: PageStage, keys: string[]): PagePlan => {
    const recipients = keys.map(reach)
    return {
      stage,
      recipients: recipients.filter((r): r is Recipient => r !== null),
      unreachable: keys.filter((_, i) => !recipients[i]),
    }
  }
  // The front desk: its people who sign in as themselves, else the practice's contact email.
  const staffKeys = (roles: string[]) =>
    contacts.staff.filter((u) => roles.includes(u.role)).map((u) => `staff:${u.id}`)
  const frontDesk = staffKeys(['front_desk'])
  const deskAndOwner = staffKeys(['front_desk', 'owner'])
  const first = therapist ? [`therapist:${therapist.id}`] : frontDesk.length ? frontDesk : ['practice']
  const escalation = (deskAndOwner.length ? deskAndOwner : ['practice']).filter((key) => !first.includes(key))
  return {
    plans: [plan('first', first), plan('escalation', escalation)],
    escalationMinutes: contacts.practice.escalation_minutes,
    locale: contacts.practice.locale,
  }
}

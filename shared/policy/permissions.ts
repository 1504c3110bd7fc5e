/**
 * What each role may do in its practice: one table, read by every practice route (which refuses
 * with 403 and the reason) and by the staff console (which hides what a person cannot do).
 * Whose records a therapist sees is the other half, in `access.ts` (404 for what is not theirs).
 */

export const STAFF_ROLES = ['owner', 'admin', 'front_desk', 'therapist'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Reading, or changing anything (creating, editing, removing, sending). */
export type Action = 'read' | 'change'

export const RESOURCES = [
  /** the practice's name, time zone and settings */
  'practice',
  /** cancellation, reminder, reschedule, channel settings of the practice */
  'practice_policies',
  'therapists',
  'contact_policy',
  'availability',
  'clients',
  /** sessions: the schedule */
  'appointments',
  /** adding sessions to the schedule (the EHR's upsert) */
  'new_appointments',
  'reschedule_requests',
  'confirmation_calls',
  'alerts',
  /** who wrote when: a thread's metadata */
  'threads',
  /** what clients and therapists wrote */
  'message_bodies',
  /** handing a thread to another therapist */
  'thread_routing',
  'insights',
  'imports',
  'integrations',
  'webhooks',
  'api_keys',
  'staff',
  'audit',
  /** the person's own account: factors, sessions, notifications */
  'own_account',
] as const
export type Resource = (typeof RESOURCES)[number]

/** Why not, for the API's message and the console's words. */
export type Refusal = 'admins_only' | 'owners_only' | 'no_message_bodies' | 'read_only'

export type Permission = { allowed: true } | { allowed: false; reason: Refusal }

const ALLOWED: Permission = { allowed: true }

/** A therapist's own work (the routes limit it to their own records); reading the practice's shared lists. */
const THERAPIST: Partial<Record<Resource, Action[]>> = {
  practice: ['read'],
  therapists: ['read'],
  contact_policy: ['read', 'change'],
  availability: ['read', 'change'],
  clients: ['read'],
  appointments: ['read', 'change'],
  reschedule_requests: ['read', 'change'],
  confirmation_calls: ['read', 'change'],
  alerts: ['read', 'change'],
  threads: ['read', 'change'],
  message_bodies: ['read', 'change'],
  insights: ['read'],
  own_account: ['read', 'change'],
}

/**
 * The schedule, clients, alerts, calls and who wrote when, and the therapists' hours (the front
 * desk keeps the diary); not policies, keys, staff or audit.
 */
const FRONT_DESK: Partial<Record<Resource, Action[]>> = {
  practice: ['read'],
  therapists: ['read'],
  contact_policy: ['read'],
  availability: ['read', 'change'],
  clients: ['read', 'change'],
  appointments: ['read', 'change'],
  new_appointments: ['change'],
  reschedule_requests: ['read', 'change'],
  confirmation_calls: ['read', 'change'],
  alerts: ['read', 'change'],
  threads: ['read', 'change'],
  thread_routing: ['change'],
  own_account: ['read', 'change'],
}

const TABLE: Record<StaffRole, Partial<Record<Resource, Action[]>> | 'everything'> = {
  owner: 'everything',
  admin: 'everything',
  front_desk: FRONT_DESK,
  therapist: THERAPIST,
}

/** Whether `role` may `action` on `resource`, and why not. */
export function permission(role: StaffRole, action: Action, resource: Resource): Permission {
  const grants = TABLE[role]
  if (grants === 'everything') return ALLOWED
  const actions = grants[resource]
  if (actions?.includes(action)) return ALLOWED
  if (resource === 'message_bodies') return { allowed: false, reason: 'no_message_bodies' }
  if (actions?.includes('read')) return { allowed: false, reason: 'read_only' }
  return { allowed: false, reason: 'admins_only' }
}

export const can = (role: StaffRole, action: Action, resource: Resource): boolean =>
  permission(role, action, resource).allowed

/**
 * Who may change whom on the Team screen: owners and admins manage people, but only an owner
 * makes, changes or removes an owner.
 */
export function mayManageStaff(actor: StaffRole, target: { role: StaffRole }, newRole?: StaffRole): Permission {
  if (!can(actor, 'change', 'staff')) return { allowed: false, reason: 'admins_only' }
  if ((target.role === 'owner' || newRole === 'owner') && actor !== 'owner')
    return { allowed: false, reason: 'owners_only' }
  return ALLOWED
}

/**
 * Whether a change to `target` (a new role, or `null` for removal) would leave the practice with
 * no signed-up owner: the last owner can be neither removed nor made something else.
 */
export function leavesNoOwner(
  people: readonly { id: string; role: StaffRole; invited: boolean }[],
  target: { id: string },
  newRole: StaffRole | null,
): boolean {
  const owners = people.filter((p) => p.role === 'owner' && !p.invited)
  const targetIsOwner = owners.some((p) => p.id === target.id)
  return targetIsOwner && newRole !== 'owner' && owners.length === 1
}

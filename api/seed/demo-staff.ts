import type { Tx } from '../db/connect'
import { insertStaffUser, listStaffUsers, setStaffSecondFactor } from '../staff/queries'
import type { StaffRole } from '../../shared/policy/permissions'
import { demoTherapistIds } from './queries'

/**
 * The demo's people, one of each role, so a newcomer can sign in as each (the code is in the
 * development outbox): Priya Shah owns the practice, Maya Rivera and Sam Okafor sign in as
 * themselves bound to their therapist records, and the front desk. The demo needs no second
 * factor, so looking around takes one email; practices made by the operator API require one.
 */
export async function seedDemoStaff(tx: Tx, practiceId: string, now: Date): Promise<void> {
  if ((await listStaffUsers(tx, practiceId)).length > 0) return
  const therapists = await demoTherapistIds(tx, practiceId)
  const people: { name: string; email: string; role: StaffRole; therapistEmail?: string; phone: string }[] = [
    { name: 'Priya Shah', email: 'owner@calmwaters.example', role: 'owner', phone: '+15550102001' },
    {
      name: 'Dr. Maya Rivera',
      email: 'maya.rivera@calmwaters.example',
      role: 'therapist',
      therapistEmail: 'maya.rivera@calmwaters.example',
      phone: '+15550102011',
    },
    {
      name: 'Sam Okafor',
      email: 'sam.okafor@calmwaters.example',
      role: 'therapist',
      therapistEmail: 'sam.okafor@calmwaters.example',
      phone: '+15550102012',
    },
    { name: 'Front desk', email: 'frontdesk@calmwaters.example', role: 'front_desk', phone: '+15550102000' },
  ]
  for (const person of people) {
    const therapistId = person.therapistEmail ? therapists.get(person.therapistEmail) : null
    if (therapistId === undefined) continue // the therapist was renamed or removed in this database
    await insertStaffUser(tx, {
      practiceId,
      role: person.role,
      therapistId,
      name: person.name,
      email: person.email,
      phone: person.phone,
      invited: false,
      now,
    })
  }
  await setStaffSecondFactor(tx, practiceId, 'optional')
}

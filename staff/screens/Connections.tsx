import { useState } from 'preact/hooks'
import { can } from '../../shared/policy/permissions'
import type { Practice } from '../../shared/schemas/practice'
import { Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { CalcomConnection } from './CalcomConnection'
import { FhirConnection } from './FhirConnection'
import { TitledSection } from '../components/Parts'

/**
 * Where sessions come in from besides spreadsheets: Cal.com bookings and the practice's FHIR
 * server. Everyone sees how each is doing; those who may change the practice's settings (owners
 * and admins, as `PATCH /v1/practice` allows) connect, change and disconnect them here.
 */
export function Connections({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const practice = useLoad<Practice>(() => ctx.api.practice(), [])
  const [saved, setSaved] = useState<Practice | null>(null)
  const mayChange = can(ctx.me.user.role, 'change', 'practice')
  return (
    <TitledSection class="entry-card connections" id="connections-title" title={tr('staff.connections.title')}>
      {practice.state === 'loading' ? (
        <Loading />
      ) : practice.state === 'error' ? (
        <Problem compact error={practice.error} onRetry={practice.reload} />
      ) : (
        <ConnectionsOf ctx={ctx} practice={saved ?? practice.data} mayChange={mayChange} onSaved={setSaved} />
      )}
    </TitledSection>
  )
}

function ConnectionsOf({
  ctx,
  practice,
  mayChange,
  onSaved,
}: {
  ctx: StaffContext
  practice: Practice
  mayChange: boolean
  onSaved: (practice: Practice) => void
}) {
  const { calcom, fhir, ...rest } = practice
  return (
    <>
      <CalcomConnection ctx={ctx} calcom={calcom} mayChange={mayChange} onSaved={onSaved} />
      <FhirConnection
        ctx={ctx}
        fhir={fhir}
        mayChange={mayChange}
        onSaved={(next) => onSaved({ ...rest, ...(calcom ? { calcom } : {}), ...(next ? { fhir: next } : {}) })}
      />
    </>
  )
}

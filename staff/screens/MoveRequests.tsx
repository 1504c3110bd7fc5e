import { useState } from 'preact/hooks'
import { Done, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { MoveRequest } from '../api'
import type { StaffContext } from '../Console'
import { StaffScreen, SmallButton } from '../components/Parts'
import { useWords } from '../i18n'

/**
 * Clients asking to move a session: the time they asked for is held for them (a day at most)
 * until someone here approves (the session moves, the client gets a receipt) or declines (it
 * stays where it was, and the client is told kindly).
 */
export function MoveRequests({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const loaded = useLoad(() => ctx.api.moveRequests('requested'), [])
  return (
    <StaffScreen title={tr('staff.moves.title')} lead={tr('staff.moves.lead')}>
      {loaded.state === 'error' ? (
        <Problem compact error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <p>{tr('staff.moves.none')}</p>
      ) : (
        <ul class="alert-list">
          {loaded.data.map((request) => (
            <Request key={request.id} ctx={ctx} request={request} />
          ))}
        </ul>
      )}
    </StaffScreen>
  )
}

function Request({ ctx, request: r }: { ctx: StaffContext; request: MoveRequest }) {
  const { tr, when } = useWords()
  const [busy, setBusy] = useState<'approve' | 'decline' | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)

  async function decide(decision: 'approve' | 'decline') {
    setBusy(decision)
    setProblem(null)
    try {
      await ctx.api.decideMove(r.id, decision)
      const text = tr(decision === 'approve' ? 'staff.moves.approved' : 'staff.moves.declined', {
        client: r.client.name,
      })
      setDone(text)
      ctx.announce(text)
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(null)
    }
  }

  const id = `move-${r.id}`
  return (
    <li class="alert-card" aria-labelledby={id}>
      <h2 id={id} class="alert-kind">
        {tr('staff.moves.who', { client: r.client.name, therapist: r.therapist.name })}
      </h2>
      <dl class="facts">
        <div>
          <dt>{tr('staff.moves.from')}</dt>
          <dd>{when(r.previous_starts_at, 'medium')}</dd>
        </div>
        <div>
          <dt>{tr('staff.moves.to')}</dt>
          <dd>{when(r.starts_at, 'medium')}</dd>
        </div>
        <div>
          <dt>{tr('staff.moves.held')}</dt>
          <dd>{when(r.hold_until, 'medium')}</dd>
        </div>
      </dl>
      {r.late_fee_cents ? <p class="fine">{tr('staff.moves.fee')}</p> : null}
      {problem !== null && <Problem compact error={problem} />}
      {done ? (
        <Done>{done}</Done>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button button-primary button-small"
            onClick={() => decide('approve')}
            disabled={busy !== null}
            aria-busy={busy === 'approve'}
          >
            {tr('staff.moves.approve')}
          </button>
          <SmallButton disabled={busy !== null} busy={busy === 'decline'} onClick={() => decide('decline')}>
            {tr('staff.moves.decline')}
          </SmallButton>
        </div>
      )}
    </li>
  )
}

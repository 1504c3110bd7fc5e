import { useState } from 'preact/hooks'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { Done, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'

/**
 * "Getting here is hard today?": the same time by video, before any fee, when the therapist offers it then.
 * `lead` replaces the offer's words where the client is already on their way to cancelling.
 */
export function VideoInstead({
  ctx,
  appointment: a,
  lead,
}: {
  ctx: PortalContext
  appointment: PortalAppointment
  lead?: string
}) {
  const { tr } = useWords()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState(false)

  async function switchToVideo() {
    setBusy(true)
    setProblem(null)
    try {
      await ctx.api.switchToVideo(a.id)
      setDone(true)
      ctx.announce(tr('widget.video.done'))
      ctx.refresh()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  if (done) return <Done>{tr('widget.video.done')}</Done>
  return (
    <div class="notice">
      <p>{lead ?? tr('widget.video.offer', { therapist: a.therapist.name })}</p>
      <button type="button" class="button button-secondary" onClick={switchToVideo} disabled={busy} aria-busy={busy}>
        {tr('widget.video.button')}
      </button>
      {problem !== null && <Problem error={problem} />}
    </div>
  )
}

import { isCancelReasonCode } from '../../shared/cancel-reasons'
import { groupLabel } from '../../shared/insights/groups'
import type { Cancellation } from '../../shared/schemas/appointment'
import { useWords } from '../i18n'

/** Why the client cancelled, as they chose to say it (nothing when they chose not to). */
export function CancelReason({ code, note }: { code: unknown; note?: string | null | undefined }) {
  const { tr, locale } = useWords()
  const reason = isCancelReasonCode(code) ? groupLabel('cancel_reason', code, locale) : null
  if (!reason && !note) return null
  return (
    <p class="fine cancel-reason">
      {reason && tr('staff.cancelReason.given', { reason })}
      {reason && note && ' · '}
      {note && `“${note}”`}
    </p>
  )
}

/** Who cancelled and when, with the reason. */
export function CancellationLine({ cancellation }: { cancellation: Cancellation }) {
  const { tr, when } = useWords()
  return (
    <>
      <p class="fine">
        {tr(cancellation.by === 'client' ? 'staff.cancelReason.byClient' : 'staff.cancelReason.byPractice', {
          when: cancellation.at ? when(cancellation.at, 'short') : '—',
        })}
      </p>
      <CancelReason code={cancellation.reason_code} note={cancellation.reason} />
    </>
  )
}

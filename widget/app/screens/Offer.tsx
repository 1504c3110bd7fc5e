import { useState } from 'preact/hooks'
import type { PortalOffer } from '../../../shared/schemas/portal'
import { ApiError } from '../../../ui/api-client'
import { Screen } from '../components/Screen'
import { Done, Empty, Loading, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { useLoad } from '../../../ui/use-load'

/** A freed time offered from the cancellation list: take it in one tap; the first claim wins. */
export function OfferCard({
  ctx,
  offer,
  headingLevel = 2,
}: {
  ctx: PortalContext
  offer: PortalOffer
  headingLevel?: 1 | 2
}) {
  const { tr, when } = useWords()
  const [state, setState] = useState<PortalOffer['state']>(offer.state)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const details = tr('widget.offer.lead', { when: when(offer.starts_at), therapist: offer.therapist.name })

  async function take() {
    setBusy(true)
    setProblem(null)
    try {
      await ctx.api.claimOffer(offer.id)
      setState('claimed')
      ctx.announce(tr('widget.offer.booked', { when: when(offer.starts_at), therapist: offer.therapist.name }))
      ctx.bridge.emit('confirmed')
      ctx.refresh()
    } catch (error) {
      if (error instanceof ApiError && error.code === 'offer_taken') setState('taken')
      else if (error instanceof ApiError && error.code === 'offer_expired') setState('expired')
      else setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const Title = headingLevel === 1 ? 'span' : 'h2'
  return (
    <div class="card card-offer">
      {headingLevel === 2 && <Title class="card-title">{tr('widget.offer.title')}</Title>}
      <p>{details}</p>
      {state === 'open' && (
        <>
          <p class="fine">{tr('widget.offer.until', { when: when(offer.expires_at, 'medium') })}</p>
          {problem !== null && <Problem error={problem} />}
          <button type="button" class="button button-primary" onClick={take} disabled={busy} aria-busy={busy}>
            {tr('widget.offer.take')}
          </button>
        </>
      )}
      {state === 'claimed' && (
        <Done takeFocus>
          {tr('widget.offer.booked', { when: when(offer.starts_at), therapist: offer.therapist.name })}
        </Done>
      )}
      {state === 'taken' && <p class="notice notice-info">{tr('widget.offer.taken')}</p>}
      {state === 'expired' && <p class="notice notice-info">{tr('widget.offer.expired')}</p>}
    </div>
  )
}

/** Opened from an offer email or notification (`?show=offer&id=...`). */
export function Offer({ ctx, id }: { ctx: PortalContext; id: string }) {
  const { tr } = useWords()
  const offers = useLoad(() => ctx.api.offers())
  const offer = offers.state === 'ready' ? offers.data.find((o) => o.id === id) : undefined
  return (
    <Screen
      title={tr('widget.offer.title')}
      onBack={() => ctx.go({ name: 'home' })}
      backLabel={tr('widget.sessions.title')}
    >
      {offers.state === 'loading' && <Loading />}
      {offers.state === 'error' && <Problem error={offers.error} onRetry={offers.reload} />}
      {offers.state === 'ready' &&
        (offer ? (
          <OfferCard ctx={ctx} offer={offer} headingLevel={1} />
        ) : (
          <Empty>
            <p>{tr('widget.offer.gone')}</p>
          </Empty>
        ))}
    </Screen>
  )
}

import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import { freeSession, missedSession, offer, renderPortal } from '../testing'

describe('Offers from the cancellation list', () => {
  it('shows an open offer on the home screen and takes it in one tap', async () => {
    const { calls, events } = renderPortal({ offers: async () => [offer('o1'), offer('o2', { state: 'taken' })] })
    expect(await screen.findByRole('heading', { name: 'A time opened up' })).toBeTruthy()
    expect(screen.getAllByRole('heading', { name: 'A time opened up' })).toHaveLength(1) // only open ones
    expect(
      screen.getByText(
        'Wednesday 4 March at 2:00 pm EST with Dr. Maya Rivera. You asked to hear about times like this.',
      ),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Take this time' }))
    expect(
      await screen.findByText(
        "It's yours: Wednesday 4 March at 2:00 pm EST with Dr. Maya Rivera. You'll find it with your appointments.",
      ),
    ).toBeTruthy()
    expect(calls.claimOffer).toEqual([['o1']])
    expect(events).toEqual(['confirmed'])
  })

  it('says kindly when someone else was first', async () => {
    renderPortal({
      offers: async () => [offer('o1')],
      claimOffer: async () => {
        throw new ApiError(409, 'offer_taken', 'taken')
      },
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Take this time' }))
    expect(await screen.findByText(/^Someone else took this time a moment before you\./)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Take this time' })).toBeNull()
  })

  it('opens straight on the offer from an email link, and handles one that is gone', async () => {
    renderPortal({ offers: async () => [offer('o1')] }, { initial: { show: 'offer', id: 'o1' } })
    expect(await screen.findByRole('heading', { level: 1, name: 'A time opened up' })).toBeTruthy()
    expect(await screen.findByRole('button', { name: 'Take this time' })).toBeTruthy()
  })

  it('says so when the linked offer is no longer there', async () => {
    renderPortal({ offers: async () => [] }, { initial: { show: 'offer', id: 'missing' } })
    expect(
      await screen.findByText("This time isn't on offer any more. You're still on the cancellation list."),
    ).toBeTruthy()
  })

  it('still shows home when offers cannot be fetched', async () => {
    renderPortal({
      offers: async () => {
        throw new ApiError(0, 'network', 'offline')
      },
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Your appointments' })).toBeTruthy()
    expect(screen.queryByText('A time opened up')).toBeNull()
  })

  it('a link to a missed session or a session opens that screen after sign-in', async () => {
    renderPortal(
      { appointments: async () => [missedSession, freeSession] },
      { initial: { show: 'missed', id: missedSession.id } },
    )
    expect(await screen.findByLabelText('A note for Dr. Maya Rivera (optional)')).toBeTruthy()
  })
})

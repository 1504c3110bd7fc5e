/**
 * The messages between the loader (on the practice's page) and the portal (in the iframe). They
 * carry no client data: sizes, lifecycle and event names only. Both sides name the target origin
 * when posting and check `event.origin` and `event.source` when receiving.
 *
 * Lifecycle: the loader creates the iframe (on first interest, or at once when inline) → the portal
 * posts `ready` once mounted, then `resize` whenever its content height changes → on open the loader focuses the iframe and
 * posts `opened` (the portal moves focus to its heading) → the portal posts `close` when the client
 * closes it, and `event` for what the host page may hear about (`signed-in`, `confirmed`, ...).
 * Silent sign-in: when the host page calls `Hearth.signIn(token)` (or sets data-sign-in-token),
 * the loader hands the practice-signed token to the portal with `sign-in` once it is `ready`;
 * the portal exchanges it for its own session. The token is the practice's, not client data.
 */
export const PROTOCOL = 'hearth'

/** What the host page can listen for, as `hearth:<name>` events on `window`. No detail is attached. */
export type PortalEventName =
  | 'signed-in'
  | 'signed-out'
  | 'confirmed'
  | 'cancelled'
  | 'message-sent'
  | 'waitlist-joined'

export type FromPortal = { [PROTOCOL]: 1 } & (
  | { type: 'ready' }
  | { type: 'resize'; height: number }
  | { type: 'close' }
  | { type: 'event'; name: PortalEventName }
)

export type ToPortal = { [PROTOCOL]: 1 } & ({ type: 'opened' } | { type: 'sign-in'; token: string })

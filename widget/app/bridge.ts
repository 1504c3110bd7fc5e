import { PROTOCOL, type FromPortal, type PortalEventName, type ToPortal } from '../protocol'

type Outgoing = FromPortal extends infer M ? (M extends unknown ? Omit<M, typeof PROTOCOL> : never) : never

/** The portal's side of the postMessage protocol (see ../protocol.ts). A no-op when not framed. */
export type Bridge = {
  emit(name: PortalEventName): void
  close(): void
  onOpened(listener: () => void): void
  /** A practice-signed token from the host page, for silent sign-in. */
  onSignIn(listener: (token: string) => void): void
  /** Tells the loader the portal is listening. */
  ready(): void
  /** Reports the content height to the loader whenever it changes. */
  watchSize(element: HTMLElement): void
}

export function hostBridge(win: Window, parentOrigin: string | null): Bridge {
  const framed = win.parent !== win && parentOrigin !== null
  const post = (message: Outgoing) => {
    if (framed) win.parent.postMessage({ [PROTOCOL]: 1, ...message }, parentOrigin!)
  }
  const opened = new Set<() => void>()
  const signIns = new Set<(token: string) => void>()
  if (framed) {
    win.addEventListener('message', (event: MessageEvent<ToPortal>) => {
      if (event.origin !== parentOrigin || event.source !== win.parent || event.data?.[PROTOCOL] !== 1) return
      const message = event.data
      if (message.type === 'opened') for (const listener of opened) listener()
      if (message.type === 'sign-in' && typeof message.token === 'string' && message.token.length <= 4096)
        for (const listener of signIns) listener(message.token)
    })
  }
  return {
    emit: (name) => post({ type: 'event', name }),
    close: () => post({ type: 'close' }),
    onOpened: (listener) => void opened.add(listener),
    onSignIn: (listener) => void signIns.add(listener),
    ready: () => post({ type: 'ready' }),
    watchSize(element) {
      if (!framed || typeof ResizeObserver === 'undefined') return
      let last = 0
      new ResizeObserver(() => {
        const height = Math.ceil(element.getBoundingClientRect().height)
        if (height !== last) post({ type: 'resize', height: (last = height) })
      }).observe(element)
    },
  }
}

import { LAUNCHER_LABELS } from './launcher-labels'
import { LOADER_CSS } from './loader-css'
import { PROTOCOL, type FromPortal } from './protocol'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * `/widget.js`: what a practice pastes on its site. It draws a launcher (or fills
 * `<div data-hearth-portal>`) inside a Shadow DOM and opens the portal in an iframe served
 * from Hearth's own origin. It carries no client data, never throws into the host page, and needs
 * no inline style or script, so it runs under a strict host CSP (styles are a constructed sheet).
 */
;(() => {
  const w = window
  const d = document
  // Read synchronously: currentScript is only set while this script runs.
  const script = (d.currentScript ?? d.querySelector('script[data-practice]')) as HTMLScriptElement | null
  const start = () => {
    try {
      if ((w as any).Hearth) return
      const data = script?.dataset ?? {}
      const practice = data.practice ?? ''
      if (!script || !/^[a-z0-9-]{1,48}$/.test(practice)) return
      const host = new URL(script.src).origin
      const accent = /^#[0-9a-f]{6}$/i.test(data.accent ?? '') ? data.accent! : ''
      const langs = [data.locale, ...(navigator.languages ?? [])].map((l) => (l ?? '').slice(0, 2).toLowerCase())
      const locale = langs.find((l) => l in LAUNCHER_LABELS) ?? 'en'
      const inlineSlot = d.querySelector('[data-hearth-portal]')

      const el = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Node, cls?: string) => {
        const node = parent.appendChild(d.createElement(tag))
        if (cls) node.className = cls
        return node
      }
      const hostEl = inlineSlot ?? el('div', d.body)
      const root = hostEl.attachShadow({ mode: 'open' })
      try {
        const sheet = new CSSStyleSheet()
        sheet.replaceSync(LOADER_CSS)
        root.adoptedStyleSheets = [sheet]
      } catch {
        el('style', root).textContent = LOADER_CSS
      }
      const shell = el('div', root, inlineSlot ? 'inline' : `float ${data.position === 'left' ? 'left' : 'right'}`)
      if (accent) shell.style.setProperty('--accent', accent)

      const mode = inlineSlot ? 'inline' : 'panel'
      const params = new URLSearchParams({ parent: location.origin, mode })
      if (data.locale) params.set('locale', locale)
      if (accent) params.set('accent', accent)
      let frame: HTMLIFrameElement | null = null
      let launcher: HTMLButtonElement | null = null
      let panel: HTMLElement = shell
      let open = false
      let ready = false
      let token = data.signInToken ?? ''

      const emit = (name: string) => {
        try {
          w.dispatchEvent(new CustomEvent(`hearth:${name}`))
        } catch {}
      }
      const post = (message: object) => frame?.contentWindow?.postMessage({ [PROTOCOL]: 1, ...message }, host)
      const signIn = () => {
        if (ready && token) post({ type: 'sign-in', token })
        if (ready) token = ''
      }
      const makeFrame = () => {
        if (frame) return frame
        frame = el('iframe', panel)
        frame.title = LAUNCHER_LABELS[locale as keyof typeof LAUNCHER_LABELS]
        frame.src = `${host}/portal/${practice}?${params}`
        return frame
      }

      const setOpen = (next: boolean) => {
        if (inlineSlot || next === open) return
        open = next
        shell.classList.toggle('open', open)
        launcher?.setAttribute('aria-expanded', String(open))
        if (open) {
          makeFrame().focus()
          post({ type: 'opened' })
        } else launcher?.focus()
        emit(open ? 'open' : 'close')
      }

      if (!inlineSlot) {
        panel = el('div', shell, 'panel')
        panel.setAttribute('role', 'dialog')
        panel.setAttribute('aria-label', LAUNCHER_LABELS[locale as keyof typeof LAUNCHER_LABELS])
        launcher = el('button', shell, 'launcher')
        launcher.type = 'button'
        launcher.setAttribute('aria-expanded', 'false')
        const svg = launcher.appendChild(d.createElementNS(SVG, 'svg'))
        svg.setAttribute('viewBox', '0 0 24 24')
        svg.setAttribute('aria-hidden', 'true')
        svg
          .appendChild(d.createElementNS(SVG, 'path'))
          .setAttribute(
            'd',
            'M7 3v3m10-3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z',
          )
        el('span', launcher).textContent = LAUNCHER_LABELS[locale as keyof typeof LAUNCHER_LABELS]
        launcher.onclick = () => setOpen(!open)
        // Warm the portal as soon as the client shows interest, so it is ready when they click.
        launcher.onpointerenter = launcher.onfocus = () => makeFrame()
        d.addEventListener('keydown', (e) => e.key === 'Escape' && setOpen(false))
      }
      if (inlineSlot || token) makeFrame()

      w.addEventListener('message', (event: MessageEvent<FromPortal>) => {
        const m = event.data
        if (event.origin !== host || !frame || event.source !== frame.contentWindow || !m || m[PROTOCOL] !== 1) return
        if (m.type === 'ready') {
          ready = true
          signIn()
          // Opened before the portal was listening: say it again so focus lands on its heading.
          if (open) post({ type: 'opened' })
        } else if (m.type === 'resize' && m.height > 0) frame.style.setProperty('height', `${Math.ceil(m.height)}px`)
        else if (m.type === 'close') setOpen(false)
        else if (m.type === 'event' && /^[a-z-]{1,24}$/.test(m.name)) emit(m.name)
      })

      ;(w as any).Hearth = {
        open: () => setOpen(true),
        close: () => setOpen(false),
        signIn: (practiceToken: string) => {
          token = String(practiceToken)
          makeFrame()
          signIn()
        },
      }
    } catch {
      // Never break the practice's own page.
    }
  }
  // An async script can run before the page's body (and its inline slot) has been parsed.
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start)
  else start()
})()

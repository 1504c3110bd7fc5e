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
      if (!script) return
      const data = script.dataset
      const practice = data.practice ?? ''
      if (!/^[a-z0-9-]{1,48}$/.test(practice)) return
      const host = new URL(script.src).origin
      const accent = /^#[0-9a-f]{6}$/i.test(data.accent ?? '') ? data.accent! : ''
      const langs = [data.locale, ...navigator.languages].map((l) => (l ?? '').slice(0, 2).toLowerCase())
      const locale = langs.find((l) => l in LAUNCHER_LABELS) ?? 'en'
      const label = LAUNCHER_LABELS[locale as keyof typeof LAUNCHER_LABELS]
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

      // A host listener that throws is reported by the browser, never back to us.
      const emit = (name: string) => w.dispatchEvent(new Event(`hearth:${name}`))
      const post = (message: object) => frame?.contentWindow?.postMessage({ [PROTOCOL]: 1, ...message }, host)
      const signIn = () => {
        if (ready && token) post({ type: 'sign-in', token })
        if (ready) token = ''
      }
      const makeFrame = () => {
        if (frame) return frame
        frame = el('iframe', panel)
        frame.title = label
        frame.src = `${host}/portal/${practice}?${params}`
        return frame
      }

      // On a phone the open panel covers the page, so it is modal: the page behind is inert until it closes.
      const phone = w.matchMedia('(max-width:640px)')
      let madeInert: HTMLElement[] = []
      const modal = () => {
        const on = open && phone.matches
        panel.setAttribute('aria-modal', String(on))
        for (const node of madeInert) node.inert = false
        madeInert = on ? ([...d.body.children] as HTMLElement[]).filter((n) => n !== hostEl && !n.inert) : []
        for (const node of madeInert) node.inert = true
      }
      phone.addEventListener('change', modal)

      const setOpen = (next: boolean) => {
        if (inlineSlot || next === open) return
        open = next
        shell.classList.toggle('open', open)
        modal()
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
        panel.setAttribute('aria-label', label)
        launcher = el('button', shell, 'launcher')
        launcher.setAttribute('aria-expanded', 'false')
        const svg = launcher.appendChild(d.createElementNS(SVG, 'svg'))
        svg.setAttribute('viewBox', '0 0 24 24')
        svg.setAttribute('aria-hidden', 'true')
        svg.appendChild(d.createElementNS(SVG, 'path')).setAttribute('d', 'M4 5h16v15H4zM8 3v4m8-4v4M4 10h16')
        launcher.append(label)
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
        } else if (m.type === 'resize' && m.height > 0) frame.style.height = `${Math.ceil(m.height)}px`
        else if (m.type === 'close') setOpen(false)
        // Origin and source are checked above: only Hearth's own portal names an event.
        else if (m.type === 'event') emit(m.name)
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

import '../../ui/styles.css'
import './styles.css'
import { render } from 'preact'
import { httpPortalApi } from './api'
import { App } from './App'
import { readBoot } from './boot'
import { hostBridge } from './bridge'
import { IDLE_SIGN_OUT_MS } from './idle'
import { browserSessionStore } from './session-store'
import { applyTheme, themeFor } from '../../ui/theme'

/** The portal page's entry: read where we are, theme, and mount. */
const framed = window.parent !== window
const boot = readBoot(location, document, framed)
applyTheme(document.documentElement, themeFor(boot.accent))
document.documentElement.classList.add(`mode-${boot.mode}`)

const store = browserSessionStore(boot.practice.slug)
const api = httpPortalApi({ base: '', practice: boot.practice.slug, store })
const stale = store.read()
// A session left idle (a closed tab on a shared computer) does not come back to life.
if (stale && Date.now() - stale.last_active > IDLE_SIGN_OUT_MS) void api.signOut()

const bridge = hostBridge(window, boot.parentOrigin)
const root = document.getElementById('app')!
render(<App boot={boot} api={api} bridge={bridge} store={store} />, root)
// The first screen (the sign-in form, or the signed-in shell) is up: `npm run bench` reads this mark.
performance.mark('hearth:first-screen')
bridge.watchSize(root)

import '../ui/styles.css'
import './staff.css'
import { render } from 'preact'
import { applyTheme, themeFor } from '../ui/theme'
import { PasskeySignIn } from './components/PasskeySignIn'
import { Passkeys } from './components/Passkeys'
import { Console } from './Console'
import { passkeyClient } from './passkeys'

/** The staff console's entry: the practice's calm look, then the console, with its passkeys. */
applyTheme(document.documentElement, themeFor())
const passkeys = passkeyClient()
render(
  <Console
    languages={navigator.languages ?? []}
    passkey={({ use, onSignedIn }) => (
      <PasskeySignIn client={passkeys} onSignedIn={onSignedIn} id={`passkey-${use.replace('_', '-')}`} />
    )}
    passkeys={({ ctx }) => <Passkeys client={passkeys} onChanged={() => ctx.refreshMe().catch(() => undefined)} />}
  />,
  document.getElementById('app')!,
)

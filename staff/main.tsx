import '../ui/styles.css'
import './staff.css'
import { render } from 'preact'
import { applyTheme, themeFor } from '../ui/theme'
import { Console } from './Console'

/** The staff console's entry: the practice's calm look, then the console. */
applyTheme(document.documentElement, themeFor())
render(<Console languages={navigator.languages ?? []} />, document.getElementById('app')!)

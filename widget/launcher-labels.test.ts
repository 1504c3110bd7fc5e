import { describe, expect, it } from 'vitest'
import { t } from './app/i18n'
import { LAUNCHER_LABELS } from './launcher-labels'

describe('launcher labels', () => {
  it.each(['en', 'es', 'fr'] as const)('%s matches widget.launcher in widget/app/i18n', (locale) => {
    expect(LAUNCHER_LABELS[locale]).toBe(t(locale, 'widget.launcher'))
  })
})

import { render, screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { CrisisResources } from '../components/CrisisResources'
import { appointment, InWords, me, renderPortal } from '../testing'

// The practice saved its US crisis lines and session kinds in English; a Spanish reader meets none of it.
describe('the portal in Spanish', () => {
  it('names the crisis lines in Spanish, and says 988 answers in Spanish', () => {
    render(
      <InWords locale="es">
        <CrisisResources resources={me().crisis_resources} />
      </InWords>,
    )
    const crisis = screen.getByRole('region', { name: 'Si necesitas ayuda ahora mismo' })
    expect(within(crisis).getByText('Servicios de emergencia')).toBeTruthy()
    expect(
      within(crisis).getByText(/^Línea 988 de Prevención del Suicidio y Crisis \(en español: oprima 2\)/),
    ).toBeTruthy()
    expect(within(crisis).getByText(/las 24 horas, todos los días/)).toBeTruthy()
    expect(crisis.textContent).not.toMatch(/Emergency|Lifeline|24\/7/)
  })

  it('names the kind of session in Spanish', async () => {
    renderPortal(
      { appointments: async () => [appointment('a-video', '2026-03-09T14:00:00Z', { type: 'Video session' })] },
      { locale: 'es' },
    )
    expect(await screen.findByText(/· Sesión por videollamada$/)).toBeTruthy()
    expect(screen.queryByText(/Video session/)).toBeNull()
  })
})

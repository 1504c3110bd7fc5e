import { render, screen, within } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import { CrisisResources } from '../components/CrisisResources'
import Portal from '../Portal'
import { appointment, config, fakeApi, fakeBridge, InWords, me, NOW } from '../testing'

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
    const { api } = fakeApi({
      appointments: async () => [appointment('a-video', '2026-03-09T14:00:00Z', { type: 'Video session' })],
    })
    render(
      <InWords locale="es">
        <Portal
          api={api}
          bridge={fakeBridge().bridge}
          config={config}
          announce={vi.fn()}
          onMe={() => {}}
          now={() => NOW}
        />
      </InWords>,
    )
    expect(await screen.findByText(/· Sesión por videollamada$/)).toBeTruthy()
    expect(screen.queryByText(/Video session/)).toBeNull()
  })
})

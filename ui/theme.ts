/**
 * Colours derived from the practice's accent so that text stays readable (WCAG AA) whatever
 * colour the practice picks: white or dark text on the accent, and a darkened accent for links.
 */
const INK = '#1d2b28'
const BACKGROUND = '#fbfaf7'

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

function darken(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

export type Theme = { accent: string; onAccent: string; accentText: string }

export function themeFor(chosen = '#2f6f62'): Theme {
  // A mid-tone accent may suit neither white nor dark text: deepen it until white reads well on it.
  let accent = chosen
  if (contrast('#ffffff', accent) < 4.5 && contrast(INK, accent) < 4.5) {
    for (let step = 0.05; contrast('#ffffff', accent) < 4.5 && step < 1; step += 0.05) accent = darken(chosen, step)
  }
  const onAccent = contrast('#ffffff', accent) >= 4.5 ? '#ffffff' : INK
  let accentText = accent
  for (let step = 0.08; contrast(accentText, BACKGROUND) < 4.8 && step < 1; step += 0.08)
    accentText = darken(accent, step)
  return { accent, onAccent, accentText }
}

export function applyTheme(root: HTMLElement, theme: Theme) {
  root.style.setProperty('--accent', theme.accent)
  root.style.setProperty('--on-accent', theme.onAccent)
  root.style.setProperty('--accent-text', theme.accentText)
}

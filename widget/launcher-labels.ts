/**
 * The launcher's label, kept out of the full dictionaries so `/widget.js` stays tiny. A test checks
 * these equal `widget.launcher` in widget/app/i18n, so the words live (and are reviewed) there.
 */
export const LAUNCHER_LABELS = {
  en: 'My appointments',
  es: 'Mis citas',
  fr: 'Mes rendez-vous',
} as const

/** The usual names of a session's kind, as practices and EHRs write them (shared/services.ts reads them). */
export const en = {
  'service.individual': 'Individual session',
  'service.video': 'Video session',
  'service.couples': 'Couples therapy',
  'service.family': 'Family session',
  'service.group': 'Group session',
  'service.intake': 'First session',
  'service.consultation': 'Consultation',
  'service.phone': 'Phone session',
} as const

/** What ui/'s own parts say (the loading state, the retry button), in both apps. */
export const en = {
  'ui.retry': 'Try again',
  'ui.loading': 'Loading…',
} as const

/** The portal screens a link in an email, text, notification or link page opens after sign-in (`?show=...&id=...`). */
export const PORTAL_SCREENS = ['missed', 'offer', 'sessions', 'session', 'messages', 'reschedule', 'waiver'] as const
export type PortalScreen = (typeof PORTAL_SCREENS)[number]

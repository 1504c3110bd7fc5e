/**
 * The portal session lives in the iframe's own storage (partitioned by the browser under the
 * practice's site), never in cookies and never on the practice's page. Storage can be refused in
 * a third-party frame, so every access is guarded and falls back to memory for this visit.
 */
export type StoredSession = {
  access_token: string
  refresh_token: string
  /** Epoch ms when the access token expires. */
  expires_at: number
  /** Epoch ms of the client's last interaction, for the inactivity sign-out. */
  last_active: number
}

export type SessionStore = {
  read(): StoredSession | null
  write(session: StoredSession | null): void
}

export function browserSessionStore(slug: string, storage: () => Storage = () => localStorage): SessionStore {
  const key = `hearth.session.${slug}`
  let memory: StoredSession | null = null
  return {
    read() {
      try {
        const raw = storage().getItem(key)
        return raw ? (JSON.parse(raw) as StoredSession) : memory
      } catch {
        return memory
      }
    },
    write(session) {
      memory = session
      try {
        if (session) storage().setItem(key, JSON.stringify(session))
        else storage().removeItem(key)
      } catch {
        // Memory keeps it for this visit.
      }
    },
  }
}

export function memorySessionStore(initial: StoredSession | null = null): SessionStore {
  let value = initial
  return {
    read: () => value,
    write: (session) => {
      value = session
    },
  }
}

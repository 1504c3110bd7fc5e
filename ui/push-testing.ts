import type { PushBrowser } from './push'

/**
 * A browser's service workers, push manager and notification permission, scripted: what the
 * portal asks of each is logged in order, so a test can see that permission is asked only on the
 * press and before anything is registered.
 */
export function fakeBrowser(
  options: {
    permission?: NotificationPermission
    answer?: NotificationPermission
    topLevel?: boolean
    supported?: boolean
    subscribed?: boolean
    marker?: { client: string } | null
    /** Whose marker storage holds: the practice's slug, or the console's own key. */
    slug?: string
  } = {},
) {
  const log: string[] = []
  const endpoint = 'https://push.example.net/send/device-1'
  const subscription = {
    endpoint,
    unsubscribed: false,
    toJSON: () => ({
      endpoint,
      expirationTime: null,
      keys: { p256dh: 'BPkey-p256dh-0123456789', auth: 'auth-secret-1' },
    }),
    async unsubscribe() {
      log.push('unsubscribe')
      current = null
      return true
    },
  }
  let current: typeof subscription | null = options.subscribed ? subscription : null
  let registered = Boolean(options.subscribed)
  const registration = {
    pushManager: {
      getSubscription: async () => current,
      async subscribe(o: PushSubscriptionOptionsInit) {
        const key = o.applicationServerKey as Uint8Array
        log.push(`subscribe visible=${o.userVisibleOnly} key=${key.length} bytes, first ${key[0]}`)
        current = subscription
        return subscription
      },
    },
  }
  const notification = {
    permission: options.permission ?? 'default',
    async requestPermission() {
      log.push('ask permission')
      notification.permission = options.answer ?? 'granted'
      return notification.permission
    },
  }
  const stored = new Map<string, string>()
  if (options.marker)
    stored.set(`hearth.push.${options.slug ?? 'demo'}`, JSON.stringify({ endpoint, client: options.marker.client }))
  const storage = {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  } as Storage
  const browser: PushBrowser = {
    supported: options.supported ?? true,
    topLevel: options.topLevel ?? true,
    serviceWorker: {
      async register(url: string | URL, o?: RegistrationOptions) {
        log.push(`register ${url} scope=${o?.scope}`)
        registered = true
        return registration as unknown as ServiceWorkerRegistration
      },
      getRegistration: async () => (registered ? (registration as unknown as ServiceWorkerRegistration) : undefined),
      get ready() {
        return Promise.resolve(registration as unknown as ServiceWorkerRegistration)
      },
    },
    notification,
    storage: () => storage,
  }
  return { browser, log, subscription, stored, endpoint }
}

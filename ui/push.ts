/** A browser's web push subscription as Hearth stores it. */
export type PushDevice = { endpoint: string; keys: { p256dh: string; auth: string } }

/** What turning push on and off asks of Hearth: the portal's routes for a client, the staff ones for staff. */
export type PushApi = {
  vapidPublicKey(): Promise<string>
  savePushSubscription(subscription: PushDevice): Promise<void>
  deletePushSubscription(endpoint: string): Promise<void>
}

/**
 * Notifications on this device (web push): a client's reminders in the portal opened on its own on
 * Hearth's origin (browsers do not let a frame on another site ask), a staff member's urgent pages
 * in the console. The service worker is
 * Hearth's `/hearth-sw.js` at scope `/`; permission is asked only when the client presses the
 * button. Everything the browser offers comes in through `PushBrowser`, so tests pass a fake.
 */

export type PushState = 'unsupported' | 'blocked' | 'off' | 'on'

export type PushBrowser = {
  /** Push can work here at all: a service worker container, notifications and a PushManager. */
  supported: boolean
  /** The portal is the top-level page (not framed by a practice's site). */
  topLevel: boolean
  serviceWorker?: Pick<ServiceWorkerContainer, 'register' | 'getRegistration' | 'ready'> | undefined
  notification?:
    | { readonly permission: NotificationPermission; requestPermission(): Promise<NotificationPermission> }
    | undefined
  storage?: () => Storage
}

export const SERVICE_WORKER_URL = '/hearth-sw.js'
const SCOPE = '/'

export function browserPush(win: Window & typeof globalThis): PushBrowser {
  const serviceWorker = win.navigator.serviceWorker
  const notification = win.Notification
  return {
    supported: Boolean(serviceWorker && notification && 'PushManager' in win),
    topLevel: win.top === win,
    serviceWorker,
    notification,
    storage: () => win.localStorage,
  }
}

/**
 * Which client turned reminders on with which subscription, so a second client on a shared device
 * does not see "on" for the first one's reminders. Storage can be refused: then nothing is known.
 */
type Marker = { endpoint: string; client: string }
const markerKey = (slug: string) => `hearth.push.${slug}`

function readMarker(browser: PushBrowser, slug: string): Marker | null {
  try {
    const raw = browser.storage?.().getItem(markerKey(slug))
    return raw ? (JSON.parse(raw) as Marker) : null
  } catch {
    return null
  }
}

function writeMarker(browser: PushBrowser, slug: string, marker: Marker | null) {
  try {
    const storage = browser.storage?.()
    if (marker) storage?.setItem(markerKey(slug), JSON.stringify(marker))
    else storage?.removeItem(markerKey(slug))
  } catch {
    // Without storage the state reads as off next time; turning it on again is harmless.
  }
}

async function currentSubscription(browser: PushBrowser): Promise<PushSubscription | null> {
  const registration = await browser.serviceWorker?.getRegistration(SCOPE)
  return (await registration?.pushManager.getSubscription()) ?? null
}

/** Whose notifications these are: a practice's client (`slug`, the client) or a console's person. */
export type Who = { slug: string; clientId: string }

/** Where things stand for this client on this device, without asking the browser for anything. */
export async function readPushState(browser: PushBrowser, who: Who): Promise<PushState> {
  if (!browser.supported || !browser.notification) return 'unsupported'
  if (browser.notification.permission === 'denied') return 'blocked'
  if (browser.notification.permission !== 'granted') return 'off'
  const subscription = await currentSubscription(browser)
  const marker = readMarker(browser, who.slug)
  return subscription && marker?.endpoint === subscription.endpoint && marker.client === who.clientId ? 'on' : 'off'
}

/**
 * Turns reminders on: asks permission first (while the press still counts as the client's own
 * act), then registers the service worker, subscribes with the VAPID key and stores the
 * subscription. A subscription the server did not take is undone, so "on" is never half true.
 */
export async function turnPushOn(browser: PushBrowser, api: PushApi, who: Who): Promise<PushState> {
  if (!browser.supported || !browser.notification || !browser.serviceWorker) return 'unsupported'
  const permission = await browser.notification.requestPermission()
  if (permission === 'denied') return 'blocked'
  if (permission !== 'granted') return 'off'
  await browser.serviceWorker.register(SERVICE_WORKER_URL, { scope: SCOPE })
  const registration = await withinTime(browser.serviceWorker.ready, READY_WITHIN_MS)
  const key = await api.vapidPublicKey()
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: fromBase64Url(key),
  })
  try {
    await api.savePushSubscription(deviceOf(subscription))
  } catch (error) {
    await subscription.unsubscribe().catch(() => false)
    throw error
  }
  writeMarker(browser, who.slug, { endpoint: subscription.endpoint, client: who.clientId })
  return 'on'
}

/** Turns reminders off: the server forgets the device first, then the browser's subscription goes. */
export async function turnPushOff(browser: PushBrowser, api: PushApi, who: Who): Promise<PushState> {
  const subscription = await currentSubscription(browser)
  if (subscription) {
    await api.deletePushSubscription(subscription.endpoint)
    await subscription.unsubscribe()
  }
  writeMarker(browser, who.slug, null)
  return 'off'
}

/** A worker that fails to install leaves `ready` waiting for ever: give up and say so instead. */
const READY_WITHIN_MS = 15_000

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The service worker did not start.')), ms)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

function deviceOf(subscription: PushSubscription): PushDevice {
  const json = subscription.toJSON()
  return { endpoint: subscription.endpoint, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } }
}

/** The VAPID key as the bytes `applicationServerKey` takes. */
export function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { SERVICE_WORKER_JS } from './service-worker'

/** Runs the service worker in a bare context with just the APIs a browser gives it. */
function serviceWorker() {
  const listeners: Record<string, (event: unknown) => void> = {}
  const shown: { title: string; options: any }[] = []
  const opened: string[] = []
  const fetched: { url: string; init: any }[] = []
  const waits: Promise<unknown>[] = []
  const self = {
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      listeners[type] = listener
    },
    registration: {
      showNotification: async (title: string, options: unknown) => {
        shown.push({ title, options })
      },
    },
    clients: {
      openWindow: async (url: string) => {
        opened.push(url)
      },
    },
  }
  const fetch = async (url: string, init: unknown) => {
    fetched.push({ url, init })
    return {}
  }
  runInNewContext(SERVICE_WORKER_JS, { self, fetch })
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    listeners[type]!({ ...event, waitUntil: (p: Promise<unknown>) => waits.push(p) })
    await Promise.all(waits)
  }
  return { dispatch, shown, opened, fetched }
}

const payload = {
  title: 'Please confirm your appointment',
  body: 'Your appointment on Tue 14 Jan at 3:00 pm with Calm Waters.',
  tag: 'abc123',
  url: 'https://hearth.example/v1/actions/CONFIRM',
  lang: 'en',
  actions: [
    { action: 'confirm', title: 'Confirm', url: 'https://hearth.example/v1/actions/CONFIRM' },
    { action: 'cancel', title: 'Cancel', url: 'https://hearth.example/v1/actions/CANCEL' },
  ],
}

describe('hearth-sw.js', () => {
  it('shows the reminder with Confirm and Cancel, tagged so a repeat replaces it', async () => {
    const sw = serviceWorker()
    await sw.dispatch('push', { data: { json: () => payload } })
    expect(sw.shown).toHaveLength(1)
    expect(sw.shown[0]!.title).toBe(payload.title)
    expect(sw.shown[0]!.options).toMatchObject({
      body: payload.body,
      tag: 'abc123',
      actions: [
        { action: 'confirm', title: 'Confirm' },
        { action: 'cancel', title: 'Cancel' },
      ],
    })
  })

  it('Confirm posts the link; Cancel and a plain tap open a page', async () => {
    const sw = serviceWorker()
    await sw.dispatch('push', { data: { json: () => payload } })
    const notification = { data: sw.shown[0]!.options.data, close: () => {} }
    await sw.dispatch('notificationclick', { action: 'confirm', notification })
    expect(sw.fetched).toEqual([
      { url: payload.actions[0]!.url, init: { method: 'POST', mode: 'no-cors', credentials: 'omit' } },
    ])
    await sw.dispatch('notificationclick', { action: 'cancel', notification })
    await sw.dispatch('notificationclick', { action: '', notification })
    expect(sw.opened).toEqual([payload.actions[1]!.url, payload.url])
  })

  it('survives a payload that is not JSON', async () => {
    const sw = serviceWorker()
    await sw.dispatch('push', {
      data: {
        json: () => {
          throw new SyntaxError('bad')
        },
      },
    })
    expect(sw.shown[0]!.title).toBe('Your appointment')
  })
})

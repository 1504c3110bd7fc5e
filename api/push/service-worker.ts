/**
 * `hearth-sw.js`: the service worker a practice hosts at the root of its own website (web push is
 * bound to the origin that subscribed). Served at `GET /hearth-sw.js` for the practice to copy.
 * It shows Hearth's reminder notifications with their Confirm and Cancel buttons: Confirm posts the
 * signed single-use link at once; Cancel opens the link's page, which shows the cancellation
 * policy and any fee before anything happens. The `tag` makes a repeated reminder replace the
 * first instead of stacking. Plain ES2017, no imports, nothing else on the practice's site touched.
 */
export const SERVICE_WORKER_JS = `/* Hearth reminders: host this file at your site's root as /hearth-sw.js. */
'use strict'

self.addEventListener('push', function (event) {
  var data = {}
  try {
    data = event.data ? event.data.json() : {}
  } catch (error) {
    data = {}
  }
  var actions = Array.isArray(data.actions) ? data.actions.slice(0, 2) : []
  var urls = {}
  actions.forEach(function (a) {
    urls[a.action] = a.url
  })
  event.waitUntil(
    self.registration.showNotification(data.title || 'Your appointment', {
      body: data.body || '',
      tag: data.tag || undefined,
      lang: data.lang || undefined,
      data: { url: data.url || null, actions: urls },
      actions: actions.map(function (a) {
        return { action: a.action, title: a.title }
      }),
    }),
  )
})

self.addEventListener('notificationclick', function (event) {
  var notification = event.notification
  var data = notification.data || {}
  var urls = data.actions || {}
  notification.close()
  if (event.action === 'confirm' && urls.confirm) {
    // One tap: the link is signed and works once; no sign-in is needed.
    event.waitUntil(
      fetch(urls.confirm, { method: 'POST', mode: 'no-cors', credentials: 'omit' }).catch(function () {
        return self.clients.openWindow(urls.confirm)
      }),
    )
    return
  }
  var url = event.action === 'cancel' ? urls.cancel : data.url
  if (url) event.waitUntil(self.clients.openWindow(url))
})
`

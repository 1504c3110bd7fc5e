import type { NotificationSettings } from '../shared/schemas/notifications'
import { ApiError, refusal } from '../ui/api-client'

/**
 * How the signed-in person is told (GET, PUT /v1/staff/me/notifications), on their own: the
 * Account screen places `NotificationSettings` with this, and tests give it a scripted one.
 * Same-origin with the staff session cookie (an unsafe method carries Hearth's own Origin).
 */
export type NotificationsApi = {
  load(): Promise<NotificationSettings>
  save(settings: NotificationSettings): Promise<NotificationSettings>
}

export function httpNotificationsApi(options: { base?: string; fetch?: typeof fetch } = {}): NotificationsApi {
  const base = options.base ?? ''
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  async function call(method: 'GET' | 'PUT', body?: NotificationSettings): Promise<NotificationSettings> {
    let response: Response
    try {
      response = await doFetch(`${base}/v1/staff/me/notifications`, {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        credentials: 'same-origin',
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
    } catch {
      throw new ApiError(0, 'network', 'Hearth could not be reached.')
    }
    if (!response.ok) throw await refusal(response)
    return (await response.json()) as NotificationSettings
  }
  return { load: () => call('GET'), save: (settings) => call('PUT', settings) }
}

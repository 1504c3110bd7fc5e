import type { NotificationSettings } from '../shared/schemas/notifications'

/**
 * How the signed-in person is told (GET, PUT /v1/staff/me/notifications): the Account screen gives
 * `NotificationSettings` the console's own API (so the session's idle time and 401 hear of it);
 * tests give it a scripted one.
 */
export type NotificationsApi = {
  load(): Promise<NotificationSettings>
  save(settings: NotificationSettings): Promise<NotificationSettings>
}

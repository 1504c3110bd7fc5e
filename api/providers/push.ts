import type { Agent } from 'node:https'
import webpush from 'web-push'
import { isPermanentStatus, SendError } from './send-error'

/**
 * Web push with VAPID through the `web-push` library (Node only: it needs node:https and node:crypto,
 * so on Workers there is no push sender and push reminders wait for a Node dispatcher).
 */

export type PushSubscriptionKeys = { endpoint: string; keys: { p256dh: string; auth: string } }

export type PushMessage = {
  subscription: PushSubscriptionKeys
  /** JSON, far under 4 KB. */
  payload: string
  /** Collapses copies of one reminder at the push service, should a retry send it again. */
  topic: string
  ttlSeconds: number
}

export type PushSender = {
  /** The VAPID public key a page needs to subscribe. */
  publicKey: string
  send(message: PushMessage): Promise<void>
}

export type VapidKeys = { publicKey: string; privateKey: string }

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys()
}

export function webPushSender(options: VapidKeys & { subject: string; agent?: Agent; timeoutMs?: number }): PushSender {
  const vapidDetails = { subject: options.subject, publicKey: options.publicKey, privateKey: options.privateKey }
  return {
    publicKey: options.publicKey,
    async send(message) {
      try {
        await webpush.sendNotification(message.subscription, message.payload, {
          vapidDetails,
          TTL: message.ttlSeconds,
          topic: message.topic,
          urgency: 'normal',
          timeout: options.timeoutMs ?? 10_000,
          ...(options.agent ? { agent: options.agent } : {}),
        })
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode ?? 0
        if (status === 404 || status === 410) throw new SendError('The push subscription has expired.', true, true)
        throw new SendError(
          status
            ? `The push service answered ${status}.`
            : `The push service could not be reached: ${(error as Error).message}`,
          isPermanentStatus(status),
        )
      }
    },
  }
}

import { reminderHandler } from '../reminders/send-reminder'
import { smsReplyHandler } from '../reminders/send-sms-reply'
import type { OutboxHandler } from './dispatch'

/** Every kind of outbox row and the handler that sends it. Outbound webhooks join this list. */
export const outboxHandlers: OutboxHandler<any>[] = [reminderHandler, smsReplyHandler]

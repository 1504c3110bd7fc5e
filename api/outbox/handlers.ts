import { clientNoticeHandler } from '../notices/send-notice'
import { staffPageHandler } from '../paging/send-page'
import { reminderHandler } from '../reminders/send-reminder'
import { smsReplyHandler } from '../reminders/send-sms-reply'
import { staffNoticeHandler } from '../staff-notices/send'
import { webhookHandler } from '../webhooks/send-webhook'
import type { OutboxHandler } from './dispatch'

/** Every kind of outbox row and the handler that sends it. */
export const outboxHandlers: OutboxHandler<any>[] = [
  reminderHandler,
  smsReplyHandler,
  clientNoticeHandler,
  staffPageHandler,
  staffNoticeHandler,
  webhookHandler,
]

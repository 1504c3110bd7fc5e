-- Housekeeping (api/housekeeping.ts) deletes what has outlived its use, in small batches every
-- hour. These indexes let each batch find its rows without reading the whole table.

create index rate_limits_window on rate_limits (window_started_at);
create index portal_sign_in_codes_expires on portal_sign_in_codes (expires_at);
create index portal_exchange_tokens_expires on portal_exchange_tokens (expires_at);
create index portal_sessions_expires on portal_sessions (expires_at);
create index portal_sessions_revoked on portal_sessions (revoked_at) where revoked_at is not null;
create index inbound_events_received on inbound_events (received_at);
-- Finished outbox rows that are deleted in time (replies, notices, webhooks; reminders never
-- sent). Sent and failed reminders are kept: insights and the staff's delivery audit read them.
create index outbox_finished_messages on outbox (topic, updated_at)
  where status <> 'pending' and topic <> 'reminder';
create index outbox_unsent_reminders on outbox (updated_at)
  where topic = 'reminder' and status in ('cancelled', 'skipped');

-- Email reminders sent through Resend's batch endpoint (POST /emails/batch, up to 100 emails under
-- one Idempotency-Key). A batch is written and committed here, on a connection of its own, before
-- it is posted, while the claiming transaction still holds its outbox rows. Committed, it outlives
-- a dispatcher that dies mid-send: its rows are claimed by nobody else, and the batch is posted
-- again exactly as recorded (same key, same body), which Resend answers with the first post's ids
-- instead of sending anything twice. A batch whose outcome is known is deleted with the rows'
-- outcomes, in the claiming transaction.
create table email_batches (
  -- The batch's Idempotency-Key.
  key text primary key check (length(key) between 1 and 256),
  -- The outbox rows, in the order of `messages`.
  outbox_ids uuid[] not null,
  -- The emails as posted (JSON text, so that a second post is byte for byte the first).
  messages text not null,
  created_at timestamptz not null,
  -- When a dispatcher may post it again (a dead dispatcher's batch: at once).
  retry_at timestamptz not null
);
create index email_batches_rows on email_batches using gin (outbox_ids);
create index email_batches_due on email_batches (retry_at);
-- Only dispatchers (system work) read or write it: no tenant ever sees it.
alter table email_batches enable row level security;
alter table email_batches force row level security;
create policy system_only on email_batches using (hearth_is_system()) with check (hearth_is_system());
-- The tenant role gets no grant on it (no migration grants on all tables or by default); revoked
-- explicitly so that a later blanket grant cannot open it to hearth_app unnoticed.
revoke all on email_batches from public, hearth_app;

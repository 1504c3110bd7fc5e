-- Reminders and everything that leaves Hearth on its own: the outbox, per-client channel state,
-- push subscriptions, each practice's SMS gateway, inbound event de-duplication and the record of
-- used action links.

-- One row per message to send. Reminders are rewritten in the transaction that changes their
-- appointment; the dispatcher claims due rows with FOR UPDATE SKIP LOCKED and sends each with its
-- idempotency key, so a retry or a second dispatcher never produces a second message. `topic` says
-- what the row is for ('reminder', 'sms_reply', and later 'webhook'); `payload` carries what a
-- non-reminder send needs (the reply text, a webhook body and its endpoint).
create table outbox (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  topic text not null check (topic ~ '^[a-z_]{1,40}$'),
  channel text not null check (channel in ('email', 'sms', 'push', 'webhook')),
  idempotency_key text not null check (length(idempotency_key) between 1 and 256),
  appointment_id uuid,
  client_id uuid,
  reminder_kind text check (reminder_kind in ('confirmation', 'morning_of')),
  payload jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'cancelled', 'skipped')),
  -- When it was planned to go; `due_at` is the next attempt (later than send_at after a failure).
  send_at timestamptz not null,
  due_at timestamptz not null,
  attempts integer not null default 0,
  last_error text,
  -- Why a row was cancelled, skipped or given up on: moved, cancelled, confirmed, opted_out, ...
  closed_reason text,
  provider_message_id text,
  sent_at timestamptz,
  delivery_status text check (delivery_status in ('delivered', 'delayed', 'bounced', 'complained', 'failed')),
  delivery_updated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, idempotency_key),
  unique (practice_id, id),
  foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  check ((topic = 'reminder') = (reminder_kind is not null and appointment_id is not null))
);
create index outbox_due on outbox (due_at) where status = 'pending';
create index outbox_appointment on outbox (appointment_id, send_at) where appointment_id is not null;
create index outbox_client_pending on outbox (client_id) where status = 'pending';
create index outbox_provider_message on outbox (provider_message_id) where provider_message_id is not null;

-- Why a client gets nothing on a channel: they opted out (STOP, a spam complaint), or it is
-- failing (a bounce, a dead number). A row exists only once something happened on the channel.
create table client_channels (
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  channel text not null check (channel in ('email', 'sms', 'push')),
  opted_out_at timestamptz,
  opted_out_via text,
  failing_since timestamptz,
  failing_reason text,
  updated_at timestamptz not null default now(),
  primary key (practice_id, client_id, channel),
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade
);

create table push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  endpoint text not null check (length(endpoint) <= 1000),
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null default now(),
  last_sent_at timestamptz,
  unique (practice_id, endpoint),
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade
);
create index push_subscriptions_client on push_subscriptions (client_id);

-- The practice's own SMS gateway: Hearth POSTs texts there signed like Standard Webhooks with
-- this secret, and verifies replies posted to /v1/inbound/sms with the same secret.
create table sms_gateways (
  practice_id uuid primary key references practices (id) on delete cascade,
  url text not null check (url ~ '^https?://'),
  signing_secret text not null,
  updated_at timestamptz not null default now()
);

-- Provider webhooks are delivered at least once: the event id (svix-id / webhook-id) is kept so a
-- redelivery changes nothing.
create table inbound_events (
  practice_id uuid not null references practices (id) on delete cascade,
  source text not null check (source in ('resend', 'sms')),
  event_id text not null check (length(event_id) between 1 and 200),
  received_at timestamptz not null default now(),
  primary key (practice_id, source, event_id)
);

-- A reminder's Confirm / Cancel / Reschedule links are signed, and each works once.
create table action_link_uses (
  practice_id uuid not null references practices (id) on delete cascade,
  outbox_id uuid not null,
  action text not null check (action in ('confirm', 'cancel', 'reschedule')),
  appointment_id uuid not null,
  used_at timestamptz not null default now(),
  primary key (practice_id, outbox_id, action),
  foreign key (practice_id, outbox_id) references outbox (practice_id, id) on delete cascade
);

do $$
declare t text;
begin
  foreach t in array array['outbox', 'client_channels', 'push_subscriptions', 'sms_gateways', 'inbound_events',
                           'action_link_uses'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;

grant select, insert, update, delete on outbox, client_channels, push_subscriptions, sms_gateways, inbound_events,
  action_link_uses to hearth_app;

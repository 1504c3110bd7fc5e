-- WhatsApp through the Cloud API: the practice's number and sealed credentials, clients' consent,
-- the 24-hour customer window, and at-most-once sends (WhatsApp takes no idempotency key).

-- One WhatsApp business number per practice. The access token, app secret and verify token are
-- sealed (AES-GCM under a key derived from HEARTH_SECRET, bound to the practice) and never shown again.
create table whatsapp_connections (
  practice_id uuid primary key references practices (id) on delete cascade,
  phone_number_id text not null check (phone_number_id ~ '^[0-9A-Za-z_-]{1,64}$'),
  api_base_url text not null check (api_base_url ~ '^https?://'),
  access_token bytea not null,
  access_token_iv bytea not null,
  app_secret bytea not null,
  app_secret_iv bytea not null,
  verify_token bytea not null,
  verify_token_iv bytea not null,
  -- `{kind: {locale: {name, language}}}`: the practice's approved templates.
  templates jsonb not null default '{}',
  updated_at timestamptz not null default now()
);
alter table whatsapp_connections enable row level security;
alter table whatsapp_connections force row level security;
create policy tenant on whatsapp_connections
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
grant select, insert, update, delete on whatsapp_connections to hearth_app;

alter table clients add column consent_whatsapp boolean not null default false;
alter table clients drop constraint clients_preferred_channels_check;
alter table clients add constraint clients_preferred_channels_check
  check (preferred_channels <@ array['email', 'sms', 'whatsapp', 'push']::text[]
         and cardinality(preferred_channels) between 1 and 4);

alter table client_channels drop constraint client_channels_channel_check;
alter table client_channels add constraint client_channels_channel_check
  check (channel in ('email', 'sms', 'whatsapp', 'push'));
-- The client's last message on the channel: WhatsApp allows free text for 24 hours after it.
alter table client_channels add column last_inbound_at timestamptz;

alter table outbox drop constraint outbox_channel_check;
alter table outbox add constraint outbox_channel_check
  check (channel in ('email', 'sms', 'whatsapp', 'push', 'webhook'));
alter table outbox drop constraint outbox_delivery_status_check;
alter table outbox add constraint outbox_delivery_status_check
  check (delivery_status in ('delivered', 'read', 'delayed', 'bounced', 'complained', 'failed'));
-- Set in its own committed transaction just before a send that a retry must never repeat: a row
-- found with it set and no outcome was perhaps sent, so it is not sent again.
alter table outbox add column send_started_at timestamptz;

alter table inbound_events drop constraint inbound_events_source_check;
alter table inbound_events add constraint inbound_events_source_check
  check (source in ('resend', 'sms', 'calcom', 'whatsapp'));

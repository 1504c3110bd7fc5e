-- Conversations, and who is told: one thread per client and therapist on every channel, urgent
-- alerts that page a person and escalate until someone acknowledges them (with their history),
-- who wants to hear about what, and the reasons clients give for cancelling.

-- A message says where it came from or went; the practice may also answer in its own name.
alter table messages
  add column channel text not null default 'portal' check (channel in ('portal', 'sms', 'email', 'whatsapp'));
alter table messages drop constraint messages_sender_check;
alter table messages add constraint messages_sender_check check (sender in ('client', 'therapist', 'practice'));
create index messages_thread_unread on messages (practice_id, thread_id) where sender = 'client' and read_at is null;

-- How long an urgent alert may wait unacknowledged before the front desk and the owner are told,
-- and where the practice itself is reached (its front desk) until each person chooses their own.
alter table practices
  add column urgent_escalation_minutes integer not null default 15 check (urgent_escalation_minutes between 1 and 120),
  add column contact_email text check (length(contact_email) between 3 and 254);

-- Alerts about something a client wrote name the thread; someone opening an alert acknowledges it.
alter table alerts
  add column thread_id uuid,
  add column acknowledged_at timestamptz,
  add column acknowledged_by text,
  add constraint alerts_thread_fk foreign key (practice_id, thread_id)
    references message_threads (practice_id, id) on delete set null (thread_id);
create index alerts_thread on alerts (practice_id, thread_id) where thread_id is not null;

alter table alerts add constraint alerts_practice_id_unique unique (practice_id, id);

-- What happened to an alert after it was raised: each page, each escalation, the acknowledgement.
-- Append-only, like the audit log; never holds what a client wrote.
create table alert_events (
  id bigint generated always as identity primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  alert_id uuid not null,
  at timestamptz not null,
  kind text not null check (kind in ('paged', 'escalated', 'page_failed', 'acknowledged')),
  -- Who: `therapist:<id>`, `practice`, later `staff:<id>`; and on which channel.
  recipient text,
  channel text check (channel in ('email', 'sms', 'push')),
  detail jsonb not null default '{}',
  foreign key (practice_id, alert_id) references alerts (practice_id, id) on delete cascade
);
create index alert_events_alert on alert_events (practice_id, alert_id, at);

-- What each person wants to hear about. `owner_key` is `therapist:<id>` for a therapist's record
-- (or their key) and `practice` for the front desk, until staff accounts bring `staff:<id>`.
create table notification_settings (
  practice_id uuid not null references practices (id) on delete cascade,
  owner_key text not null check (owner_key ~ '^(practice|therapist:[0-9a-f-]{36}|staff:[0-9a-f-]{36})$'),
  urgent text[] not null default '{email,sms,push}' check (urgent <@ array['email', 'sms', 'push']),
  new_messages text not null default 'immediately' check (new_messages in ('immediately', 'hourly', 'off')),
  daily_digest boolean not null default true,
  updated_at timestamptz not null,
  primary key (practice_id, owner_key)
);

-- Web push to the staff console, for whoever signed it in (the same owner keys).
create table staff_push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  owner_key text not null check (owner_key ~ '^(practice|therapist:[0-9a-f-]{36}|staff:[0-9a-f-]{36})$'),
  endpoint text not null check (length(endpoint) <= 1000),
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null,
  unique (practice_id, endpoint)
);

-- Why a client cancelled, if they chose to say (the free-text note stays in cancel_reason).
alter table appointments
  add column cancel_reason_code text check (cancel_reason_code in
    ('transportation', 'childcare', 'work', 'illness', 'cost', 'forgot', 'not_up_to_it', 'weather', 'other'));

do $$
declare t text;
begin
  foreach t in array array['alert_events', 'notification_settings', 'staff_push_subscriptions'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;
grant select, insert on alert_events to hearth_app;
grant select, insert, update, delete on notification_settings, staff_push_subscriptions to hearth_app;

-- The client portal: sign-in codes, sessions with rotating refresh tokens, rate limits, message
-- threads (bodies encrypted), alerts for everything that needs a person, and the cancellation list.
-- Times that rules depend on (expiry, attempts, windows) are written from the app's clock, not now().

-- Silent sign-in from the practice's own site: the practice backend signs a short-lived JWT with
-- this secret (HS256, stored sealed with AES-GCM) or with a key published at the JWKS URL.
alter table practices
  add column silent_sign_in_issuer text check (length(silent_sign_in_issuer) between 1 and 200),
  add column silent_sign_in_secret bytea,
  add column silent_sign_in_secret_iv bytea,
  add column silent_sign_in_jwks_url text check (silent_sign_in_jwks_url ~ '^https?://'),
  add constraint practices_silent_sign_in_complete check (
    silent_sign_in_issuer is not null
    or (silent_sign_in_secret is null and silent_sign_in_jwks_url is null));

-- A late cancellation records its fee in the policy's currency (late_fee_cents is in 001).
alter table appointments add column late_fee_currency text check (late_fee_currency ~ '^[A-Z]{3}$');

create table portal_sign_in_codes (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  -- HMAC of the code under a key derived from HEARTH_SECRET: a leaked table does not reveal codes.
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  used_at timestamptz,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade
);
create index portal_sign_in_codes_client on portal_sign_in_codes (practice_id, client_id, created_at desc);

-- One session per sign-in; its refresh tokens form one family (reuse of a rotated one revokes it).
create table portal_sessions (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  method text not null check (method in ('code', 'exchange')),
  created_at timestamptz not null,
  last_active_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('logout', 'refresh_reuse', 'idle', 'disabled')),
  unique (practice_id, id),
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade
);
create index portal_sessions_client on portal_sessions (practice_id, client_id);

create table portal_refresh_tokens (
  token_hash text primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  session_id uuid not null,
  issued_at timestamptz not null,
  rotated_at timestamptz,
  foreign key (practice_id, session_id) references portal_sessions (practice_id, id) on delete cascade
);
create index portal_refresh_tokens_session on portal_refresh_tokens (session_id);

-- A practice-signed silent sign-in token is accepted once (its jti), until it expires.
create table portal_exchange_tokens (
  practice_id uuid not null references practices (id) on delete cascade,
  jti text not null check (length(jti) between 1 and 200),
  expires_at timestamptz not null,
  primary key (practice_id, jti)
);

-- Fixed-window counters shared by every API instance. Buckets span practices (per IP), so only
-- system transactions touch this table; the tenant role has no grant on it.
create table rate_limits (
  bucket text primary key,
  window_started_at timestamptz not null,
  hits integer not null
);

create table message_threads (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  therapist_id uuid not null,
  created_at timestamptz not null,
  last_message_at timestamptz not null,
  unique (practice_id, id),
  unique (practice_id, client_id, therapist_id),
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade
);
create index message_threads_therapist on message_threads (practice_id, therapist_id, last_message_at desc);

-- Bodies are AES-GCM ciphertext with the message id as associated data; plaintext never lands here.
create table messages (
  id uuid primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  thread_id uuid not null,
  sender text not null check (sender in ('client', 'therapist')),
  sender_key_id uuid,
  category text not null check (category in ('scheduling', 'resource', 'update', 'homework', 'other', 'crisis')),
  body_ciphertext bytea not null,
  body_iv bytea not null,
  created_at timestamptz not null,
  read_at timestamptz,
  foreign key (practice_id, thread_id) references message_threads (practice_id, id) on delete cascade
);
create index messages_thread on messages (thread_id, created_at, id);

-- Everything that needs a person. A cause raises at most one alert (dedupe_key); the summary
-- never holds message text. A client's optional note travels sealed, like message bodies.
create table alerts (
  id uuid primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,48}$'),
  audience text not null check (audience in ('therapist', 'front_desk')),
  therapist_id uuid,
  client_id uuid,
  appointment_id uuid,
  dedupe_key text not null check (length(dedupe_key) between 1 and 300),
  summary text not null check (length(summary) between 1 and 300),
  context jsonb not null default '{}',
  client_note_ciphertext bytea,
  client_note_iv bytea,
  status text not null default 'open' check (status in ('open', 'resolved')),
  created_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by text,
  resolution_note text check (length(resolution_note) <= 1000),
  unique (practice_id, dedupe_key),
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade,
  check ((status = 'resolved') = (resolved_at is not null)),
  check ((client_note_ciphertext is null) = (client_note_iv is null))
);
create index alerts_open on alerts (practice_id, status, created_at desc);

-- The cancellation list: a client asks to hear about freed slots with one therapist.
create table waitlist_entries (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  therapist_id uuid not null,
  preferred_days text[] not null default '{}'
    check (preferred_days <@ array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  preferred_times text[] not null default '{}'
    check (preferred_times <@ array['morning', 'afternoon', 'evening']),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (practice_id, id),
  unique (practice_id, client_id, therapist_id),
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade
);
create index waitlist_entries_therapist on waitlist_entries (practice_id, therapist_id, created_at);

do $$
declare t text;
begin
  foreach t in array array['portal_sign_in_codes', 'portal_sessions', 'portal_refresh_tokens',
    'portal_exchange_tokens', 'message_threads', 'messages', 'alerts', 'waitlist_entries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;

alter table rate_limits enable row level security;
alter table rate_limits force row level security;
create policy system_only on rate_limits using (hearth_is_system()) with check (hearth_is_system());

grant select, insert, update, delete on portal_sign_in_codes, portal_sessions, portal_refresh_tokens,
  portal_exchange_tokens, message_threads, messages, alerts, waitlist_entries to hearth_app;

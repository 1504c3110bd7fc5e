-- Passkeys (WebAuthn) for staff: signing in from nothing (a passkey that verified its user is both
-- factors) and as the second factor after the emailed code. Only the public key is kept.

create table staff_passkeys (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  user_id uuid not null,
  -- The authenticator's credential id, base64url as the browser sends it; one account per credential.
  credential_id text not null unique check (length(credential_id) between 16 and 1400),
  public_key bytea not null,
  -- The signature counter the authenticator last reported; a lower one means a cloned key.
  counter bigint not null default 0 check (counter >= 0),
  transports text[] not null default '{}',
  name text not null check (length(name) between 1 and 60),
  created_at timestamptz not null,
  last_used_at timestamptz,
  foreign key (practice_id, user_id) references staff_users (practice_id, id) on delete cascade
);
create index staff_passkeys_user on staff_passkeys (practice_id, user_id);

-- Each ceremony's challenge works once, for about five minutes. Registering and the second factor
-- bind it to the session that asked; signing in from nothing binds it to nothing but itself.
create table staff_passkey_challenges (
  id uuid primary key default gen_random_uuid(),
  challenge text not null unique,
  purpose text not null check (purpose in ('sign_in', 'second_factor', 'register')),
  session_id uuid references staff_sessions (id) on delete cascade,
  practice_id uuid references practices (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  check ((purpose = 'sign_in') = (session_id is null)),
  check ((session_id is null) = (practice_id is null))
);
create index staff_passkey_challenges_expiry on staff_passkey_challenges (expires_at);

-- A passkey sign-in by an email that is staff at several practices: whose passkey it was, so
-- choosing that practice needs nothing more.
alter table staff_sessions add column passkey_user_id uuid;

alter table staff_passkeys enable row level security;
alter table staff_passkeys force row level security;
create policy tenant on staff_passkeys
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
alter table staff_passkey_challenges enable row level security;
alter table staff_passkey_challenges force row level security;
create policy tenant on staff_passkey_challenges
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());

grant select, insert, update, delete on staff_passkeys, staff_passkey_challenges to hearth_app;

-- Staff accounts: each person signs in as themselves (an emailed code, then a second factor),
-- holds a server-side session whose cookie carries only a random id, and is audited by name.
-- Times that rules depend on (expiry, attempts, idle) are written from the app's clock, not now().

alter table practices
  add column staff_second_factor text not null default 'required'
    check (staff_second_factor in ('required', 'optional')),
  add column staff_idle_minutes integer not null default 15 check (staff_idle_minutes between 5 and 60);

create table staff_users (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'front_desk', 'therapist')),
  therapist_id uuid,
  name text not null check (length(name) between 1 and 120),
  -- Stored lower-cased: an email is the sign-in name and is compared as typed.
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  phone text check (length(phone) <= 32),
  created_at timestamptz not null,
  removed_at timestamptz,
  unique (practice_id, id),
  foreign key (practice_id, therapist_id) references therapists (practice_id, id),
  check ((role = 'therapist') = (therapist_id is not null))
);
-- One person per email in a practice; the same email may be staff at other practices too.
create unique index staff_users_practice_email on staff_users (practice_id, email) where removed_at is null;
create index staff_users_email on staff_users (email) where removed_at is null;

-- Emailed codes belong to an email, not to a practice: they are asked for before the practice is
-- known. Only system transactions read them.
create table staff_sign_in_codes (
  id uuid primary key,
  email text not null,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  used_at timestamptz
);
create index staff_sign_in_codes_email on staff_sign_in_codes (email, created_at desc);

-- One row per sign-in. The cookie holds a random id; only its SHA-256 is stored. `stage` is how
-- far signing in has come: only `done` reaches the practice's routes. A session picking among
-- practices has no practice or user yet.
create table staff_sessions (
  id uuid primary key default gen_random_uuid(),
  id_hash text not null unique,
  practice_id uuid references practices (id) on delete cascade,
  user_id uuid,
  email text not null,
  stage text not null check (stage in ('choose_practice', 'second_factor', 'enroll_second_factor', 'done')),
  second_factor_at timestamptz,
  second_factor_method text check (second_factor_method in ('totp', 'recovery_code', 'passkey')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  idle_expires_at timestamptz not null,
  expires_at timestamptz not null,
  ended_at timestamptz,
  ended_reason text check (ended_reason in ('logout', 'logout_everywhere', 'removed', 'rotated', 'role_changed')),
  ip text check (length(ip) <= 64),
  user_agent text check (length(user_agent) <= 400),
  foreign key (practice_id, user_id) references staff_users (practice_id, id) on delete cascade,
  check ((stage = 'choose_practice') = (user_id is null)),
  check ((user_id is null) = (practice_id is null))
);
create index staff_sessions_user on staff_sessions (practice_id, user_id) where ended_at is null;

-- TOTP (RFC 6238), the secret sealed with AES-GCM under its own key; `last_step` is the newest
-- 30-second step a code was accepted for, so each code works once. Unconfirmed until the person
-- has typed one code from their app.
create table staff_totp (
  user_id uuid primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  secret bytea not null,
  secret_iv bytea not null,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  last_step bigint,
  foreign key (practice_id, user_id) references staff_users (practice_id, id) on delete cascade
);

-- Ten single-use codes for when the phone is lost, stored as keyed hashes.
create table staff_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  user_id uuid not null,
  code_hash text not null,
  created_at timestamptz not null,
  used_at timestamptz,
  foreign key (practice_id, user_id) references staff_users (practice_id, id) on delete cascade
);
create index staff_recovery_codes_user on staff_recovery_codes (practice_id, user_id) where used_at is null;

-- An invitation is a staff user not yet signed in: the link's token (hashed) works once, 7 days.
create table staff_invitations (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  user_id uuid not null,
  token_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  -- Who invited: a staff user, an API key or the operator (`operator`), as `kind:id`.
  invited_by text not null check (length(invited_by) <= 100),
  foreign key (practice_id, user_id) references staff_users (practice_id, id) on delete cascade
);
create index staff_invitations_user on staff_invitations (practice_id, user_id);
alter table staff_users add column invited boolean not null default false;

-- The audit log names staff: their id and name when it happened, from where and with what.
alter table audit_log drop constraint audit_log_actor_kind_check;
alter table audit_log add constraint audit_log_actor_kind_check
  check (actor_kind in ('operator', 'api_key', 'client', 'system', 'link', 'staff'));
alter table audit_log
  add column actor_name text check (length(actor_name) <= 120),
  add column ip text check (length(ip) <= 64),
  add column user_agent text check (length(user_agent) <= 400);
create index audit_log_practice_actor on audit_log (practice_id, actor_id, at);
create index audit_log_practice_subject on audit_log (practice_id, subject_id, at);

-- Who did it, by name, where a record keeps its doer (the key or staff id stays beside it).
alter table alerts add column resolved_by_name text check (length(resolved_by_name) <= 120);
alter table confirmation_calls
  add column recorded_by_staff_id uuid,
  add column recorded_by_name text check (length(recorded_by_name) <= 120);
alter table messages
  add column sender_staff_id uuid,
  add column sender_name text check (length(sender_name) <= 120);

do $$
declare t text;
begin
  foreach t in array array['staff_users', 'staff_totp', 'staff_recovery_codes', 'staff_invitations'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;
-- A session may not have a practice yet (choosing among several): those rows are the system's.
alter table staff_sessions enable row level security;
alter table staff_sessions force row level security;
create policy tenant on staff_sessions
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
alter table staff_sign_in_codes enable row level security;
alter table staff_sign_in_codes force row level security;
create policy system_only on staff_sign_in_codes using (hearth_is_system()) with check (hearth_is_system());

grant select, insert, update, delete on staff_users, staff_sessions, staff_totp, staff_recovery_codes,
  staff_invitations to hearth_app;
-- A call recorded by a staff member has no key.
alter table confirmation_calls alter column recorded_by_key_id drop not null;

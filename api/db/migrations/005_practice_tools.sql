-- Practice tools: the therapist's confirmation calls, and what insights need from appointments.

-- One row per call a therapist (or the front desk) made to confirm a session. The note is short
-- and operational ("left a voicemail"), never clinical; it is not copied into the audit log.
create table confirmation_calls (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  appointment_id uuid not null,
  outcome text not null check (outcome in ('confirmed', 'cancelled', 'voicemail', 'no_answer')),
  note text check (length(note) between 1 and 500),
  -- Who recorded it: the API key, and the therapist it belongs to (null for an admin key). Kept
  -- without foreign keys so the history survives a revoked key or a departed therapist.
  recorded_by_key_id uuid not null,
  recorded_by_therapist_id uuid,
  called_at timestamptz not null,
  unique (practice_id, id),
  foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade
);
create index confirmation_calls_appointment on confirmation_calls (practice_id, appointment_id, called_at);

alter table confirmation_calls enable row level security;
alter table confirmation_calls force row level security;
create policy tenant on confirmation_calls
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
grant select, insert on confirmation_calls to hearth_app;

-- Insights compare confirmed with unconfirmed sessions long after the status has moved on to
-- attended or no_show, so `confirmed_at` must mean "the client confirmed this time". Many writers
-- change status (practice API, EHR sync, portal, reminder replies, calls); this keeps the meaning
-- in one place: a session back at `scheduled` (moved, or re-opened) is no longer confirmed, and a
-- writer that sets `confirmed` without a time gets the transaction's time.
create or replace function hearth_appointment_confirmed_at() returns trigger
language plpgsql as $$
begin
  if new.status = 'scheduled' then
    new.confirmed_at := null;
  elsif new.status = 'confirmed' and new.confirmed_at is null then
    new.confirmed_at := now();
  end if;
  return new;
end $$;
create trigger appointments_confirmed_at before insert or update of status, confirmed_at on appointments
  for each row execute function hearth_appointment_confirmed_at();

-- Insights read a practice's due sessions by start time and status.
create index appointments_practice_status_starts on appointments (practice_id, status, starts_at);

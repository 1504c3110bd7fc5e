-- The key behind a hash, in place of hearth_key_principal: every request with a key asks this,
-- alone in one statement, or first in a staff read's own transaction, so the check, the read and
-- COMMIT leave together (README: the read path). Runs as the connecting role (never hearth_app,
-- which could otherwise move itself to another practice) with app.system on for its own duration:
-- refuses an unknown or revoked key (SQLSTATE 28000, which aborts everything sent after it), else
-- scopes the transaction to the key's practice and, for a therapist's key, to that therapist
-- (`app.own_therapist_id`, read by `hearth_own_therapist()`), and answers the key. `used_at`,
-- when given, writes down the use (the caller decides how often).
create or replace function hearth_key_scope(hash text, used_at timestamptz)
returns table (id uuid, practice_id uuid, role text, therapist_id uuid)
language plpgsql volatile security definer
set app.system = 'on' set search_path = pg_catalog, public
as $$
declare
  found_key record;
begin
  select k.id, k.practice_id, k.role, k.therapist_id into found_key
  from api_keys k where k.key_hash = hash and k.revoked_at is null;
  if found_key.id is null then
    raise exception 'No active API key has this hash.' using errcode = '28000';
  end if;
  if used_at is not null then
    update api_keys k set last_used_at = used_at
    where k.id = found_key.id and (k.last_used_at is null or k.last_used_at < used_at);
  end if;
  -- Local to the transaction, and kept after this function returns (only app.system, set by the
  -- function's own SET clause, goes back to what it was).
  perform set_config('app.practice_id', found_key.practice_id::text, true),
          set_config('app.own_therapist_id',
                     case when found_key.role = 'therapist' then found_key.therapist_id::text else '' end,
                     true);
  return query select found_key.id, found_key.practice_id, found_key.role, found_key.therapist_id;
end
$$;
revoke all on function hearth_key_scope(text, timestamptz) from public;

-- The therapist whose records the transaction's caller is limited to (a therapist's key or
-- session), or null when the caller sees the whole practice: the shared `ownTherapist` rule, set
-- where the caller is known.
create or replace function hearth_own_therapist() returns uuid
language sql stable as $$ select nullif(current_setting('app.own_therapist_id', true), '')::uuid $$;

drop function hearth_key_principal(text, timestamptz);

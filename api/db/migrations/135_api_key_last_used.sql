-- When each key was last used (to the minute), so a practice can see which integrations are alive.
alter table api_keys add column last_used_at timestamptz;

-- The key behind a hash, in one statement outside any transaction: every request with a key asks
-- this first, before its practice is known. Runs with app.system on for its own duration only;
-- `used_at`, when given, writes down the use (the caller decides how often).
create or replace function hearth_key_principal(hash text, used_at timestamptz)
returns table (id uuid, practice_id uuid, role text, therapist_id uuid)
language plpgsql volatile security definer
set app.system = 'on' set search_path = pg_catalog, public
as $$
begin
  if used_at is not null then
    update api_keys k set last_used_at = used_at
    where k.key_hash = hash and k.revoked_at is null and (k.last_used_at is null or k.last_used_at < used_at);
  end if;
  return query
    select k.id, k.practice_id, k.role, k.therapist_id from api_keys k where k.key_hash = hash and k.revoked_at is null;
end
$$;
revoke all on function hearth_key_principal(text, timestamptz) from public;

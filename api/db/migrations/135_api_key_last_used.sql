-- When each key was last used (to the minute), so a practice can see which integrations are alive.
alter table api_keys add column last_used_at timestamptz;

-- A webhook endpoint's health: the run of failed deliveries it is in (reset by one that works),
-- and whether it is turned off, by the practice or by Hearth after a day of failures
-- (shared/policy/webhook-health.ts). Messages for a turned-off endpoint are still queued and
-- closed as `endpoint_disabled`; turning it back on sends them again (api/webhooks/health.ts).
alter table webhook_endpoints
  add column consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  add column failing_since timestamptz,
  add column disabled_at timestamptz,
  add column disabled_reason text check (disabled_reason in ('failing', 'practice')),
  -- Messages closed since then are sent again when the endpoint is turned back on.
  add column held_since timestamptz,
  add constraint webhook_endpoints_disabled check ((disabled_at is null) = (disabled_reason is null));

-- The first instant of a local day in a zone, as shared/time `instantAt(day, '00:00', zone)`
-- reads it, so the call list can find its day inside its one round trip: a midnight that happens
-- twice (a clock set back to midnight) is the earlier one, and one that never happens (a clock
-- set forward at midnight) is the moment the change happened. `timestamp at time zone` alone
-- would read a repeated midnight on the later offset; an hour before it, read and added back,
-- is the earlier one, and either reading gives the moment of a forward change.
create or replace function hearth_local_midnight(day date, zone text) returns timestamptz
language sql stable strict as $$
  select least(day::timestamp at time zone zone, (day::timestamp - interval '1 hour') at time zone zone + interval '1 hour')
$$;

-- The working day (Monday to Friday) after the local date of `at` in a zone, as shared/time
-- `addBusinessDays(localDate(at, zone), 1)`.
create or replace function hearth_next_business_day(at timestamptz, zone text) returns date
language sql stable strict as $$
  select d + case extract(isodow from d) when 5 then 3 when 6 then 2 else 1 end
  from (select (at at time zone zone)::date as d) as local_day
$$;

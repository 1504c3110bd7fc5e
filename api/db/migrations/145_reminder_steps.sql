-- A practice's own reminder steps: reminders hours before the session, and a note at booking time.
alter table outbox drop constraint outbox_reminder_kind_check;
alter table outbox add constraint outbox_reminder_kind_check
  check (reminder_kind in ('confirmation', 'morning_of', 'reminder', 'booked'));

// After a review of issue 5: reminders belong to a start time (a moved session is reminded
// anew), registrants are told when a session changes, the onboarding reminder counts its
// week from the later of the start and the first contact or an admin's mark, and the
// reminder check finds its candidates by index.
export const sql = /* sql */ `
alter table announcements add column reminder_for timestamptz;
drop index announcements_reminder_idx;
create unique index announcements_reminder_idx on announcements (training_id, notice, reminder_for)
  where subject = 'training_notice' and notice in ('reminder_24h', 'reminder_1h');
alter table announcements drop constraint announcements_notice_check;
alter table announcements add constraint announcements_notice_check
  check (notice in ('seat', 'cancelled', 'changed', 'reminder_24h', 'reminder_1h'));

alter table people add column new_hire_marked_at timestamptz;
create index people_joined_idx on people (joined_at) where joined_at is not null;
create index people_created_idx on people (created_at);
create index people_new_hire_until_idx on people (new_hire_until) where new_hire_until is not null;
`;

// Trainings go through the delivery engine (issue 5): the announcement of a session to its
// audience, and notices to the people registered (a seat came free, cancelled, reminders).
export const sql = /* sql */ `
alter table announcements drop constraint announcements_subject_check;
alter table announcements add constraint announcements_subject_check
  check (subject in ('item', 'digest', 'crisis_notice', 'all_clear', 'card_update', 'training', 'training_notice'));
alter table announcements add column training_id uuid references trainings(id) on delete cascade;
-- training_notice: why (seat, cancelled, reminder_24h, reminder_1h)
alter table announcements add column notice text check (notice in ('seat', 'cancelled', 'reminder_24h', 'reminder_1h'));
-- training_notice: exactly these people; null: everyone registered when it starts (reminders)
alter table announcements add column recipient_ids uuid[];
alter table announcements add constraint announcements_training_check
  check ((subject in ('training', 'training_notice')) = (training_id is not null)
     and (subject = 'training_notice') = (notice is not null));
-- a session is announced once (again only after a cancel); each reminder is planned once
create unique index announcements_training_idx on announcements (training_id) where subject = 'training' and status <> 'cancelled';
create unique index announcements_reminder_idx on announcements (training_id, notice)
  where subject = 'training_notice' and notice in ('reminder_24h', 'reminder_1h');
`;

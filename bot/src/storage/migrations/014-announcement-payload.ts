// Issue 11: notification kinds as a registry. An announcement keeps what the delivery
// engine needs to claim, pace, order and report (kind, status, priority, send_at, times,
// created_by) and the caller's audience; what only its kind understands moves into one
// jsonb payload, so a new kind needs no migration. Exactly-once stays in the database as
// two generic keys each kind fills: once_key (never two, even after a cancel: a digest per
// run, a reminder per start) and live_key (never two not cancelled: an item, a session).
// Existing rows are converted; times in payloads are ISO in UTC with milliseconds, as
// JavaScript writes them.
const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const sql = /* sql */ `
alter table announcements add column payload jsonb not null default '{}';
-- { departments, locations } or { people }; null: the kind works its recipients out
alter table announcements add column audience jsonb;
alter table announcements add column once_key text;
alter table announcements add column live_key text;

update announcements set
  payload = jsonb_strip_nulls(case subject
    when 'item' then jsonb_build_object('itemId', item_id)
    when 'digest' then jsonb_build_object('period', period, 'coversFrom', ${ISO('covers_from')})
    when 'training' then jsonb_build_object('trainingId', training_id)
    when 'training_notice' then jsonb_build_object('trainingId', training_id, 'notice', notice, 'reminderFor', ${ISO('reminder_for')})
    when 'card_update' then jsonb_build_object('itemId', item_id, 'sourceAnnouncementId', source_announcement_id,
      'cardState', card_state, 'coversFrom', ${ISO('covers_from')})
    when 'all_clear' then jsonb_build_object('sourceAnnouncementId', source_announcement_id)
    else '{}'::jsonb end),
  audience = case
    when recipient_ids is not null then jsonb_build_object('people', to_jsonb(recipient_ids))
    when subject in ('digest', 'crisis_notice') then jsonb_build_object('departments', to_jsonb(audience_departments), 'locations', to_jsonb(audience_locations))
    end,
  once_key = case
    when subject = 'digest' then period
    when subject = 'training_notice' and notice in ('reminder_24h', 'reminder_1h')
      then training_id::text || '/' || notice || '/' || coalesce(${ISO('reminder_for')}, '')
    end,
  live_key = case subject when 'item' then item_id::text when 'training' then training_id::text end;

alter table announcements alter column payload drop default;
alter table announcements drop constraint announcements_subject_check;
alter table announcements rename column subject to kind;
alter table announcements
  drop column item_id, drop column period, drop column covers_from, drop column audience_departments,
  drop column audience_locations, drop column source_announcement_id, drop column card_state,
  drop column training_id, drop column notice, drop column recipient_ids, drop column reminder_for;

create unique index announcements_once_idx on announcements (kind, once_key) where once_key is not null;
create unique index announcements_live_idx on announcements (kind, live_key) where live_key is not null and status <> 'cancelled';
-- follow-ups (card updates, all-clears) look up the announcement they follow
create index announcements_source_idx on announcements ((payload->>'sourceAnnouncementId'))
  where (payload->>'sourceAnnouncementId') is not null;
`;

// Crisis cards: the crisis notice, the all-clear, and in-place updates of cards already
// delivered (paused on switch-on, back to normal on switch-off). All three are
// announcements, so they go through the one queue at the tenant's pace.
export const sql = /* sql */ `
alter table announcements drop constraint announcements_subject_check;
alter table announcements add constraint announcements_subject_check
  check (subject in ('item', 'digest', 'crisis_notice', 'all_clear', 'card_update'));
-- card updates name the item of the cards they update
alter table announcements drop constraint announcements_check;
alter table announcements add constraint announcements_item_check
  check ((subject in ('item', 'card_update')) = (item_id is not null));
-- card_update: whose sent cards are updated (an item announcement, or the update that
-- paused them); all_clear: the crisis notice whose readers are told
alter table announcements add column source_announcement_id uuid references announcements(id) on delete cascade;
-- card_update: what the cards become
alter table announcements add column card_state text check (card_state in ('paused', 'normal'));
alter table announcements add constraint announcements_source_check
  check ((subject in ('card_update', 'all_clear')) = (source_announcement_id is not null)
     and (subject = 'card_update') = (card_state is not null));
create index announcements_source_idx on announcements (source_announcement_id) where source_announcement_id is not null;
-- "cards delivered in the last N days": the window of a switch's card updates
create index deliveries_recent_sent_idx on deliveries (sent_at) where status = 'sent' and activity_id is not null;
`;

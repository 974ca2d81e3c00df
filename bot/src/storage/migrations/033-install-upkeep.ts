// Issue 14 §3, after review: an install nobody waits for any more (its announcement was
// cancelled) rests as 'idle' instead of staying pending for every poll to step over; the
// workers find pending installs by tenant through an index of their own; and the card
// senders' claim skips deliveries that wait for an install by index, not by filter.
export const sql = /* sql */ `
alter table app_installs drop constraint app_installs_status_check;
alter table app_installs add constraint app_installs_status_check check (status in ('pending', 'installed', 'failed', 'idle'));
create index app_installs_pending_idx on app_installs (tenant_id) where status = 'pending';
drop index deliveries_due_idx;
create index deliveries_due_idx on deliveries (tenant_id, priority desc, next_attempt_at)
  where status = 'pending' and claimed_at is null and conversation_id is not null;
`;

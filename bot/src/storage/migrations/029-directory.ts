// Issue 14 §1, directory sync from Microsoft Graph: people get their department, location and
// hire date from the directory; people removed or disabled there are marked as left (no more
// cards, out of audiences and counts; their data stays until retention rules exist).
//
// - people.left_at: when the directory said they left; null while they are there.
// - people.directory_round: the last sync round that saw them (a full round that does not see
//   someone it saw before marks them as left).
// - directory_sync: one row — the stored delta link, the round, a lease so that one process
//   syncs at a time, and what the last round did (for the admin page).
export const sql = /* sql */ `
alter table people add column left_at timestamptz;
alter table people add column directory_round bigint;
create index people_directory_round_idx on people (directory_round) where directory_round is not null and left_at is null;

create table directory_sync (
  id boolean primary key default true check (id),
  delta_link text,
  round bigint not null default 0,
  running_since timestamptz,
  running_by text,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_full_at timestamptz,
  last_status text check (last_status in ('ok', 'error')),
  last_error text,
  last_counts jsonb not null default '{}'
);
insert into directory_sync (id) values (true);
`;

// Issue 12 (points 6 and 8): time-boxed campaigns with a team goal, and the disclosure
// text that goes into posts while sharing earns something (points or a campaign's prize).
export const sql = /* sql */ `
create table campaigns (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  -- the window is [starts_at, ends_at)
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- what it covers: these items, or every item with this topic (one of the two)
  item_ids uuid[] not null default '{}',
  topic text,
  goal_metric text not null check (goal_metric in ('shares', 'clicks', 'readers')),
  goal_target integer not null check (goal_target > 0),
  -- never money: a text such as "breakfast with the board"
  prize text,
  -- when the job planned the thank-you cards after the end: once per campaign
  results_planned_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (cardinality(item_ids) > 0 or topic is not null)
);
create index campaigns_window_idx on campaigns (ends_at, starts_at);
create index campaigns_unplanned_idx on campaigns (ends_at) where results_planned_at is null;

-- One row: the disclosure admins set (empty: none).
create table disclosure_settings (
  id boolean primary key default true check (id),
  text text not null default '',
  removable boolean not null default true,
  updated_at timestamptz not null default now()
);
insert into disclosure_settings (id) values (true) on conflict do nothing;
`;

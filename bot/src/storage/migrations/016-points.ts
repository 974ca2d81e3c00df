// Issue 12, points and the opt-in leaderboard: the program's rules (one row, off by default),
// the ledger (one row per thing that earned points, unique by its source so replaying
// events changes nothing), and the leaderboard's opt-in next to the other settings in
// preferences (one source of truth for the bot's settings card and the tab).
export const sql = /* sql */ `
create table points_rules (
  id boolean primary key default true check (id),
  enabled boolean not null default false,
  per_share integer not null default 10 check (per_share between 0 and 1000),
  per_reader integer not null default 1 check (per_reader between 0 and 1000),
  reader_daily_cap integer not null default 20 check (reader_daily_cap between 0 and 10000),
  per_training integer not null default 20 check (per_training between 0 and 1000),
  per_accepted_proposal integer not null default 25 check (per_accepted_proposal between 0 and 1000),
  per_conversion integer not null default 50 check (per_conversion between 0 and 1000),
  updated_by uuid references people(id) on delete set null,
  updated_at timestamptz
);
insert into points_rules (id) values (true) on conflict do nothing;

create table points_ledger (
  id bigint generated always as identity primary key,
  person_id uuid not null references people(id) on delete cascade,
  points integer not null,
  reason text not null check (reason in ('share', 'readers', 'training', 'proposal', 'conversion')),
  source_key text not null unique,
  event_id bigint not null,
  occurred_at timestamptz not null,
  item_id uuid,
  network text,
  link_code text,
  training_id uuid,
  day date,
  readers integer,
  counted integer
);
create index points_ledger_person_idx on points_ledger (person_id, occurred_at desc, id desc);
create index points_ledger_time_idx on points_ledger (occurred_at, person_id);
create index points_ledger_link_day_idx on points_ledger (link_code, day) where reason = 'readers';

alter table preferences add column if not exists results_cards boolean not null default true;
-- What the pseudonym looks like (NFKC, lower case, look-alikes mapped): unique, so nobody
-- appears under another person's name in other case or other letters.
alter table preferences add column if not exists pseudonym_key text;
create unique index if not exists preferences_pseudonym_key_idx on preferences (pseudonym_key) where pseudonym_key is not null;
-- Opaque and random (a v4 UUID, unrelated to any id) while opted in: what the board shows
-- instead of a person id, and how admins address a thank-you to someone on the board.
alter table preferences add column if not exists board_id uuid;
create unique index if not exists preferences_board_id_idx on preferences (board_id) where board_id is not null;
create index if not exists preferences_opt_in_idx on preferences (person_id) where leaderboard_opt_in;
`;

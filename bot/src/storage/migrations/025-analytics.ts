// Issue 13: analytics for the content team. The dashboard never scans raw clicks: it reads
// daily aggregates that the `analytics` event processor keeps as events arrive (shares,
// clicks, unique readers, conversions), and that `npm run analytics:backfill` rebuilds from
// the stored rows.
//
// One row per tenant day, item, network and sharer. The sharer is kept so that every view can
// count how many different people a number comes from — a group of fewer than the minimum
// (never below 5) is merged into "other" — and so that a person's department and location
// are read when asked (someone who moves takes their history along; someone deleted takes
// their rows along). No view lists people: the person id never leaves the database.
//
// `slot` is when it was posted, in the tenant's time: (ISO weekday − 1) × 24 + hour — of the
// share for shares, of the tracked link's making (its first share) for clicks and readers —
// so the content team sees when posts get read.
export const sql = /* sql */ `
create table analytics_daily (
  day date not null,
  item_id uuid not null references items(id) on delete cascade,
  network text not null,
  person_id uuid not null references people(id) on delete cascade,
  slot smallint not null check (slot between 0 and 167),
  shares integer not null default 0,
  clicks integer not null default 0,
  readers integer not null default 0,
  conversions integer not null default 0,
  primary key (day, item_id, network, person_id, slot)
);
create index analytics_daily_item_idx on analytics_daily (item_id, day);
create index analytics_daily_person_idx on analytics_daily (person_id);

-- What the content team sets: the smallest group shown (5 at least), and the cost per click
-- per network that earned media value is computed with (no invented defaults: a network
-- without a rate has no value).
create table analytics_settings (
  id boolean primary key default true check (id),
  min_group integer not null default 5 check (min_group >= 5 and min_group <= 1000),
  currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  cost_per_click jsonb not null default '{}'::jsonb,
  updated_by uuid references people(id) on delete set null,
  updated_at timestamptz
);
insert into analytics_settings (id) values (true);
`;

// Issue 13 §4, conversions: a careers site, shop or CRM reports that a reader who came
// through a tracked link applied, signed up or bought. Sources are the systems allowed to
// report; each has one or more secrets (several while one is being replaced) that sign its
// requests. A conversion names the link (and so the item, network and the person who
// shared) — never anything about the reader who converted.
//
// Secrets are stored as they are: they must be usable as HMAC keys, and whoever can read
// this table can also write conversions into it directly (see the README, Conversions).
export const sql = /* sql */ `
create table conversion_sources (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_by uuid references people(id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index conversion_sources_name_idx on conversion_sources (lower(name));

create table conversion_secrets (
  id uuid primary key default gen_random_uuid(),
  source_id uuid not null references conversion_sources(id) on delete cascade,
  secret text not null,
  created_at timestamptz not null default now()
);
create index conversion_secrets_source_idx on conversion_secrets (source_id, created_at);

-- One row per (source, the sender's event id): a retry finds the row and writes nothing.
-- input: the request as the sender meant it (canonical JSON), to tell a retry from an id reused for something else.
-- person_id, item_id and network are the link's, copied so My impact and rollups read one table.
create table conversions (
  id uuid primary key default gen_random_uuid(),
  source_id uuid not null references conversion_sources(id) on delete cascade,
  event_id text not null,
  input text not null,
  link_code text not null references links(code) on delete cascade,
  item_id uuid not null references items(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  network text not null,
  type text not null check (type in ('application', 'lead', 'signup', 'purchase', 'custom')),
  value numeric check (value >= 0),
  currency text,
  occurred_at timestamptz not null,
  day date not null,
  recorded_at timestamptz not null default now(),
  unique (source_id, event_id)
);
create index conversions_person_day_idx on conversions (person_id, day);
create index conversions_item_day_idx on conversions (item_id, day);
create index conversions_link_idx on conversions (link_code);
`;

// People, the content library, and the share → link → click chain.
export const sql = /* sql */ `
create table people (
  id uuid primary key default gen_random_uuid(),
  aad_object_id text unique,
  tenant_id text,
  dev_key text unique,
  display_name text not null,
  department text,
  location text,
  language text not null default 'en' check (language in ('de', 'en')),
  role text not null default 'employee' check (role in ('admin', 'employee')),
  joined_at timestamptz,
  created_at timestamptz not null default now()
);

create table topics (
  id text primary key,
  name_de text not null,
  name_en text not null
);

create table items (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('article', 'job', 'event', 'video', 'product', 'other')),
  title text not null,
  url text not null,
  why text not null,
  image_url text,
  language text not null check (language in ('de', 'en')),
  topics text[] not null default '{}',
  audience_departments text[] not null default '{}',
  audience_locations text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'scheduled', 'published', 'archived')),
  publish_at timestamptz,
  expires_at timestamptz,
  hashtags text[] not null default '{}',
  campaign text not null,
  created_by uuid references people(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (expires_at is null or publish_at is null or expires_at > publish_at)
);
-- The feed: live items, newest first.
create index items_live_idx on items (publish_at desc, id desc) where status in ('published', 'scheduled');
create index items_topics_idx on items using gin (topics);

create table item_posts (
  item_id uuid not null references items(id) on delete cascade,
  network text not null check (network in ('linkedin', 'x', 'facebook', 'xing')),
  text text not null,
  primary key (item_id, network)
);

-- A share page address: bound to one item and one person.
create table share_tokens (
  token text primary key,
  item_id uuid not null references items(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  created_at timestamptz not null default now(),
  unique (item_id, person_id)
);

-- The person's own words are not stored: only whether they edited the suggestion.
create table shares (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references items(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  network text not null check (network in ('linkedin', 'x', 'facebook', 'xing')),
  edited boolean not null,
  link_code text not null,
  created_at timestamptz not null default now()
);
create index shares_person_idx on shares (person_id, item_id);
create index shares_item_idx on shares (item_id);

-- One tracked link per (item, person, network): sharing twice reuses it.
create table links (
  code text primary key,
  item_id uuid not null references items(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  network text not null check (network in ('linkedin', 'x', 'facebook', 'xing')),
  created_at timestamptz not null default now(),
  unique (item_id, person_id, network)
);
create index links_person_idx on links (person_id);

-- Readers' clicks, counted per tracked link and minute. No IP address, no cookie, no
-- user agent — and no exact time: a minute is all any report needs. One row per link
-- and minute also keeps a viral post from writing a row per reader.
create table clicks (
  link_code text not null references links(code) on delete cascade,
  minute timestamptz not null,
  item_id uuid not null,
  network text not null,
  clicks integer not null check (clicks > 0),
  primary key (link_code, minute)
);
create index clicks_item_idx on clicks (item_id, minute);
`;

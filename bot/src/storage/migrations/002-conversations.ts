// Where the bot can reach people, and how they want to hear from it.
export const sql = /* sql */ `
create table preferences (
  person_id uuid primary key references people(id) on delete cascade,
  notification_level text not null default 'every' check (notification_level in ('every', 'digest', 'none')),
  -- "stop": nothing is sent until "start", whatever the level says
  paused boolean not null default false,
  -- chosen in the settings; null: follow the Teams client's language
  language text check (language in ('de', 'en')),
  networks text[] not null default '{linkedin,x,facebook,xing}',
  leaderboard_opt_in boolean not null default false,
  pseudonym text,
  updated_at timestamptz not null default now()
);

-- One row per Teams conversation the bot is in: personal chats, team channels, group chats.
create table conversations (
  id text primary key,
  kind text not null check (kind in ('personal', 'channel', 'groupChat')),
  tenant_id text not null,
  service_url text not null,
  person_id uuid references people(id) on delete cascade,
  team_id text,
  -- botbuilder's ConversationReference, as Teams sent it
  reference jsonb not null,
  status text not null default 'active' check (status in ('active', 'blocked', 'gone')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conversations_person_idx on conversations (person_id) where kind = 'personal';
create index conversations_team_idx on conversations (team_id) where team_id is not null;

-- "Not for me" on a card: the content team learns what does not land. Once per person and item.
create table feedback (
  item_id uuid not null references items(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  kind text not null check (kind in ('not_for_me')),
  created_at timestamptz not null default now(),
  primary key (item_id, person_id, kind)
);
`;

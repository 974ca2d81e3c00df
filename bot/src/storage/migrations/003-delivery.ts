// Announcements and their deliveries. The deliveries table is the send queue: one row per
// recipient is the idempotency key (nobody gets the same announcement twice) and carries
// the state a restarted worker resumes from.
export const sql = /* sql */ `
create table announcements (
  id uuid primary key default gen_random_uuid(),
  subject text not null check (subject in ('item', 'digest')),
  item_id uuid references items(id) on delete cascade,
  -- digests: the ISO week ("2026-W48"); one digest per week, however many processes ask
  period text,
  -- digests: the items published from here up to send_at are "the week's new items"
  covers_from timestamptz,
  -- who gets it: departments and locations (empty: everyone); for items, taken from the
  -- item when sending starts
  audience_departments text[] not null default '{}',
  audience_locations text[] not null default '{}',
  status text not null default 'scheduled' check (status in ('scheduled', 'sending', 'done', 'cancelled')),
  -- higher goes first (crisis notices, later); same priority: oldest first
  priority smallint not null default 0,
  send_at timestamptz not null,
  created_by uuid references people(id) on delete set null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  cancelled_at timestamptz,
  check ((subject = 'item') = (item_id is not null)),
  check ((subject = 'digest') = (period is not null))
);
create unique index announcements_digest_period_idx on announcements (period) where subject = 'digest';
-- An item is announced once; after a cancel it may be announced again.
create unique index announcements_item_idx on announcements (item_id) where subject = 'item' and status <> 'cancelled';
create index announcements_due_idx on announcements (send_at) where status = 'scheduled';
create index announcements_list_idx on announcements (created_at desc, id desc);

create table deliveries (
  announcement_id uuid not null references announcements(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  conversation_id text not null references conversations(id) on delete cascade,
  tenant_id text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
  -- skipped and failed: why (blocked, gone, opted_out, cancelled, item_not_live, "503 after 6 tries"...)
  reason text,
  priority smallint not null default 0,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- set while a worker has the row in hand (claimed, being sent); cleared when it settles
  claimed_at timestamptz,
  -- the Bot Connector's id of the sent card, for later updates (crisis, refresh)
  activity_id text,
  sent_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (announcement_id, person_id),
  check ((status = 'sent') = (sent_at is not null))
);
-- The worker's claim: due rows of one tenant, highest priority first, oldest first.
create index deliveries_due_idx on deliveries (tenant_id, priority desc, next_attempt_at)
  where status = 'pending' and claimed_at is null;
create index deliveries_in_hand_idx on deliveries (tenant_id) where claimed_at is not null;
create index deliveries_person_idx on deliveries (person_id);
create index deliveries_pending_idx on deliveries (announcement_id) where status = 'pending';
create index deliveries_sent_idx on deliveries (announcement_id, sent_at) where status = 'sent';
`;

// Crisis "one voice" mode: one row that every instance reads, and the audit log of switches.
export const sql = /* sql */ `
create table crisis_state (
  id smallint primary key default 1 check (id = 1),
  active boolean not null default false,
  -- bumped on every change: instances compare it to see that something changed
  version integer not null default 0,
  reason text,
  instructions_de text,
  instructions_en text,
  statement_url text,
  spokesperson text,
  -- tracked public links lead to the official statement instead of the item
  redirect_links boolean not null default false,
  notify_everyone boolean not null default false,
  started_at timestamptz,
  started_by uuid references people(id) on delete set null,
  ended_at timestamptz,
  -- share attempts refused while active (counted, never forwarded)
  refused_shares integer not null default 0,
  updated_at timestamptz not null default now()
);
insert into crisis_state (id) values (1);

create table crisis_audit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  -- kept as written at the time: the log outlives the person row
  actor_id uuid references people(id) on delete set null,
  actor_name text not null,
  action text not null check (action in ('on', 'off')),
  details jsonb not null default '{}'
);
create index crisis_audit_at_idx on crisis_audit (at desc, id desc);
`;

// Issue 11, domain events: what happened is written in the same transaction as the change,
// and processors (points, rollups, notifications) read the log in order, each remembering
// its position. Writers take one transaction-scoped advisory lock before they append (see
// storage/events/record-events.ts), so ids become visible in order: a processor that has
// seen id N can never later find a smaller id it missed.
export const sql = /* sql */ `
create table events (
  id bigint generated always as identity primary key,
  type text not null,
  subject text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index events_type_idx on events (type, id);

create table event_positions (
  processor text primary key,
  last_id bigint not null default 0,
  processed bigint not null default 0,
  updated_at timestamptz not null default now()
);
`;

// Issue 12 review: when the points programme was on. Every save of the rules appends a row
// (a works council may well ask when points were switched on); the `points` processor and
// the recompute both ask it whether an event happened while the programme was on, so a
// recompute never awards points for a time the programme was off.
export const sql = /* sql */ `
create table points_program_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  enabled boolean not null,
  -- The last event in the log when the rules were saved: the switch applies to the events
  -- after it. Event ids, not times, so that both ways of computing points draw the line at
  -- exactly the same event.
  after_event_id bigint not null
);

-- A programme that is on already was on at least since just before the first event that
-- earned points (without any: since now).
insert into points_program_log (at, enabled, after_event_id)
select coalesce((select min(occurred_at) from points_ledger), r.updated_at, now()), true,
       coalesce((select min(event_id) - 1 from points_ledger), (select max(id) from events), 0)
from points_rules r where r.id and r.enabled;
`;

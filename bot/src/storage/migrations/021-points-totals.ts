// Issue 12 benchmark: the leaderboard at company size. "All time" summed every ledger row of
// every opted-in person per request; `points_totals` holds each person's sum instead. Kept by
// statement triggers on the ledger itself (transition tables: one grouped upsert per
// statement, not one per row), so every writer keeps it right without knowing of it — the
// points processor (whose `on conflict do nothing` inserts only what is new, so replays add
// nothing), the recompute (`delete from points_ledger`, then the replay), processors of later
// issues (proposals, conversions) and an operator's hand-made correction. A person deleted
// takes their ledger rows and their total along (cascade).
//
// This week and this month sum the ledger rows in the window: the time index now carries the
// points, so that is an index-only scan of the window's rows.
export const sql = /* sql */ `
create table points_totals (
  person_id uuid primary key references people(id) on delete cascade,
  points bigint not null
);

create function points_totals_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update points_totals t set points = t.points - g.points
    from (select person_id, sum(points) as points from old_rows group by person_id) g
    where t.person_id = g.person_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into points_totals (person_id, points)
    select person_id, sum(points) from new_rows group by person_id
    on conflict (person_id) do update set points = points_totals.points + excluded.points;
  end if;
  return null;
end $$;

create function points_totals_truncate() returns trigger language plpgsql as $$
begin
  delete from points_totals;
  return null;
end $$;

create trigger points_totals_insert after insert on points_ledger
  referencing new table as new_rows for each statement execute function points_totals_apply();
create trigger points_totals_delete after delete on points_ledger
  referencing old table as old_rows for each statement execute function points_totals_apply();
create trigger points_totals_update after update on points_ledger
  referencing old table as old_rows new table as new_rows for each statement execute function points_totals_apply();
create trigger points_totals_truncate after truncate on points_ledger
  for each statement execute function points_totals_truncate();

insert into points_totals (person_id, points)
select person_id, sum(points) from points_ledger group by person_id;

drop index if exists points_ledger_time_idx;
create index points_ledger_time_idx on points_ledger (occurred_at, person_id) include (points);
`;

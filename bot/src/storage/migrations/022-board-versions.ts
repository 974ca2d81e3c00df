// Issue 12 benchmark: the leaderboard at company size. Each process keeps the ranked board
// of a period in memory (storage/repos/board-cache.ts) and must know, with one cheap read,
// whether it is still right. Two counters in one row say so:
// - `members`: who is on the board and how they are shown — a person opts in or out, picks
//   or drops a pseudonym, gets a new board id, is renamed, moves department or location, or
//   is deleted. A board cached under an older value is never served again: opting out
//   takes effect with the next request on every instance.
// - `points`: the ledger changed (a statement that wrote, removed or changed rows, or a
//   truncate). A board cached under an older value may be served for a short while
//   (LEADERBOARD_REFRESH_SECONDS), so that a steady stream of points does not recompute the
//   board on every request.
// Both are bumped inside the writing transaction, so a new value becomes visible only with
// the change it announces (a sequence would not: nextval is seen before the commit).
export const sql = /* sql */ `
create table board_versions (
  id boolean primary key default true check (id),
  members bigint not null default 0,
  points bigint not null default 0
);
insert into board_versions (id) values (true);

create function board_members_changed() returns trigger language plpgsql as $$
begin
  update board_versions set members = members + 1 where id;
  return null;
end $$;

create trigger board_preferences_insert after insert on preferences
  for each row when (new.leaderboard_opt_in) execute function board_members_changed();
create trigger board_preferences_update after update on preferences
  for each row when (old.leaderboard_opt_in is distinct from new.leaderboard_opt_in
    or old.pseudonym is distinct from new.pseudonym or old.board_id is distinct from new.board_id)
  execute function board_members_changed();
create trigger board_preferences_delete after delete on preferences
  for each row when (old.leaderboard_opt_in) execute function board_members_changed();
create trigger board_people_update after update on people
  for each row when (old.display_name is distinct from new.display_name
    or old.department is distinct from new.department or old.location is distinct from new.location)
  execute function board_members_changed();

-- The ledger's statement triggers (migration 021) announce every change that touched rows.
create or replace function points_totals_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    update points_totals t set points = t.points - g.points
    from (select person_id, sum(points) as points from old_rows group by person_id) g
    where t.person_id = g.person_id;
    if exists (select 1 from old_rows) then
      update board_versions set points = points + 1 where id;
    end if;
  end if;
  if tg_op = 'INSERT' then
    insert into points_totals (person_id, points)
    select person_id, sum(points) from new_rows group by person_id
    on conflict (person_id) do update set points = points_totals.points + excluded.points;
    if exists (select 1 from new_rows) then
      update board_versions set points = points + 1 where id;
    end if;
  elsif tg_op = 'UPDATE' then
    insert into points_totals (person_id, points)
    select person_id, sum(points) from new_rows group by person_id
    on conflict (person_id) do update set points = points_totals.points + excluded.points;
  end if;
  return null;
end $$;

create or replace function points_totals_truncate() returns trigger language plpgsql as $$
begin
  delete from points_totals;
  update board_versions set points = points + 1 where id;
  return null;
end $$;
`;

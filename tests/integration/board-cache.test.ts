import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../bot/src/storage/db.js';
import { migrate } from '../../bot/src/storage/migrate.js';
import { BoardCache } from '../../bot/src/storage/repos/board-cache.js';
import { recomputePoints } from '../../bot/src/storage/repos/points-ledger.js';
import { aPerson, type TestPerson } from '../support/factories.js';
import { createTestDb } from '../support/test-db.js';

/**
 * Issue 12 §5 at company size: the board is ranked once per period and process and reused
 * (BoardCache). What a person notices: opting out, renaming and moving team show at once,
 * on every instance, whatever the refresh time; new points show within the refresh time,
 * or at once when nothing else changed. The clock is the test's own.
 */
let db: Db;
let drop: () => Promise<void>;
const people: TestPerson[] = [];
let n = 0;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await migrate(db);
  for (let i = 0; i < 6; i++) people.push(await aPerson(db, { department: i < 5 ? 'Sales' : 'Legal' }));
  for (const [i, p] of people.entries()) {
    await db.query('insert into preferences (person_id, leaderboard_opt_in, board_id) values ($1, true, gen_random_uuid())', [p.id]);
    await give(p, 10 * (i + 1));
  }
});
afterAll(async () => drop?.());

const ALL = { from: null, to: null };
async function give(person: TestPerson, points: number) {
  n += 1;
  await db.query(
    `insert into points_ledger (person_id, points, reason, source_key, event_id, occurred_at) values ($1, $2, 'share', $3, 0, now())`,
    [person.id, points, `test:${n}`],
  );
}

/** A cache on its own clock, and how often it ranked (statements naming board.members). */
function aCache(refreshMs: number) {
  let time = 1_000_000;
  let rankings = 0;
  const counting: Queryable = {
    query: (sql, params, options) => {
      if (options?.name?.startsWith('board.members')) rankings += 1;
      return db.query(sql, params, options);
    },
  };
  const cache = new BoardCache(counting, { refreshMs, now: () => time });
  return { cache, advance: (ms: number) => (time += ms), rankings: () => rankings };
}

const topOf = async (cache: BoardCache) => {
  const { ranked, names } = await cache.board(ALL, 'department');
  return ranked.top.map((p) => ({ name: names.get(p.personId), points: p.points, rank: p.rank }));
};

describe('the ranked board, reused', () => {
  it('ranks everyone who opted in: the top with names, my place, teams of five or more', async () => {
    const { cache } = aCache(30_000);
    const { ranked, names } = await cache.board(ALL, 'department');
    expect(ranked.top.map((p) => p.points)).toEqual([60, 50, 40, 30, 20, 10]);
    expect(names.get(people[5]!.id)).toBe(people[5]!.displayName);
    expect(ranked.placeOf(people[0]!.id)).toEqual({ points: 10, rank: 6 });
    expect(ranked.teams).toEqual([{ name: 'Sales', members: 5, points: 150, rank: 1 }]);
  });

  it('serves new points after the refresh time, not before; ranks once for requests that come together', async () => {
    const { cache, advance, rankings } = aCache(30_000);
    await Promise.all(Array.from({ length: 5 }, () => cache.board(ALL, 'department')));
    expect(rankings()).toBe(1);
    await give(people[0]!, 100);
    expect((await topOf(cache))[0]).toMatchObject({ points: 60 });
    advance(29_999);
    expect((await topOf(cache))[0]).toMatchObject({ points: 60 });
    expect(rankings()).toBe(1);
    advance(1);
    expect((await topOf(cache))[0]).toEqual({ name: people[0]!.displayName, points: 110, rank: 1 });
    expect(rankings()).toBe(2);
    // Nothing changed: the same board, however long ago it was ranked.
    advance(3_600_000);
    await topOf(cache);
    expect(rankings()).toBe(2);
  });

  it('with no refresh time, new points show with the next request', async () => {
    const { cache } = aCache(0);
    const before = (await cache.board(ALL, 'department')).ranked.placeOf(people[1]!.id);
    await give(people[1]!, 1);
    expect((await cache.board(ALL, 'department')).ranked.placeOf(people[1]!.id)).toEqual({ points: (before?.points ?? 0) + 1, rank: before?.rank });
  });

  it('opting out, a new pseudonym and a new department show at once on every instance, inside the refresh time', async () => {
    const one = aCache(3_600_000);
    const other = aCache(3_600_000);
    await topOf(one.cache);
    await topOf(other.cache);
    const leader = people[0]!;

    await db.query(`update preferences set pseudonym = 'Night Owl', board_id = gen_random_uuid() where person_id = $1`, [leader.id]);
    for (const { cache } of [one, other]) expect((await topOf(cache))[0]).toMatchObject({ name: 'Night Owl' });

    await db.query(`update people set department = 'Legal' where id = $1`, [people[1]!.id]);
    for (const { cache } of [one, other]) {
      expect((await cache.board(ALL, 'department')).ranked.teams, 'Sales has four members left').toEqual([]);
    }

    await db.query('update preferences set leaderboard_opt_in = false, board_id = null where person_id = $1', [leader.id]);
    for (const { cache } of [one, other]) {
      const { ranked } = await cache.board(ALL, 'department');
      expect(ranked.top.map((p) => p.personId)).not.toContain(leader.id);
      expect(ranked.placeOf(leader.id)).toBeNull();
    }
  });

  it('a recompute shows at once, and an unrelated update of a person ranks nothing again', async () => {
    const { cache, rankings } = aCache(3_600_000);
    await topOf(cache);
    await db.query('update people set display_name = display_name where id = $1', [people[2]!.id]);
    await topOf(cache);
    expect(rankings()).toBe(1);
    // The ledger is rebuilt from the events; these hand-made rows have none, so all points go.
    await recomputePoints(db);
    expect(await topOf(cache)).toEqual([]);
    expect(rankings()).toBe(2);
  });
});

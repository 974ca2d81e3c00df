import { rankBoard, type BoardMember, type RankedBoard } from '../../domain/points/board.js';
import type { Window } from '../../domain/points/periods.js';
import type { Queryable } from '../db.js';

export type TeamsBy = 'department' | 'location';

/** A ranked board with the names of the ten shown (pseudonym, else display name). */
export interface CachedBoard {
  ranked: RankedBoard;
  names: ReadonlyMap<string, string>;
}

interface Versions {
  members: string;
  points: string;
}

interface Entry extends Versions {
  board: CachedBoard;
  /** When it was computed, by the cache's clock (ms). */
  at: number;
}

export interface BoardCacheOptions {
  /** A board whose only change is new points may be served this long (ms); 0: never. */
  refreshMs: number;
  now: () => number;
  /** Boards kept (periods × team columns × running campaigns); the least recently used goes first. */
  capacity?: number;
}

/** Each person's points in a window ($1 inclusive, $2 exclusive): the window's ledger rows, read from the time index alone (it carries the points). */
const WINDOW_SCORES = `select person_id, sum(points) as points from points_ledger
  where occurred_at >= $1::timestamptz and occurred_at < $2::timestamptz group by person_id`;

/** Each person's points over all time: the sums that the ledger's triggers keep (migration 021). */
const ALL_TIME_SCORES = 'select person_id, points from points_totals';

const bounds = (w: Window) => [w.from?.toISOString() ?? '-infinity', w.to?.toISOString() ?? 'infinity'];

/** Every opted-in person (with a board id), their team and points in the window: narrow rows, no names. */
const membersStatement = (scores: string, column: TeamsBy) => `select pr.person_id, pr.board_id, pe.${column} as team, coalesce(s.points, 0)::int as points
  from preferences pr
  join people pe on pe.id = pr.person_id
  left join (${scores}) s on s.person_id = pr.person_id
  where pr.leaderboard_opt_in and pr.board_id is not null`;

/**
 * The leaderboard of a period, ranked once per process and read by every request. Ranking
 * needs every opted-in person's points (tens of milliseconds for ten thousand people), while
 * a request needs the top ten and one person's place; so each process keeps the ranked
 * boards it was asked for and checks, with one single-row read per request, whether they
 * are still right (`board_versions`, migration 022):
 * - anyone opting in or out, renaming, or moving team invalidates every board at once, on
 *   every instance: an opted-out person is never served from memory;
 * - new points invalidate it too, but a board may be served for `refreshMs` after it was
 *   ranked, so a steady stream of points costs one ranking per period per `refreshMs`.
 * Requests that miss together share one ranking.
 */
export class BoardCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly capacity: number;

  constructor(
    private readonly db: Queryable,
    private readonly options: BoardCacheOptions,
  ) {
    this.capacity = options.capacity ?? 32;
  }

  async board(window: Window, teamsBy: TeamsBy): Promise<CachedBoard> {
    const key = `${window.from?.toISOString() ?? ''}/${window.to?.toISOString() ?? ''}/${teamsBy}`;
    const [versions] = await this.db.query<Versions>('select members::text, points::text from board_versions where id', [], { name: 'board.versions' });
    const now = versions ?? { members: '0', points: '0' };
    const cached = this.entries.get(key);
    if (cached && cached.members === now.members && (cached.points === now.points || this.options.now() - cached.at < this.options.refreshMs)) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.board;
    }
    const flight = `${key}/${now.members}/${now.points}`;
    let ranking = this.pending.get(flight);
    if (!ranking) {
      ranking = this.rank(window, teamsBy, now).finally(() => this.pending.delete(flight));
      this.pending.set(flight, ranking);
    }
    const entry = await ranking;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry.board;
  }

  /** Forgets every board (the points programme was switched, the ledger recomputed by hand …). */
  clear(): void {
    this.entries.clear();
  }

  /**
   * The versions were read before the members: the ranking is at least as new as the
   * versions it is stored under, so a change committed in between shows as a newer version
   * on the next request and ranks again.
   */
  private async rank(window: Window, teamsBy: TeamsBy, versions: Versions): Promise<Entry> {
    const at = this.options.now();
    const allTime = window.from === null && window.to === null;
    const rows = allTime
      ? await this.db.query<{ person_id: string; board_id: string; team: string | null; points: number }>(membersStatement(ALL_TIME_SCORES, teamsBy), [], {
          name: `board.members.all.${teamsBy}`,
        })
      : await this.db.query<{ person_id: string; board_id: string; team: string | null; points: number }>(
          membersStatement(WINDOW_SCORES, teamsBy),
          bounds(window),
          { name: `board.members.window.${teamsBy}` },
        );
    const ranked = rankBoard(rows.map((r): BoardMember => ({ personId: r.person_id, boardId: r.board_id, team: r.team, points: r.points })));
    const names = new Map<string, string>();
    if (ranked.top.length > 0) {
      const shown = await this.db.query<{ person_id: string; name: string }>(
        `select pr.person_id, coalesce(pr.pseudonym, pe.display_name) as name
         from preferences pr join people pe on pe.id = pr.person_id
         where pr.person_id = any($1::uuid[]) and pr.leaderboard_opt_in`,
        [ranked.top.map((p) => p.personId)],
      );
      for (const r of shown) names.set(r.person_id, r.name);
    }
    return { ...versions, at, board: { ranked, names } };
  }
}

const shared = new WeakMap<Queryable, BoardCache>();

/**
 * The process's boards for a database: set up once by the app (`options`), found again by
 * whatever else ranks people (the campaign result card). Without options a board is never
 * served stale points.
 */
export function boardCacheFor(db: Queryable, options?: BoardCacheOptions): BoardCache {
  let cache = shared.get(db);
  if (!cache || options) {
    cache = new BoardCache(db, options ?? { refreshMs: 0, now: () => Date.now() });
    shared.set(db, cache);
  }
  return cache;
}

import type { Page } from '../../domain/model/common.js';
import type { LedgerEntry, PointsRulesView } from '../../domain/model/points.js';
import type { Window } from '../../domain/points/periods.js';
import { DEFAULT_RULES, rankTeams, type LedgerReason, type PointsRules, type ProgramSwitch } from '../../domain/points/points-rules.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { iso, isoRequired } from './rows.js';

interface RulesRow {
  enabled: boolean;
  per_share: number;
  per_reader: number;
  reader_daily_cap: number;
  per_training: number;
  per_accepted_proposal: number;
  per_conversion: number;
  updated_at: Date | string | null;
}

const toRules = (r: RulesRow): PointsRules => ({
  enabled: r.enabled,
  perShare: r.per_share,
  perReader: r.per_reader,
  readerDailyCap: r.reader_daily_cap,
  perTraining: r.per_training,
  perAcceptedProposal: r.per_accepted_proposal,
  perConversion: r.per_conversion,
});

/** The rules in force (the processor reads them inside its own transaction). */
export async function readRules(q: Queryable): Promise<PointsRules> {
  const [row] = await q.query<RulesRow>('select * from points_rules where id');
  return row ? toRules(row) : { ...DEFAULT_RULES };
}

/** Every save of the rules, in order: when the programme was on (see `programOnAt`). */
export async function readProgramLog(q: Queryable): Promise<ProgramSwitch[]> {
  const rows = await q.query<{ id: string | number; after_event_id: string | number; enabled: boolean }>(
    'select id, after_event_id, enabled from points_program_log order by id',
  );
  return rows.map((r) => ({ id: Number(r.id), afterEventId: Number(r.after_event_id), enabled: r.enabled }));
}

interface LedgerRow {
  id: string | number;
  occurred_at: Date | string;
  points: number;
  reason: LedgerReason;
  item_id: string | null;
  item_title: string | null;
  network: Network | null;
  training_id: string | null;
  training_title: string | null;
  day: Date | string | null;
  readers: number | null;
  counted: number | null;
}

const dayText = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : isoRequired(d).slice(0, 10));

/** Time bounds of a window as SQL parameters (an open end is ±infinity). */
const bounds = (w: Window) => [w.from?.toISOString() ?? '-infinity', w.to?.toISOString() ?? 'infinity'];

/** Each person's points in a window ($1 inclusive, $2 exclusive): the window's ledger rows, read from the time index alone (it carries the points). */
export const WINDOW_SCORES = `select person_id, sum(points) as points from points_ledger
  where occurred_at >= $1::timestamptz and occurred_at < $2::timestamptz group by person_id`;

/** Each person's points over all time: the sums that the ledger's triggers keep (migration 021). */
export const ALL_TIME_SCORES = 'select person_id, points from points_totals';

interface BoardRow {
  top: Array<{ board_id: string; name: string; points: number; me: boolean; rank: number }>;
  mine: { points: number; rank: number } | null;
  teams: Array<{ name: string; members: number; points: number }>;
}

/**
 * The whole board in one statement, so the scores are computed once: every opted-in
 * person's points from `scores` (person_id, points); the top 10 with points, the caller's
 * own rank (`person`: the parameter naming the caller; 1 + how many have more points) and
 * the teams by `column` with their opted-in members' sums (rankTeams keeps those with at
 * least five).
 */
export function boardStatement(scores: string, person: string, column: 'department' | 'location'): string {
  // Narrow rows (no names) for all opted-in people; names only for the ten shown. The top is
  // a top-N of (points, board id); rank() within it equals the rank among everyone, since
  // everyone with more points is in it.
  return `with scores as (
      select pr.person_id, pr.board_id, pe.${column} as team, coalesce(s.points, 0)::int as points
      from preferences pr
      join people pe on pe.id = pr.person_id
      left join (${scores}) s on s.person_id = pr.person_id
      where pr.leaderboard_opt_in and pr.board_id is not null
    ), top as (
      select person_id, board_id, points, rank() over (order by points desc)::int as rank
      from (select person_id, board_id, points from scores where points > 0 order by points desc, board_id limit 10) t
    )
    select
      (select coalesce(json_agg(t order by t.rank, t.board_id), '[]'::json) from (
         select top.board_id, coalesce(pr.pseudonym, pe.display_name) as name, top.points, top.person_id = ${person}::uuid as me, top.rank
         from top join preferences pr on pr.person_id = top.person_id join people pe on pe.id = top.person_id) t) as top,
      (select json_build_object('points', m.points, 'rank', 1 + (select count(*) from scores o where o.points > m.points))
         from scores m where m.person_id = ${person}::uuid) as mine,
      (select coalesce(json_agg(t), '[]'::json) from (
         select team as name, count(*)::int as members, sum(points)::int as points from scores
         where team is not null group by team having count(*) >= 5) t) as teams`;
}

export function pointsRepo(db: Queryable) {
  return {
    async rules(): Promise<PointsRulesView> {
      const [row] = await db.query<RulesRow>('select * from points_rules where id');
      return { ...(row ? toRules(row) : DEFAULT_RULES), updatedAt: iso(row?.updated_at ?? null) };
    },

    /**
     * Saves the rules and, in the same statement, logs whether the programme is on from the
     * next event on (every save: the latest decides, whatever ran concurrently).
     */
    async saveRules(rules: PointsRules, by: string): Promise<PointsRulesView> {
      await db.query(
        `with saved as (
           insert into points_rules (id, enabled, per_share, per_reader, reader_daily_cap, per_training, per_accepted_proposal, per_conversion, updated_by, updated_at)
           values (true, $1, $2, $3, $4, $5, $6, $7, $8, now())
           on conflict (id) do update set enabled = $1, per_share = $2, per_reader = $3, reader_daily_cap = $4, per_training = $5,
             per_accepted_proposal = $6, per_conversion = $7, updated_by = $8, updated_at = now()
           returning enabled
         )
         insert into points_program_log (enabled, after_event_id)
         select saved.enabled, (select coalesce(max(id), 0) from events) from saved`,
        [rules.enabled, rules.perShare, rules.perReader, rules.readerDailyCap, rules.perTraining, rules.perAcceptedProposal, rules.perConversion, by],
      );
      return this.rules();
    },

    /** One person's ledger in a window, newest first, and the total over the whole window. */
    async ledger(personId: string, window: Window, page: { cursor?: string | undefined; limit: number }): Promise<Page<LedgerEntry> & { total: number }> {
      const [from, to] = bounds(window);
      const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
        `select coalesce(sum(points), 0)::int as total from points_ledger
         where person_id = $1 and occurred_at >= $2::timestamptz and occurred_at < $3::timestamptz`,
        [personId, from, to],
      );
      const entries = await keysetPage<LedgerRow, LedgerEntry>(db, {
        columns: `l.id, l.occurred_at, l.points, l.reason, l.item_id, i.title as item_title, l.network, l.training_id, t.title as training_title,
                  l.day::text as day, l.readers, l.counted`,
        from: `from points_ledger l left join items i on i.id = l.item_id left join trainings t on t.id = l.training_id`,
        where: ['l.person_id = $1', 'l.occurred_at >= $2::timestamptz', 'l.occurred_at < $3::timestamptz'],
        params: [personId, from, to],
        keys: [{ sql: 'l.occurred_at', kind: 'timestamp' }, { sql: 'l.id', kind: 'int' }],
        direction: 'desc',
        page,
        map: (r) => ({
          id: String(r.id),
          at: isoRequired(r.occurred_at),
          points: r.points,
          reason: r.reason,
          item: r.item_id ? { id: r.item_id, title: r.item_title ?? '' } : null,
          network: r.network,
          training: r.training_id ? { id: r.training_id, title: r.training_title ?? '' } : null,
          day: dayText(r.day),
          readers: r.readers,
          counted: r.counted,
        }),
      });
      return { ...entries, total };
    },

    /**
     * The board: only people who opted in (with a board id) exist here. The top (people
     * with points), the caller's own rank if they opted in, and teams of at least five
     * opted-in members — sums over those members only. One statement: the scores are
     * computed once per request (see `boardStatement`).
     */
    async board(window: Window, personId: string, teamsBy: 'department' | 'location') {
      const column = teamsBy === 'location' ? 'location' : 'department';
      const allTime = window.from === null && window.to === null;
      const [row] = allTime
        ? await db.query<BoardRow>(boardStatement(ALL_TIME_SCORES, '$1', column), [personId], { name: `points.board.all.${column}` })
        : await db.query<BoardRow>(boardStatement(WINDOW_SCORES, '$3', column), [...bounds(window), personId], { name: `points.board.window.${column}` });
      const { top, mine, teams } = row as BoardRow;
      return {
        top: top.map((r) => ({ rank: r.rank, boardId: r.board_id, name: r.name, points: r.points, me: r.me })),
        me: mine ? { optedIn: true, rank: mine.rank, points: mine.points } : { optedIn: false, rank: null, points: null },
        teams: rankTeams(teams),
      };
    },
  };
}
export type PointsRepo = ReturnType<typeof pointsRepo>;

import type { Page } from '../../domain/model/common.js';
import type { LedgerEntry, PointsRulesView } from '../../domain/model/points.js';
import type { Window } from '../../domain/points/periods.js';
import { DEFAULT_RULES, type LedgerReason, type PointsRules, type ProgramSwitch } from '../../domain/points/points-rules.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { boardCacheFor, type TeamsBy } from './board-cache.js';
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
     * opted-in members — sums over those members only. Ranked once per process and period
     * and reused while nobody opted in or out and the points are fresh enough (BoardCache).
     */
    async board(window: Window, personId: string, teamsBy: TeamsBy) {
      const { ranked, names } = await boardCacheFor(db).board(window, teamsBy);
      const mine = ranked.placeOf(personId);
      return {
        top: ranked.top.flatMap((p) => {
          const name = names.get(p.personId);
          return name === undefined ? [] : [{ rank: p.rank, boardId: p.boardId, name, points: p.points, me: p.personId === personId }];
        }),
        me: mine ? { optedIn: true, rank: mine.rank, points: mine.points } : { optedIn: false, rank: null, points: null },
        teams: ranked.teams,
      };
    },
  };
}
export type PointsRepo = ReturnType<typeof pointsRepo>;

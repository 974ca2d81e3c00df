import type { CampaignStore } from '../../domain/campaigns/campaigns-service.js';
import { campaignStatus } from '../../domain/campaigns/campaign-rules.js';
import { disclosureApplies } from '../../domain/campaigns/disclosure.js';
import type { AdminCampaign, Campaign, CampaignInput, CampaignMetric, DisclosureInput } from '../../domain/model/campaigns.js';
import type { Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { iso, isoRequired } from './rows.js';

interface CampaignRow {
  id: string;
  name: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  item_ids: string[];
  topic: string | null;
  goal_metric: CampaignMetric;
  goal_target: number;
  prize: string | null;
  results_planned_at: Date | null;
  created_at: Date;
  updated_at: Date;
  progress: number;
}

/** `x.item_id` is one of the campaign's (`cp`) items, or carries its topic. */
const COVERED = `(x.item_id = any(cp.item_ids) or (cp.topic is not null and x.item_id in (select i.id from items i where cp.topic = any(i.topics))))`;

/**
 * The team's total for the campaign `cp` within its window, by its metric. Shares count
 * once per (item, person, network) — posting again only moves a share's time. Clicks are
 * stored per minute, so the window starts at the minute of the start.
 */
function progressSql(): string {
  const shares = `(select count(*) from shares x where x.created_at >= cp.starts_at and x.created_at < cp.ends_at and ${COVERED})`;
  const clicks = `(select coalesce(sum(x.clicks), 0) from clicks x
      where x.minute >= date_trunc('minute', cp.starts_at) and x.minute < cp.ends_at and ${COVERED})`;
  // Unique readers are counted per link and tenant day: the days the window touches (taken
  // as UTC dates — at each end of the window a day may differ by the zone's offset).
  const uniqueReaders = `(select coalesce(sum(x.readers), 0) from link_readers x
      where x.day >= (cp.starts_at at time zone 'UTC')::date and x.day <= ((cp.ends_at - interval '1 microsecond') at time zone 'UTC')::date and ${COVERED})`;
  return `(case cp.goal_metric when 'shares' then ${shares} when 'clicks' then ${clicks} else ${uniqueReaders} end)::int`;
}

/** The progress expression, built once: it depends on nothing but the campaign row. */
const PROGRESS = progressSql();

function toCampaign(r: CampaignRow, now: Date): Campaign {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    startsAt: isoRequired(r.starts_at),
    endsAt: isoRequired(r.ends_at),
    itemIds: r.item_ids,
    topic: r.topic,
    goal: { metric: r.goal_metric, target: r.goal_target },
    prize: r.prize,
    status: campaignStatus({ startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }, now),
    progress: Number(r.progress),
  };
}

const toAdmin = (r: CampaignRow, now: Date): AdminCampaign => ({
  ...toCampaign(r, now),
  resultsPlannedAt: iso(r.results_planned_at),
  createdAt: isoRequired(r.created_at),
  updatedAt: isoRequired(r.updated_at),
});

const values = (c: CampaignInput) => [c.name, c.description, c.startsAt, c.endsAt, c.itemIds, c.topic, c.goal.metric, c.goal.target, c.prize];

/** Campaigns and the disclosure setting, on Postgres or PGlite. */
export function campaignsRepo(db: Queryable) {

  const store: CampaignStore & {
    /** Running campaigns that cover this item, with progress (cards at send time, the share page). */
    coveringItem(itemId: string, now: Date): Promise<Campaign[]>;
  } = {
    async page(page, now) {
      return keysetPage(db, {
        columns: `cp.*, ${PROGRESS} as progress`,
        from: 'from campaigns cp',
        keys: [{ sql: 'cp.starts_at', kind: 'timestamp' }, { sql: 'cp.id', kind: 'uuid' }],
        direction: 'desc',
        page,
        map: (r: CampaignRow) => toAdmin(r, now),
      });
    },

    async get(id, now) {
      const [row] = await db.query<CampaignRow>(`select cp.*, ${PROGRESS} as progress from campaigns cp where cp.id = $1`, [id]);
      return row && toAdmin(row, now);
    },

    async running(now) {
      const rows = await db.query<CampaignRow>(
        `select cp.*, ${PROGRESS} as progress from campaigns cp
         where cp.starts_at <= $1 and cp.ends_at > $1 order by cp.ends_at, cp.id limit 50`,
        [now],
      );
      return rows.map((r) => toCampaign(r, now));
    },

    async coveringItem(itemId, now) {
      const rows = await db.query<CampaignRow>(
        `select cp.*, ${PROGRESS} as progress from campaigns cp
         where cp.starts_at <= $1 and cp.ends_at > $1
           and ($2::uuid = any(cp.item_ids) or (cp.topic is not null and exists (select 1 from items i where i.id = $2 and cp.topic = any(i.topics))))
         order by cp.ends_at, cp.id limit 3`,
        [now, itemId],
      );
      return rows.map((r) => toCampaign(r, now));
    },

    async create(c) {
      const [row] = await db.query<{ id: string }>(
        `insert into campaigns (name, description, starts_at, ends_at, item_ids, topic, goal_metric, goal_target, prize)
         values ($1, $2, $3, $4, $5::uuid[], $6, $7, $8, $9) returning id`,
        values(c),
      );
      return (row as { id: string }).id;
    },

    async update(id, c) {
      // Never once its results were planned (the job sets that in one statement too).
      const rows = await db.query(
        `update campaigns set name = $2, description = $3, starts_at = $4, ends_at = $5, item_ids = $6::uuid[], topic = $7,
           goal_metric = $8, goal_target = $9, prize = $10, updated_at = now()
         where id = $1 and results_planned_at is null returning id`,
        [id, ...values(c)],
      );
      return rows.length === 1;
    },

    async remove(id) {
      return (await db.query('delete from campaigns where id = $1 returning id', [id])).length === 1;
    },

    async resultsPlanned(id) {
      const [row] = await db.query<{ planned: boolean }>('select results_planned_at is not null as planned from campaigns where id = $1', [id]);
      return row?.planned;
    },

    async unknownItems(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query<{ id: string }>('select id from items where id = any($1::uuid[])', [ids]);
      const known = new Set(rows.map((r) => r.id));
      return ids.filter((id) => !known.has(id));
    },

    async topicExists(id) {
      return (await db.query('select 1 from topics where id = $1', [id])).length === 1;
    },

    async prizeCampaignRunning(now) {
      const rows = await db.query(`select 1 from campaigns where starts_at <= $1 and ends_at > $1 and prize is not null limit 1`, [now]);
      return rows.length > 0;
    },

    async disclosure() {
      const [row] = await db.query<{ text: string; removable: boolean }>('select text, removable from disclosure_settings where id');
      return row ?? { text: '', removable: false };
    },

    async saveDisclosure(d: DisclosureInput) {
      await db.query(
        `insert into disclosure_settings (id, text, removable, updated_at) values (true, $1, $2, now())
         on conflict (id) do update set text = excluded.text, removable = excluded.removable, updated_at = now()`,
        [d.text, d.removable],
      );
    },
  };
  return store;
}
export type CampaignsRepo = ReturnType<typeof campaignsRepo>;

/**
 * Campaigns whose end has come and whose results are not planned yet, marked planned in the
 * same statement (so exactly once, whichever process runs it). Run inside the transaction
 * that queues their cards.
 */
export async function claimEndedCampaigns(tx: Queryable, now: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `update campaigns set results_planned_at = $1
     where id in (select id from campaigns where results_planned_at is null and ends_at <= $1 order by ends_at limit 20 for update skip locked)
     returning id`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** `p` shared at least one item the campaign `cp` covers within its window. */
export const TOOK_PART = `exists (select 1 from shares x where x.person_id = p.id and x.created_at >= cp.starts_at and x.created_at < cp.ends_at and ${COVERED})`;

/** The campaign's result for its thank-you card: its goal and the team's total. */
export async function campaignResult(db: Queryable, id: string): Promise<{ name: string; metric: CampaignMetric; target: number; total: number; prize: string | null } | undefined> {
  const repo = campaignsRepo(db);
  const c = await repo.get(id, new Date());
  return c && { name: c.name, metric: c.goal.metric, target: c.goal.target, total: c.progress, prize: c.prize };
}

/** A campaign's time box, for the leaderboard's campaign period; undefined when there is no such campaign. */
export function campaignWindows(db: Queryable): (campaignId: string) => Promise<{ from: Date; to: Date } | undefined> {
  return async (campaignId) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(campaignId)) return undefined;
    const [row] = await db.query<{ starts_at: Date; ends_at: Date }>('select starts_at, ends_at from campaigns where id = $1', [campaignId]);
    return row && { from: new Date(row.starts_at), to: new Date(row.ends_at) };
  };
}

/**
 * The disclosure while it applies (a text is set and sharing earns something: points on, or
 * a running campaign with a prize), else null: for cards, which suggest posts too.
 */
export async function activeDisclosureIn(db: Queryable, now: Date): Promise<{ text: string; removable: boolean } | null> {
  const [row] = await db.query<{ text: string; removable: boolean; points_on: boolean; prize: boolean }>(
    `select d.text, d.removable, coalesce((select enabled from points_rules where id), false) as points_on,
       exists (select 1 from campaigns where starts_at <= $1 and ends_at > $1 and prize is not null) as prize
     from disclosure_settings d where d.id`,
    [now],
  );
  if (!row) return null;
  return disclosureApplies(row, { pointsOn: row.points_on, prizeCampaignRunning: row.prize }) ? { text: row.text, removable: row.removable } : null;
}

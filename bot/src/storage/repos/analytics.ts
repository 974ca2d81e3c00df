import type { Period } from '../../domain/analytics/analytics.js';
import type { FunnelCounts, GroupNumbers } from '../../domain/analytics/analytics.js';
import type { AnalyticsDimension, AnalyticsSettings, AnalyticsSettingsInput } from '../../domain/model/analytics.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Db, Queryable } from '../db.js';
import { iso } from './rows.js';

/** One period's sums from the daily aggregates (never raw clicks). */
export interface PeriodNumbers {
  shares: number;
  clicks: number;
  readers: number;
  conversions: number;
  /** People with at least one share in the period. */
  activeSharers: number;
  /** How many different people are behind each number (for the ≥ minGroup rule). */
  people: { shares: number; clicks: number; readers: number; conversions: number };
  /** Per network with clicks: the clicks, and how many people's links brought them. */
  clicksByNetwork: Partial<Record<Network, { clicks: number; people: number }>>;
}

/**
 * How each dimension groups `analytics_daily d`: the joins it needs, the group key and the
 * label (in the caller's language, `$3`). Keys are text; unknown departments and locations
 * are the empty key.
 */
const DIMENSIONS: Record<AnalyticsDimension, { join: string; key: string; label: string }> = {
  item: { join: 'join items i on i.id = d.item_id', key: 'd.item_id::text', label: 'i.title' },
  kind: { join: 'join items i on i.id = d.item_id', key: 'i.kind', label: 'i.kind' },
  topic: {
    join: `join items i on i.id = d.item_id cross join lateral unnest(case when cardinality(i.topics) = 0 then array[''] else i.topics end) as it(topic)
           left join topics t on t.id = it.topic`,
    key: 'it.topic',
    label: `coalesce(case when $3 = 'de' then t.name_de else t.name_en end, it.topic)`,
  },
  network: { join: '', key: 'd.network', label: 'd.network' },
  language: { join: 'join items i on i.id = d.item_id', key: 'i.language', label: 'i.language' },
  department: { join: 'join people p on p.id = d.person_id', key: `coalesce(p.department, '')`, label: `coalesce(p.department, '')` },
  location: { join: 'join people p on p.id = d.person_id', key: `coalesce(p.location, '')`, label: `coalesce(p.location, '')` },
  // When it was posted (the share; for clicks and readers, the link's first share).
  weekday: { join: '', key: '(d.slot / 24 + 1)::text', label: '(d.slot / 24 + 1)::text' },
  hour: { join: '', key: '(d.slot % 24)::text', label: '(d.slot % 24)::text' },
};

/**
 * The fewest different people behind any of a group's shares, clicks and readers (0 when it
 * has none): the number the ≥ minGroup rule is checked against. Counting everyone with any
 * activity would let a row of "5 people" hold one sharer whose shares it shows.
 */
const PEOPLE_BEHIND = (d: string) => `coalesce(least(
    nullif(count(distinct ${d}.person_id) filter (where ${d}.shares > 0), 0),
    nullif(count(distinct ${d}.person_id) filter (where ${d}.clicks > 0), 0),
    nullif(count(distinct ${d}.person_id) filter (where ${d}.readers > 0), 0)), 0)::int`;
/** Different people whose links brought the conversions (checked on its own: conversions are rare). */
const CONVERTERS = (d: string) => `count(distinct ${d}.person_id) filter (where ${d}.conversions > 0)::int`;

interface SettingsRow {
  min_group: number;
  currency: string;
  cost_per_click: Partial<Record<Network, number>>;
  updated_at: Date | string | null;
}

const toSettings = (r: SettingsRow | undefined): AnalyticsSettings => ({
  minGroup: r?.min_group ?? 5,
  currency: r?.currency ?? 'EUR',
  costPerClick: r?.cost_per_click ?? {},
  updatedAt: iso(r?.updated_at ?? null),
});

/** The raw counts of one funnel, before the ≥ minGroup rule, with what it is about. */
export interface FunnelNumbers extends Omit<FunnelCounts, 'conversions'> {
  title: string;
  kind: string;
  conversions: number;
}

export function analyticsRepo(db: Queryable) {
  return {
    /** Whether conversions are measured at all: some system may report them (a conversion source exists). */
    async conversionsMeasured(): Promise<boolean> {
      const rows = await db.query('select 1 from conversion_sources limit 1');
      return rows.length > 0;
    },

    /** Whether any read receipt ever arrived (the permission is there and someone has them on). */
    async readReceiptsSeen(): Promise<boolean> {
      const rows = await db.query('select 1 from read_receipts_seen');
      return rows.length > 0;
    },

    /**
     * One announcement's funnel, or one item's over all its announcements (cancelled ones
     * too: what they delivered counts). undefined when there is no such announcement or item.
     * Opened, posted and clicks count only people the card was delivered to; clicks come from
     * the daily aggregates, never raw clicks.
     */
    async funnel(q: { announcementId?: string; itemId?: string }): Promise<FunnelNumbers | undefined> {
      const [subject] = q.announcementId
        ? await db.query<{ ids: string[]; item_id: string | null; kind: string; title: string | null }>(
            `select array[a.id::text] as ids, (a.payload->>'itemId') as item_id, a.kind, i.title
             from announcements a left join items i on i.id::text = a.payload->>'itemId' where a.id = $1`,
            [q.announcementId],
          )
        : await db.query<{ ids: string[]; item_id: string | null; kind: string; title: string | null }>(
            `select coalesce(array(select a.id::text from announcements a where a.kind = 'item' and a.payload->>'itemId' = i.id::text), '{}') as ids,
                    i.id::text as item_id, 'item' as kind, i.title
             from items i where i.id = $1`,
            [q.itemId],
          );
      if (!subject) return undefined;
      const [n] = await db.query<Omit<FunnelNumbers, 'title' | 'kind' | 'itemId'>>(
        `with got as (select person_id, status from deliveries where announcement_id = any($1::uuid[])),
              reached as (select distinct person_id from got where status = 'sent'),
              others as (select distinct dl.person_id from deliveries dl join announcements a on a.id = dl.announcement_id
                         where a.kind = 'item' and (a.payload->>'itemId') = ($2::uuid)::text and dl.status = 'sent' and dl.announcement_id <> all($1::uuid[]))
         select (select count(distinct person_id) from shares where item_id = $2::uuid)::int as sharers,
                (select count(*) from others where person_id not in (select person_id from reached))::int as "otherReached",
                (select count(distinct person_id) from got)::int as recipients,
                (select count(*) from reached)::int as delivered,
                (select coalesce(sum(reads), 0) from announcement_reads where announcement_id = any($1::uuid[]))::int as reads,
                (select count(*) from share_tokens t where t.item_id = $2::uuid and t.opened_at is not null
                   and t.person_id in (select person_id from reached))::int as opened,
                (select count(distinct s.person_id) from shares s where s.item_id = $2::uuid and s.person_id in (select person_id from reached))::int as posted,
                (select coalesce(sum(d.clicks), 0) from analytics_daily d where d.item_id = $2::uuid and d.person_id in (select person_id from reached))::int as clicks,
                (select coalesce(sum(d.conversions), 0) from analytics_daily d where d.item_id = $2::uuid and d.person_id in (select person_id from reached))::int as conversions`,
        [subject.ids, subject.item_id],
      );
      return { title: subject.title ?? '', kind: subject.kind, itemId: subject.item_id, ...(n as Omit<FunnelNumbers, 'title' | 'kind' | 'itemId'>) };
    },

    async settings(): Promise<AnalyticsSettings> {
      const [row] = await db.query<SettingsRow>('select min_group, currency, cost_per_click, updated_at from analytics_settings where id');
      return toSettings(row);
    },

    async saveSettings(input: AnalyticsSettingsInput, by: string): Promise<AnalyticsSettings> {
      const [row] = await db.query<SettingsRow>(
        `insert into analytics_settings (id, min_group, currency, cost_per_click, updated_by, updated_at) values (true, $1, $2, $3::jsonb, $4, now())
         on conflict (id) do update set min_group = $1, currency = $2, cost_per_click = $3::jsonb, updated_by = $4, updated_at = now()
         returning min_group, currency, cost_per_click, updated_at`,
        [input.minGroup, input.currency, JSON.stringify(input.costPerClick), by],
      );
      return toSettings(row);
    },

    /** People Chorus can reach with a card: a personal chat with the bot that still works. */
    async reachable(): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `select count(distinct c.person_id)::int as n from conversations c join people p on p.id = c.person_id
         where c.kind = 'personal' and c.status = 'active' and p.left_at is null`,
      );
      return row?.n ?? 0;
    },

    /**
     * A period's sums, and per number how many different people are behind it; per network
     * the clicks and how many people's links brought them.
     */
    async period(p: Period): Promise<PeriodNumbers> {
      const rows = await db.query<{
        network: Network | null; shares: number; clicks: number; readers: number; conversions: number;
        sharers: number; clickers: number; readers_of: number; converters: number;
      }>(
        `select network, coalesce(sum(shares), 0)::int as shares, coalesce(sum(clicks), 0)::int as clicks, coalesce(sum(readers), 0)::int as readers,
                coalesce(sum(conversions), 0)::int as conversions,
                count(distinct person_id) filter (where shares > 0)::int as sharers,
                count(distinct person_id) filter (where clicks > 0)::int as clickers,
                count(distinct person_id) filter (where readers > 0)::int as readers_of,
                count(distinct person_id) filter (where conversions > 0)::int as converters
         from analytics_daily where day between $1::date and $2::date
         group by grouping sets ((network), ())`,
        [p.from, p.to],
        { name: 'analytics.period' },
      );
      const all = rows.find((r) => r.network === null);
      const clicksByNetwork: Partial<Record<Network, { clicks: number; people: number }>> = {};
      for (const r of rows) if (r.network !== null && r.clicks > 0) clicksByNetwork[r.network] = { clicks: r.clicks, people: r.clickers };
      return {
        shares: all?.shares ?? 0,
        clicks: all?.clicks ?? 0,
        readers: all?.readers ?? 0,
        conversions: all?.conversions ?? 0,
        activeSharers: all?.sharers ?? 0,
        people: { shares: all?.sharers ?? 0, clicks: all?.clickers ?? 0, readers: all?.readers_of ?? 0, conversions: all?.converters ?? 0 },
        clicksByNetwork,
      };
    },

    /**
     * Sums per bucket of the trend (a bucket starts at each of `starts` and runs to the next,
     * the last to `p.to`), each with the fewest people behind its numbers.
     */
    async trend(p: Period, starts: readonly string[]): Promise<Array<{ start: string; shares: number; clicks: number; readers: number; people: number }>> {
      return db.query(
        `with b as (select start, coalesce(lead(start) over (order by start) - 1, $2::date) as until from unnest($3::date[]) as start)
         select b.start::text as start, coalesce(sum(d.shares), 0)::int as shares, coalesce(sum(d.clicks), 0)::int as clicks,
                coalesce(sum(d.readers), 0)::int as readers, ${PEOPLE_BEHIND('d')} as people
         from b left join analytics_daily d on d.day between b.start and b.until and d.day between $1::date and $2::date
         group by b.start order by b.start`,
        [p.from, p.to, starts],
        { name: 'analytics.trend' },
      );
    },

    /** The fewest people behind the numbers of the buckets starting at `starts` (of `all` buckets), together. */
    async peopleInBuckets(p: Period, all: readonly string[], starts: readonly string[]): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `with b as (select start, coalesce(lead(start) over (order by start) - 1, $2::date) as until from unnest($3::date[]) as start)
         select ${PEOPLE_BEHIND('d')} as n
         from b join analytics_daily d on d.day between b.start and b.until and d.day between $1::date and $2::date
         where b.start = any($4::date[])`,
        [p.from, p.to, all, starts],
      );
      return row?.n ?? 0;
    },

    /** The period's numbers grouped by a dimension, each group with how many different people make it up. */
    async groups(dimension: AnalyticsDimension, p: Period, language: 'de' | 'en'): Promise<GroupNumbers[]> {
      return db.query<GroupNumbers>(groupsStatement(dimension, false), [p.from, p.to, language]);
    },

    /** The fewest people behind the numbers of the groups with these keys, together. */
    async peopleIn(dimension: AnalyticsDimension, p: Period, language: 'de' | 'en', keys: readonly string[]): Promise<number> {
      const d = DIMENSIONS[dimension];
      const [row] = await db.query<{ n: number }>(
        `select ${PEOPLE_BEHIND('d')} as n
         from analytics_daily d ${d.join}
         where d.day between $1::date and $2::date and $3::text is not null and ${d.key} = any($4::text[])`,
        [p.from, p.to, language, keys],
      );
      return row?.n ?? 0;
    },
  };
}
export type AnalyticsRepo = ReturnType<typeof analyticsRepo>;

/** A period's groups of a dimension ($1, $2, $3: from, to, language); `ordered`: most clicks first (`byClicks`). */
function groupsStatement(dimension: AnalyticsDimension, ordered: boolean): string {
  const d = DIMENSIONS[dimension];
  return `select ${d.key} as key, min(${d.label}) as label, ${PEOPLE_BEHIND('d')} as people, ${CONVERTERS('d')} as converters,
                 sum(d.shares)::int as shares, sum(d.clicks)::int as clicks, sum(d.readers)::int as readers, sum(d.conversions)::int as conversions
          from analytics_daily d ${d.join}
          where d.day between $1::date and $2::date and $3::text is not null
          group by 1${ordered ? ` order by clicks desc, shares desc, (${d.key}) collate "C"` : ''}`;
}

/**
 * The same groups, read through a cursor `batch` at a time and handed to `visit` one by one
 * (awaited: a CSV download waits for its reader), so that memory does not grow with the
 * number of groups. In one read-only transaction.
 */
export async function scanGroups(
  db: Db,
  dimension: AnalyticsDimension,
  p: Period,
  language: 'de' | 'en',
  ordered: boolean,
  visit: (g: GroupNumbers) => void | Promise<void>,
  batch = 1000,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('set transaction read only');
    await tx.query(`declare analytics_groups no scroll cursor for ${groupsStatement(dimension, ordered)}`, [p.from, p.to, language]);
    for (;;) {
      const rows = await tx.query<GroupNumbers>(`fetch ${batch} from analytics_groups`);
      for (const g of rows) await visit(g);
      if (rows.length < batch) break;
    }
    await tx.query('close analytics_groups');
  });
}

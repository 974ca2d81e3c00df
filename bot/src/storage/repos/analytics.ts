import type { Period } from '../../domain/analytics/analytics.js';
import type { GroupNumbers } from '../../domain/analytics/analytics.js';
import type { AnalyticsDimension, AnalyticsSettings, AnalyticsSettingsInput } from '../../domain/model/analytics.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Queryable } from '../db.js';
import { iso } from './rows.js';

/** One period's sums from the daily aggregates (never raw clicks). */
export interface PeriodNumbers {
  shares: number;
  clicks: number;
  readers: number;
  /** People with at least one share in the period. */
  activeSharers: number;
  /** Different people whose shares or links make up the numbers (for the ≥ minGroup rule). */
  contributors: number;
  clicksByNetwork: Partial<Record<Network, number>>;
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

export function analyticsRepo(db: Queryable) {
  return {
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
        `select count(distinct person_id)::int as n from conversations where kind = 'personal' and status = 'active' and person_id is not null`,
      );
      return row?.n ?? 0;
    },

    /** A period's sums, active sharers and contributors, and clicks per network. */
    async period(p: Period): Promise<PeriodNumbers> {
      const rows = await db.query<{ network: Network | null; shares: number; clicks: number; readers: number; active: number; contributors: number }>(
        `select network, coalesce(sum(shares), 0)::int as shares, coalesce(sum(clicks), 0)::int as clicks, coalesce(sum(readers), 0)::int as readers,
                count(distinct person_id) filter (where shares > 0)::int as active, count(distinct person_id)::int as contributors
         from analytics_daily where day between $1::date and $2::date
         group by grouping sets ((network), ())`,
        [p.from, p.to],
        { name: 'analytics.period' },
      );
      const all = rows.find((r) => r.network === null);
      const clicksByNetwork: Partial<Record<Network, number>> = {};
      for (const r of rows) if (r.network !== null && r.clicks > 0) clicksByNetwork[r.network] = r.clicks;
      return {
        shares: all?.shares ?? 0,
        clicks: all?.clicks ?? 0,
        readers: all?.readers ?? 0,
        activeSharers: all?.active ?? 0,
        contributors: all?.contributors ?? 0,
        clicksByNetwork,
      };
    },

    /** Sums per day of the period (days without any activity are left out). */
    async trend(p: Period): Promise<Array<{ day: string; shares: number; clicks: number; readers: number }>> {
      return db.query(
        `select day::text as day, sum(shares)::int as shares, sum(clicks)::int as clicks, sum(readers)::int as readers
         from analytics_daily where day between $1::date and $2::date group by day order by day`,
        [p.from, p.to],
        { name: 'analytics.trend' },
      );
    },

    /** The period's numbers grouped by a dimension, each group with how many different people make it up. */
    async groups(dimension: AnalyticsDimension, p: Period, language: 'de' | 'en'): Promise<GroupNumbers[]> {
      const d = DIMENSIONS[dimension];
      return db.query<GroupNumbers>(
        `select ${d.key} as key, min(${d.label}) as label, count(distinct d.person_id)::int as people,
                sum(d.shares)::int as shares, sum(d.clicks)::int as clicks, sum(d.readers)::int as readers
         from analytics_daily d ${d.join}
         where d.day between $1::date and $2::date and $3::text is not null
         group by 1`,
        [p.from, p.to, language],
      );
    },

    /** How many different people the groups with these keys hold together. */
    async peopleIn(dimension: AnalyticsDimension, p: Period, language: 'de' | 'en', keys: readonly string[]): Promise<number> {
      const d = DIMENSIONS[dimension];
      const [row] = await db.query<{ n: number }>(
        `select count(distinct d.person_id)::int as n
         from analytics_daily d ${d.join}
         where d.day between $1::date and $2::date and $3::text is not null and ${d.key} = any($4::text[])`,
        [p.from, p.to, language, keys],
      );
      return row?.n ?? 0;
    },
  };
}
export type AnalyticsRepo = ReturnType<typeof analyticsRepo>;

import { analyticsPeriod, clicksPerShare, earnedMediaValue, funnelStages, mergeSmallGroups, mergeSmallGroupsStreaming, trendBuckets, trendSeries, type Period } from '../domain/analytics/analytics.js';
import type { AnalyticsOverview, AnalyticsPeriodQuery, AnalyticsTotals, Breakdown, BreakdownPageQuery, BreakdownQuery, BreakdownRow, Funnel, FunnelQuery } from '../domain/model/analytics.js';
import { notFound } from '../domain/errors.js';
import type { Network } from '../domain/sharing/networks.js';
import { TenantDays } from '../domain/time/tenant-day.js';
import type { Db } from '../storage/db.js';
import { analyticsRepo, scanGroups, type PeriodNumbers } from '../storage/repos/analytics.js';
import type { AnalyticsSettings } from '../domain/model/analytics.js';
import { AnalyticsCache } from './analytics-cache.js';

export interface AnalyticsOptions {
  timeZone: string;
  now: () => number;
  /** Answers kept for a while (see AnalyticsCache); without it every request computes. */
  cache?: AnalyticsCache;
}

/** What of the settings an answer depends on: a change shows at once (a new key). */
const settingsKey = (s: AnalyticsSettings) => JSON.stringify([s.minGroup, s.currency, s.costPerClick]);

/**
 * The content team's dashboard (issue 13): headline numbers with the period before, the trend,
 * and breakdowns — from the daily aggregates only, never raw clicks, and never about fewer
 * people than the minimum group (≥ 5): a period made up by fewer is withheld, smaller groups
 * are merged into "other".
 */
export function analyticsService(db: Db, o: AnalyticsOptions) {
  const repo = analyticsRepo(db);
  const days = new TenantDays(o.timeZone);
  const today = () => days.dayAt(o.now());
  const cache = o.cache ?? new AnalyticsCache({ refreshMs: 0, now: o.now });

  /** The headline numbers, each only when at least minGroup people are behind it (or none). */
  function totals(n: PeriodNumbers, reachable: number, minGroup: number, costPerClick: Partial<Record<Network, number>>, measured: boolean): AnalyticsTotals {
    const enough = (people: number) => people === 0 || people >= minGroup;
    const sharesOk = enough(n.people.shares);
    const clicksOk = enough(n.people.clicks);
    const readersOk = enough(n.people.readers);
    const conversionsOk = enough(n.people.conversions);
    const emv = earnedMediaValue(n.clicksByNetwork, costPerClick, minGroup).value;
    // A rate is entered but the value is held back: a rated network's clicks are too few people's.
    const emvHidden = Object.keys(costPerClick).length > 0 && emv === null;
    return {
      withheld: !(sharesOk && clicksOk && readersOk && conversionsOk) || emvHidden,
      reachable,
      activeSharers: sharesOk ? n.activeSharers : null,
      participation: sharesOk && reachable > 0 ? Math.round((n.activeSharers / reachable) * 1000) / 1000 : null,
      shares: sharesOk ? n.shares : null,
      clicks: clicksOk ? n.clicks : null,
      readers: readersOk ? n.readers : null,
      clicksPerShare: sharesOk && clicksOk ? clicksPerShare(n.clicks, n.shares) : null,
      conversions: measured && conversionsOk ? n.conversions : null,
      earnedMediaValue: clicksOk ? emv : null,
    };
  }

  return {
    repo,

    async overview(query: AnalyticsPeriodQuery): Promise<AnalyticsOverview> {
      const { current } = analyticsPeriod(query, today());
      const settings = await repo.settings();
      return cache.get(`overview|${current.from}|${current.to}|${settingsKey(settings)}`, async () => {
        const value = await overviewOf(analyticsPeriod(query, today()), settings);
        return { value, rows: value.trend.series.length };
      });
    },

    /** Recipients → delivered → read → share page opened → posted → clicks → conversions. */
    async funnel(query: FunnelQuery): Promise<Funnel> {
      const settings = await repo.settings();
      return cache.get(`funnel|${query.announcementId ?? ''}|${query.itemId ?? ''}|${settingsKey(settings)}`, async () => ({
        value: await funnelOf(query, settings),
        rows: 1,
      }));
    },

    async breakdown(query: BreakdownPageQuery, language: 'de' | 'en'): Promise<Breakdown> {
      const { current } = analyticsPeriod(query, today());
      const settings = await repo.settings();
      const all = await cache.get(`breakdown|${query.dimension}|${language}|${current.from}|${current.to}|${settingsKey(settings)}`, async () => {
        const { rows, other } = await breakdownIn(current, query.dimension, settings.minGroup, language);
        const value: Breakdown = { dimension: query.dimension, from: current.from, to: current.to, minGroup: settings.minGroup, rows, other, more: 0 };
        return { value, rows: rows.length };
      });
      // The first `limit` rows (most clicks first); "other" stays the small groups merged.
      return query.limit === undefined || all.rows.length <= query.limit
        ? all
        : { ...all, rows: all.rows.slice(0, query.limit), more: all.rows.length - query.limit };
    },

    /**
     * A breakdown for download, however many rows it has: the period is checked at once; `rows`
     * then hands each row to `emit` in the order of the JSON (awaiting it: the reader sets the
     * pace) and returns "other". Read from the database twice through a cursor, never kept in
     * memory or in the cache.
     */
    breakdownRows(query: BreakdownQuery, language: 'de' | 'en') {
      const { current } = analyticsPeriod(query, today());
      const scan = (ordered: boolean) => (visit: Parameters<typeof scanGroups>[5]) => scanGroups(db, query.dimension, current, language, ordered, visit);
      return {
        dimension: query.dimension,
        from: current.from,
        to: current.to,
        rows: async (emit: (row: BreakdownRow) => Promise<void>): Promise<BreakdownRow | null> => {
          const { minGroup } = await repo.settings();
          return mergeSmallGroupsStreaming(scan(false), scan(true), minGroup, (keys) => repo.peopleIn(query.dimension, current, language, keys), emit);
        },
      };
    },
  };

  async function overviewOf({ current, previous }: { current: Period; previous: Period }, settings: AnalyticsSettings): Promise<AnalyticsOverview> {
      const { starts } = trendBuckets(current);
      const [reachable, now, before, trend, measured] = await Promise.all([
        repo.reachable(),
        repo.period(current),
        repo.period(previous),
        repo.trend(current, starts),
        repo.conversionsMeasured(),
      ]);
      const currentTotals = totals(now, reachable, settings.minGroup, settings.costPerClick, measured);
      return {
        from: current.from,
        to: current.to,
        timeZone: o.timeZone,
        previous,
        minGroup: settings.minGroup,
        current: currentTotals,
        before: totals(before, reachable, settings.minGroup, settings.costPerClick, measured),
        trend: await trendSeries(current, trend, settings.minGroup, (hidden) => repo.peopleInBuckets(current, starts, hidden)),
        earnedMedia: {
          currency: settings.currency,
          costPerClick: settings.costPerClick,
          missingRates: earnedMediaValue(now.clicksByNetwork, settings.costPerClick, settings.minGroup).missingRates,
        },
      };
  }

  async function funnelOf(query: FunnelQuery, settings: AnalyticsSettings): Promise<Funnel> {
    const [numbers, receipts, measured] = await Promise.all([repo.funnel(query), repo.readReceiptsSeen(), repo.conversionsMeasured()]);
    if (!numbers) throw notFound(query.announcementId ? 'Announcement' : 'Item');
    const subject = query.announcementId
      ? { type: 'announcement' as const, id: query.announcementId }
      : { type: 'item' as const, id: query.itemId as string };
    return {
      subject: { ...subject, title: numbers.title, kind: numbers.kind },
      minGroup: settings.minGroup,
      stages: funnelStages({ ...numbers, conversions: measured ? numbers.conversions : null }, settings.minGroup, receipts),
    };
  }

  async function breakdownIn(period: Period, dimension: BreakdownQuery['dimension'], minGroup: number, language: 'de' | 'en') {
    const groups = await repo.groups(dimension, period, language);
    return mergeSmallGroups(groups, minGroup, (keys) => repo.peopleIn(dimension, period, language, keys));
  }
}
export type AnalyticsService = ReturnType<typeof analyticsService>;

import { analyticsPeriod, clicksPerShare, earnedMediaValue, funnelStages, mergeSmallGroups, trendBuckets, trendSeries, type Period } from '../domain/analytics/analytics.js';
import type { AnalyticsOverview, AnalyticsPeriodQuery, AnalyticsTotals, Breakdown, BreakdownQuery, Funnel, FunnelQuery } from '../domain/model/analytics.js';
import { notFound } from '../domain/errors.js';
import type { Network } from '../domain/sharing/networks.js';
import { TenantDays } from '../domain/time/tenant-day.js';
import type { Queryable } from '../storage/db.js';
import { analyticsRepo, type PeriodNumbers } from '../storage/repos/analytics.js';

export interface AnalyticsOptions {
  timeZone: string;
  now: () => number;
}

/**
 * The content team's dashboard (issue 13): headline numbers with the period before, the trend,
 * and breakdowns — from the daily aggregates only, never raw clicks, and never about fewer
 * people than the minimum group (≥ 5): a period made up by fewer is withheld, smaller groups
 * are merged into "other".
 */
export function analyticsService(db: Queryable, o: AnalyticsOptions) {
  const repo = analyticsRepo(db);
  const days = new TenantDays(o.timeZone);
  const today = () => days.dayAt(o.now());

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
      const { current, previous } = analyticsPeriod(query, today());
      const { starts } = trendBuckets(current);
      const [settings, reachable, now, before, trend, measured] = await Promise.all([
        repo.settings(),
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
    },

    /** Recipients → delivered → read → share page opened → posted → clicks → conversions. */
    async funnel(query: FunnelQuery): Promise<Funnel> {
      const [numbers, settings, receipts, measured] = await Promise.all([repo.funnel(query), repo.settings(), repo.readReceiptsSeen(), repo.conversionsMeasured()]);
      if (!numbers) throw notFound(query.announcementId ? 'Announcement' : 'Item');
      const subject = query.announcementId
        ? { type: 'announcement' as const, id: query.announcementId }
        : { type: 'item' as const, id: query.itemId as string };
      return {
        subject: { ...subject, title: numbers.title, kind: numbers.kind },
        minGroup: settings.minGroup,
        stages: funnelStages({ ...numbers, conversions: measured ? numbers.conversions : null }, settings.minGroup, receipts),
      };
    },

    async breakdown(query: BreakdownQuery, language: 'de' | 'en'): Promise<Breakdown> {
      const { current } = analyticsPeriod(query, today());
      const settings = await repo.settings();
      const { rows, other } = await breakdownIn(current, query.dimension, settings.minGroup, language);
      return { dimension: query.dimension, from: current.from, to: current.to, minGroup: settings.minGroup, rows, other };
    },
  };

  async function breakdownIn(period: Period, dimension: BreakdownQuery['dimension'], minGroup: number, language: 'de' | 'en') {
    const groups = await repo.groups(dimension, period, language);
    return mergeSmallGroups(groups, minGroup, (keys) => repo.peopleIn(dimension, period, language, keys));
  }
}
export type AnalyticsService = ReturnType<typeof analyticsService>;

import { invalid } from '../errors.js';
import type { Network } from '../sharing/networks.js';
import { addDays, daysBetween, weekdayOf } from '../time/tenant-day.js';
import type { ConversionCounts, Impact, ImpactCounts, ImpactQuery } from '../model/impact.js';
import { CONVERSION_TYPES, type ConversionType } from '../model/conversion-types.js';

/** The longest period My impact answers for (a leap year). */
export const MAX_IMPACT_DAYS = 366;
/** Without a period: the last 30 days, today included. */
export const DEFAULT_IMPACT_DAYS = 30;
/** Longer periods are drawn per week: a year of days is too many points to read. */
export const DAILY_UP_TO_DAYS = 92;
export const TOP_ITEMS = 5;

export interface ImpactPeriod {
  from: string;
  to: string;
}

/** The period asked for, with defaults around `today`; bad ones are refused naming the field. */
export function impactPeriod(query: ImpactQuery, today: string): ImpactPeriod {
  const to = query.to ?? (query.from && query.from > today ? addDays(query.from, DEFAULT_IMPACT_DAYS - 1) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_IMPACT_DAYS - 1));
  if (to < from) throw invalid({ to: 'impact.toBeforeFrom' });
  // Both ends count: from + 365 days is 366 days.
  if (daysBetween(from, to) + 1 > MAX_IMPACT_DAYS) throw invalid({ to: { key: 'impact.tooLong', params: { max: MAX_IMPACT_DAYS - 1 } } });
  return { from, to };
}

/** One person's numbers on one day, for one item and network (what storage hands over). */
export interface ImpactRow extends ImpactCounts {
  day: string;
  itemId: string;
  network: Network;
}

const zero = (): ImpactCounts => ({ shares: 0, clicks: 0, readers: 0 });
const add = (into: ImpactCounts, row: ImpactCounts) => {
  into.shares += row.shares;
  into.clicks += row.clicks;
  into.readers += row.readers;
};

/** The buckets of a period: its days, or its weeks (Monday–Sunday, cut at the ends). */
export function buckets(period: ImpactPeriod): { granularity: 'day' | 'week'; starts: string[] } {
  const days = daysBetween(period.from, period.to) + 1;
  const starts: string[] = [];
  if (days <= DAILY_UP_TO_DAYS) {
    for (let i = 0; i < days; i++) starts.push(addDays(period.from, i));
    return { granularity: 'day', starts };
  }
  starts.push(period.from);
  // The Monday after `from` (a week later when `from` is a Monday).
  for (let monday = addDays(period.from, 8 - weekdayOf(period.from)); monday <= period.to; monday = addDays(monday, 7)) starts.push(monday);
  return { granularity: 'week', starts };
}

/** Conversions per type (as storage counts them) → the total and every type, zeros included. */
export function conversionCounts(perType: ReadonlyArray<{ type: ConversionType; count: number }>): ConversionCounts {
  const byType = Object.fromEntries(CONVERSION_TYPES.map((t) => [t, 0])) as Record<ConversionType, number>;
  for (const { type, count } of perType) byType[type] += count;
  return { total: CONVERSION_TYPES.reduce((n, t) => n + byType[t], 0), byType };
}

/** The answer of GET /api/v1/me/impact from one person's rows in the period. */
export function impactReport(
  period: ImpactPeriod,
  timeZone: string,
  rows: readonly ImpactRow[],
  titles: ReadonlyMap<string, string>,
  conversions: ConversionCounts,
): Impact {
  const { granularity, starts } = buckets(period);
  const series = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : period.to, ...zero() }));
  const totals = zero();
  const networks = new Map<Network, ImpactCounts>();
  const items = new Map<string, ImpactCounts>();
  for (const row of rows) {
    if (row.day < period.from || row.day > period.to) continue;
    add(totals, row);
    // The bucket: the last start on or before the day (few buckets; a binary search is not worth it).
    let b = starts.length - 1;
    while (b > 0 && starts[b]! > row.day) b--;
    add(series[b]!, row);
    add(networks.get(row.network) ?? networks.set(row.network, zero()).get(row.network)!, row);
    add(items.get(row.itemId) ?? items.set(row.itemId, zero()).get(row.itemId)!, row);
  }
  const topItems = [...items]
    .sort(([a, x], [b, y]) => y.clicks - x.clicks || y.readers - x.readers || y.shares - x.shares || (a < b ? -1 : 1))
    .slice(0, TOP_ITEMS)
    .map(([itemId, c]) => ({ itemId, title: titles.get(itemId) ?? '', ...c }));
  return {
    from: period.from,
    to: period.to,
    timeZone,
    granularity,
    totals,
    series,
    networks: [...networks].map(([network, c]) => ({ network, ...c })).sort((a, b) => b.clicks - a.clicks || b.shares - a.shares || (a.network < b.network ? -1 : 1)),
    topItems,
    conversions,
  };
}

import { invalid } from '../errors.js';
import type { AnalyticsPeriodQuery, BreakdownRow, FUNNEL_GAPS, FunnelStage } from '../model/analytics.js';
import { MAX_PERIOD_DAYS } from '../model/analytics.js';
import type { Network } from '../sharing/networks.js';
import { buckets } from '../impact/impact-report.js';
import { addDays, daysBetween } from '../time/tenant-day.js';

/** Without a period: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

export interface Period {
  from: string;
  to: string;
}

/**
 * The period asked for (tenant days, both ends included) with defaults around `today`, and
 * the period before it of the same length. Ends before it starts, or longer than two
 * years: refused, naming the field.
 */
export function analyticsPeriod(query: AnalyticsPeriodQuery, today: string): { current: Period; previous: Period } {
  const to = query.to ?? (query.from && query.from > today ? addDays(query.from, DEFAULT_PERIOD_DAYS - 1) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (to < from) throw invalid({ to: 'impact.toBeforeFrom' });
  const days = daysBetween(from, to) + 1;
  if (days > MAX_PERIOD_DAYS) throw invalid({ to: { key: 'impact.tooLong', params: { max: MAX_PERIOD_DAYS - 1 } } });
  return { current: { from, to }, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

/** One bucket of the trend as storage sums it, with the fewest people behind its numbers. */
export interface BucketNumbers {
  start: string;
  shares: number;
  clicks: number;
  readers: number;
  people: number;
}

export interface TrendPoint {
  start: string;
  end: string;
  withheld: boolean;
  shares: number | null;
  clicks: number | null;
  readers: number | null;
}

/** Where the trend's buckets start: per day up to 92 days, per week beyond (as My impact draws it). */
export const trendBuckets = (period: Period) => buckets(period);

/**
 * The trend under the ≥ minGroup rule: a bucket made up by 1…minGroup−1 people is withheld;
 * if the withheld ones together are still fewer than minGroup (`peopleIn` counts them), the
 * smallest shown bucket is withheld too — else the period's total minus the shown buckets
 * would give them away.
 */
export async function trendSeries(
  period: Period,
  rows: readonly BucketNumbers[],
  minGroup: number,
  peopleIn: (starts: string[]) => Promise<number>,
): Promise<{ granularity: 'day' | 'week'; series: TrendPoint[] }> {
  const { granularity, starts } = buckets(period);
  const byStart = new Map(rows.map((r) => [r.start, r]));
  const numbers = starts.map((start) => byStart.get(start) ?? { start, shares: 0, clicks: 0, readers: 0, people: 0 });
  const small = (n: BucketNumbers) => n.people > 0 && n.people < minGroup;
  const hidden = new Set(numbers.filter(small).map((n) => n.start));
  if (hidden.size > 0 && (await peopleIn([...hidden])) < minGroup) {
    const shown = numbers.filter((n) => !hidden.has(n.start) && n.people > 0).sort((a, b) => a.people - b.people || a.clicks - b.clicks);
    if (shown[0]) hidden.add(shown[0].start);
  }
  const series = numbers.map((n, i): TrendPoint => {
    const end = i + 1 < starts.length ? addDays(starts[i + 1] as string, -1) : period.to;
    return hidden.has(n.start)
      ? { start: n.start, end, withheld: true, shares: null, clicks: null, readers: null }
      : { start: n.start, end, withheld: false, shares: n.shares, clicks: n.clicks, readers: n.readers };
  });
  return { granularity, series };
}

/** Clicks ÷ shares, two decimals; null without shares. */
export const clicksPerShare = (clicks: number, shares: number): number | null => (shares > 0 ? Math.round((clicks / shares) * 100) / 100 : null);

/**
 * Earned media value: for each network, its clicks × the cost per click the admins entered;
 * networks without a rate add nothing and are named. null when no rate is entered at all
 * (no invented defaults) — and when a rated network's clicks come from fewer than minGroup
 * people's links: with rates on some networks only, the value would be their clicks.
 */
export function earnedMediaValue(
  clicksByNetwork: Partial<Record<Network, { clicks: number; people: number }>>,
  costPerClick: Partial<Record<Network, number>>,
  minGroup: number,
): { value: number | null; missingRates: Network[] } {
  const rated = Object.keys(costPerClick).length > 0;
  let value = 0;
  let small = false;
  const missingRates: Network[] = [];
  for (const [network, n] of Object.entries(clicksByNetwork) as Array<[Network, { clicks: number; people: number }]>) {
    if (n.clicks <= 0) continue;
    const rate = costPerClick[network];
    if (rate === undefined) missingRates.push(network);
    else {
      value += n.clicks * rate;
      if (n.people < minGroup) small = true;
    }
  }
  return { value: rated && !small ? Math.round(value * 100) / 100 : null, missingRates: missingRates.sort() };
}

/** A group as storage hands it over: its numbers and how many different people they come from. */
export interface GroupNumbers {
  key: string;
  label: string;
  /** The fewest different people behind the group's shares, clicks and readers. */
  people: number;
  /** Different people whose links brought the group's conversions. */
  converters: number;
  shares: number;
  clicks: number;
  readers: number;
  conversions: number;
}

/**
 * The order of a breakdown: most clicks first, then most shares, then by key (code points,
 * as Postgres's "C" collation orders them: storage streams rows in this order).
 */
export function byClicks(a: GroupNumbers, b: GroupNumbers): number {
  return b.clicks - a.clicks || b.shares - a.shares || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Hands every group to `visit`, in some order; awaited between groups (storage reads them in batches). */
export type GroupScan = (visit: (g: GroupNumbers) => void | Promise<void>) => Promise<void>;

/**
 * The ≥ minGroup rule: groups of fewer people are merged into "other". If "other" would hold
 * fewer than minGroup different people (but some), the smallest shown group is merged in as
 * well — otherwise the total minus the rows shown would describe those few. If everything
 * together is fewer, nothing is shown. `peopleIn(keys)`: how many different people the
 * groups with these keys hold together (one person may be in several groups).
 *
 * Streamed in two passes, so that a breakdown of 100,000 items never sits in memory: `scan`
 * (any order) decides what is merged, keeping only the small groups' keys and sums;
 * `scanInOrder` (in `byClicks` order) hands each shown row to `emit`. Returns "other".
 */
export async function mergeSmallGroupsStreaming(
  scan: GroupScan,
  scanInOrder: GroupScan,
  minGroup: number,
  peopleIn: (keys: string[]) => Promise<number>,
  emit: (row: BreakdownRow) => void | Promise<void>,
): Promise<BreakdownRow | null> {
  const merged: string[] = [];
  const sums = { shares: 0, clicks: 0, readers: 0, conversions: 0 };
  let smallest: GroupNumbers | null = null;
  // Conversions are rare: shown per row only when no row's come from 1…minGroup−1 people's links.
  let conversionsShown = true;
  const add = (g: GroupNumbers) => {
    merged.push(g.key);
    sums.shares += g.shares;
    sums.clicks += g.clicks;
    sums.readers += g.readers;
    sums.conversions += g.conversions;
  };
  await scan((g) => {
    if (g.converters > 0 && g.converters < minGroup) conversionsShown = false;
    if (g.people < minGroup) add(g);
    // The smallest shown group: fewest people, then fewest clicks, then the last in order.
    else if (!smallest || g.people < smallest.people || (g.people === smallest.people && (g.clicks < smallest.clicks || (g.clicks === smallest.clicks && byClicks(g, smallest) > 0)))) smallest = g;
  });
  let people = merged.length > 0 ? await peopleIn(merged) : 0;
  let joined: string | null = null;
  if (merged.length > 0 && people < minGroup && smallest) {
    // The smallest shown group joins "other": on its own it has minGroup people or more.
    joined = (smallest as GroupNumbers).key;
    add(smallest);
    people = await peopleIn(merged);
  }
  const row = (g: Omit<GroupNumbers, 'converters'>): BreakdownRow => ({
    key: g.key,
    label: g.label,
    people: g.people,
    shares: g.shares,
    clicks: g.clicks,
    readers: g.readers,
    conversions: conversionsShown ? g.conversions : null,
    clicksPerShare: clicksPerShare(g.clicks, g.shares),
  });
  await scanInOrder(async (g) => {
    if (g.people >= minGroup && g.key !== joined) await emit(row(g));
  });
  return merged.length > 0 && people >= minGroup ? row({ key: 'other', label: 'other', people, ...sums }) : null;
}

/** The same for groups in memory (a breakdown as JSON). */
export async function mergeSmallGroups(
  groups: readonly GroupNumbers[],
  minGroup: number,
  peopleIn: (keys: string[]) => Promise<number>,
): Promise<{ rows: BreakdownRow[]; other: BreakdownRow | null }> {
  const rows: BreakdownRow[] = [];
  const each = (list: readonly GroupNumbers[]): GroupScan => async (visit) => {
    for (const g of list) await visit(g);
  };
  const other = await mergeSmallGroupsStreaming(each(groups), each([...groups].sort(byClicks)), minGroup, peopleIn, (r) => {
    rows.push(r);
  });
  return { rows, other };
}

/** What storage counted for one funnel (see the funnel schema). */
export interface FunnelCounts {
  itemId: string | null;
  /** Everybody who shared the item, reached by the card or not (the item breakdown counts them all). */
  sharers: number;
  /** For one announcement: people the item's other announcements reached and this one did not. */
  otherReached: number;
  recipients: number;
  delivered: number;
  reads: number;
  opened: number;
  posted: number;
  clicks: number;
  conversions: number | null;
}

type Stage = { stage: FunnelStage; value: number | null; gap: (typeof FUNNEL_GAPS)[number] | null };

/**
 * The funnel's stages under the ≥ minGroup rule: delivered to fewer people than the minimum,
 * nothing after "recipients" is shown; fewer posters than the minimum, nothing from "posted"
 * on (clicks and conversions would be theirs). Read without any receipt ever: "not available",
 * not 0. Announcements without an item stop after "read".
 */
export function funnelStages(c: FunnelCounts, minGroup: number, readReceipts: boolean): Stage[] {
  const few = (people: number) => people > 0 && people < minGroup;
  const stages: Stage[] = [{ stage: 'recipients', value: c.recipients, gap: null }];
  // Fewer than minGroup reached — or this announcement's funnel and the item's would differ by
  // a few people (the item's other announcements): only the recipients.
  const hidden = few(c.delivered) || few(c.recipients) || few(c.otherReached);
  const add = (stage: FunnelStage, value: number | null, gap: Stage['gap']) => stages.push({ stage, value: gap ? null : value, gap });
  add('delivered', c.delivered, hidden ? 'too_few' : null);
  add('read', c.reads, hidden || few(c.reads) ? 'too_few' : readReceipts ? null : 'no_read_receipts');
  const noItem = c.itemId === null;
  add('opened', c.opened, noItem ? 'no_item' : hidden || few(c.opened) ? 'too_few' : null);
  // Few posters — or few sharers the card never reached: the item's breakdown row minus this would be theirs.
  const fewPosters = hidden || few(c.posted) || few(c.sharers - c.posted);
  add('posted', c.posted, noItem ? 'no_item' : fewPosters ? 'too_few' : null);
  add('clicks', c.clicks, noItem ? 'no_item' : fewPosters ? 'too_few' : null);
  add('conversions', c.conversions, noItem ? 'no_item' : fewPosters ? 'too_few' : c.conversions === null ? 'not_measured' : null);
  return stages;
}

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

export interface DayNumbers {
  day: string;
  shares: number;
  clicks: number;
  readers: number;
}

/** The period's days summed per day (up to 92 days) or per week, zeros included — as My impact draws it. */
export function trendSeries(period: Period, days: readonly DayNumbers[]): { granularity: 'day' | 'week'; series: Array<{ start: string; end: string; shares: number; clicks: number; readers: number }> } {
  const { granularity, starts } = buckets(period);
  const series = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? addDays(starts[i + 1] as string, -1) : period.to, shares: 0, clicks: 0, readers: 0 }));
  for (const d of days) {
    if (d.day < period.from || d.day > period.to) continue;
    let b = starts.length - 1;
    while (b > 0 && (starts[b] as string) > d.day) b--;
    const bucket = series[b]!;
    bucket.shares += d.shares;
    bucket.clicks += d.clicks;
    bucket.readers += d.readers;
  }
  return { granularity, series };
}

/** Clicks ÷ shares, two decimals; null without shares. */
export const clicksPerShare = (clicks: number, shares: number): number | null => (shares > 0 ? Math.round((clicks / shares) * 100) / 100 : null);

/**
 * Earned media value: for each network, its clicks × the cost per click the admins entered;
 * networks without a rate add nothing and are named. null when no rate is entered at all
 * (no invented defaults).
 */
export function earnedMediaValue(clicksByNetwork: Partial<Record<Network, number>>, costPerClick: Partial<Record<Network, number>>): { value: number | null; missingRates: Network[] } {
  const rated = Object.keys(costPerClick).length > 0;
  let value = 0;
  const missingRates: Network[] = [];
  for (const [network, clicks] of Object.entries(clicksByNetwork) as Array<[Network, number]>) {
    if (clicks <= 0) continue;
    const rate = costPerClick[network];
    if (rate === undefined) missingRates.push(network);
    else value += clicks * rate;
  }
  return { value: rated ? Math.round(value * 100) / 100 : null, missingRates: missingRates.sort() };
}

/** A group as storage hands it over: its numbers and how many different people they come from. */
export interface GroupNumbers {
  key: string;
  label: string;
  people: number;
  shares: number;
  clicks: number;
  readers: number;
  conversions: number;
}

/**
 * The ≥ minGroup rule: groups of fewer people are merged into "other". If "other" would hold
 * fewer than minGroup different people (but some), the smallest shown group is merged in as
 * well — otherwise the total minus the rows shown would describe those few. If everything
 * together is fewer, nothing is shown. `peopleIn(keys)`: how many different people the
 * groups with these keys hold together (one person may be in several groups).
 */
export async function mergeSmallGroups(
  groups: readonly GroupNumbers[],
  minGroup: number,
  peopleIn: (keys: string[]) => Promise<number>,
): Promise<{ rows: BreakdownRow[]; other: BreakdownRow | null }> {
  const byClicks = [...groups].sort((a, b) => b.clicks - a.clicks || b.shares - a.shares || a.label.localeCompare(b.label));
  const shown = byClicks.filter((g) => g.people >= minGroup);
  const merged = byClicks.filter((g) => g.people < minGroup);
  let people = merged.length > 0 ? await peopleIn(merged.map((g) => g.key)) : 0;
  if (merged.length > 0 && people < minGroup && shown.length > 0) {
    // The smallest shown group (fewest people, then fewest clicks) joins "other": on its own
    // it has minGroup people or more.
    let smallest = 0;
    shown.forEach((g, i) => {
      const s = shown[smallest] as GroupNumbers;
      if (g.people < s.people || (g.people === s.people && g.clicks < s.clicks)) smallest = i;
    });
    merged.push(...shown.splice(smallest, 1));
    people = await peopleIn(merged.map((g) => g.key));
  }
  const row = (g: GroupNumbers): BreakdownRow => ({
    key: g.key,
    label: g.label,
    people: g.people,
    shares: g.shares,
    clicks: g.clicks,
    readers: g.readers,
    conversions: g.conversions,
    clicksPerShare: clicksPerShare(g.clicks, g.shares),
  });
  const sum = (pick: (g: GroupNumbers) => number) => merged.reduce((t, g) => t + pick(g), 0);
  const other =
    merged.length > 0 && people >= minGroup
      ? row({ key: 'other', label: 'other', people, shares: sum((g) => g.shares), clicks: sum((g) => g.clicks), readers: sum((g) => g.readers), conversions: sum((g) => g.conversions) })
      : null;
  return { rows: shown.map(row), other };
}

/** What storage counted for one funnel (see the funnel schema). */
export interface FunnelCounts {
  itemId: string | null;
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
  const hidden = few(c.delivered) || few(c.recipients);
  const add = (stage: FunnelStage, value: number | null, gap: Stage['gap']) => stages.push({ stage, value: gap ? null : value, gap });
  add('delivered', c.delivered, hidden ? 'too_few' : null);
  add('read', c.reads, hidden ? 'too_few' : readReceipts ? null : 'no_read_receipts');
  const noItem = c.itemId === null;
  add('opened', c.opened, noItem ? 'no_item' : hidden || few(c.opened) ? 'too_few' : null);
  const fewPosters = hidden || few(c.posted);
  add('posted', c.posted, noItem ? 'no_item' : fewPosters ? 'too_few' : null);
  add('clicks', c.clicks, noItem ? 'no_item' : fewPosters ? 'too_few' : null);
  add('conversions', c.conversions, noItem ? 'no_item' : fewPosters ? 'too_few' : c.conversions === null ? 'not_measured' : null);
  return stages;
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { analyticsPeriod, clicksPerShare, earnedMediaValue, mergeSmallGroups, trendSeries, type GroupNumbers } from './analytics.js';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as AppError).fields;
  }
  throw new Error('did not throw');
};

describe('analytics period', () => {
  it('defaults to the last 30 days and compares with the 30 days before', () => {
    expect(analyticsPeriod({}, '2026-12-07')).toEqual({
      current: { from: '2026-11-08', to: '2026-12-07' },
      previous: { from: '2026-10-09', to: '2026-11-07' },
    });
  });

  it('compares a custom period with the period of the same length right before it', () => {
    expect(analyticsPeriod({ from: '2026-10-01', to: '2026-12-31' }, '2026-12-07')).toEqual({
      current: { from: '2026-10-01', to: '2026-12-31' },
      previous: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(analyticsPeriod({ from: '2026-12-07', to: '2026-12-07' }, '2026-12-07').previous).toEqual({ from: '2026-12-06', to: '2026-12-06' });
  });

  it('refuses a period that ends before it starts or spans more than two years, naming "to"', () => {
    expect(fieldsOf(() => analyticsPeriod({ from: '2026-11-02', to: '2026-11-01' }, '2026-12-07'))).toEqual({ to: 'must not be before from' });
    expect(analyticsPeriod({ from: '2025-01-01', to: '2026-12-31' }, '2026-12-07').current.to).toBe('2026-12-31');
    expect(fieldsOf(() => analyticsPeriod({ from: '2024-12-30', to: '2026-12-31' }, '2026-12-07'))).toEqual({ to: 'must be at most 730 days after from' });
  });
});

describe('trend series', () => {
  it('sums per day up to 92 days, zeros included', () => {
    const t = trendSeries({ from: '2026-12-01', to: '2026-12-03' }, [
      { day: '2026-12-01', shares: 2, clicks: 5, readers: 4 },
      { day: '2026-12-03', shares: 1, clicks: 1, readers: 1 },
      { day: '2026-11-30', shares: 9, clicks: 9, readers: 9 },
    ]);
    expect(t).toEqual({
      granularity: 'day',
      series: [
        { start: '2026-12-01', end: '2026-12-01', shares: 2, clicks: 5, readers: 4 },
        { start: '2026-12-02', end: '2026-12-02', shares: 0, clicks: 0, readers: 0 },
        { start: '2026-12-03', end: '2026-12-03', shares: 1, clicks: 1, readers: 1 },
      ],
    });
  });

  it('sums per week (Monday to Sunday, cut at the ends) beyond 92 days', () => {
    const t = trendSeries({ from: '2026-01-01', to: '2026-12-31' }, [
      { day: '2026-01-04', shares: 1, clicks: 0, readers: 0 }, // Sunday: the first, short week
      { day: '2026-01-05', shares: 2, clicks: 0, readers: 0 }, // Monday: the next
      { day: '2026-12-31', shares: 3, clicks: 0, readers: 0 },
    ]);
    expect(t.granularity).toBe('week');
    expect(t.series[0]).toMatchObject({ start: '2026-01-01', end: '2026-01-04', shares: 1 });
    expect(t.series[1]).toMatchObject({ start: '2026-01-05', end: '2026-01-11', shares: 2 });
    expect(t.series.at(-1)).toMatchObject({ end: '2026-12-31', shares: 3 });
    expect(t.series.reduce((n, b) => n + b.shares, 0)).toBe(6);
  });
});

describe('clicks per share and earned media value', () => {
  it('divides with two decimals, and says nothing without shares', () => {
    expect(clicksPerShare(10, 3)).toBe(3.33);
    expect(clicksPerShare(5, 0)).toBeNull();
  });

  it('is clicks × the cost per click of each network, with no invented rates', () => {
    expect(earnedMediaValue({ linkedin: 100, x: 10 }, {})).toEqual({ value: null, missingRates: ['linkedin', 'x'] });
    expect(earnedMediaValue({ linkedin: 100, x: 10 }, { linkedin: 0.85 })).toEqual({ value: 85, missingRates: ['x'] });
    expect(earnedMediaValue({ linkedin: 3, x: 7 }, { linkedin: 0.1, x: 0.2 })).toEqual({ value: 1.7, missingRates: [] });
    expect(earnedMediaValue({}, { linkedin: 1 })).toEqual({ value: 0, missingRates: [] });
  });
});

describe('the smallest group shown (≥ 5 people)', () => {
  const g = (key: string, people: number, clicks: number): GroupNumbers => ({ key, label: key.toUpperCase(), people, shares: people, clicks, readers: clicks, conversions: 0 });
  // Distinct people per set of keys, as storage would count them: here nobody is in two groups.
  const disjoint = (groups: GroupNumbers[]) => async (keys: string[]) => groups.filter((x) => keys.includes(x.key)).reduce((n, x) => n + x.people, 0);

  it('shows groups of at least five, most clicks first, and merges the smaller ones into "other"', async () => {
    const groups = [g('sales', 6, 10), g('it', 9, 30), g('legal', 3, 5), g('hr', 2, 1)];
    const { rows, other } = await mergeSmallGroups(groups, 5, disjoint(groups));
    expect(rows.map((r) => r.key)).toEqual(['it', 'sales']);
    expect(other).toEqual({ key: 'other', label: 'other', people: 5, shares: 5, clicks: 6, readers: 6, conversions: 0, clicksPerShare: 1.2 });
  });

  it('merges the smallest shown group too when "other" alone would be fewer than five people', async () => {
    const groups = [g('sales', 6, 10), g('it', 9, 30), g('legal', 3, 50)];
    const { rows, other } = await mergeSmallGroups(groups, 5, disjoint(groups));
    // Total minus the rows would otherwise give legal's 3 people away.
    expect(rows.map((r) => r.key)).toEqual(['it']);
    expect(other).toMatchObject({ people: 9, clicks: 60 });
  });

  it('counts people in several small groups once: overlapping groups can stay under the minimum together', async () => {
    const groups = [g('big', 7, 10), g('a', 3, 1), g('b', 3, 1)];
    // The same three people in a and b (e.g. two topics of one item).
    const { rows, other } = await mergeSmallGroups(groups, 5, async (keys) => (keys.includes('big') ? 7 : 3));
    expect(rows).toEqual([]);
    expect(other).toMatchObject({ people: 7 });
  });

  it('shows nothing at all when everybody together is fewer than the minimum', async () => {
    const groups = [g('a', 2, 1), g('b', 2, 1)];
    expect(await mergeSmallGroups(groups, 5, disjoint(groups))).toEqual({ rows: [], other: null });
  });

  it('follows a higher minimum set by the admins', async () => {
    const groups = [g('a', 6, 1), g('b', 12, 1), g('c', 10, 1)];
    const { rows, other } = await mergeSmallGroups(groups, 10, disjoint(groups));
    expect(rows.map((r) => r.key).sort()).toEqual(['b']);
    expect(other).toMatchObject({ people: 16 });
  });

  it('drops a group that shrank below the minimum after a person left', async () => {
    const before = [g('sales', 5, 10), g('it', 9, 30), g('legal', 6, 2)];
    expect((await mergeSmallGroups(before, 5, disjoint(before))).rows.map((r) => r.key)).toEqual(['it', 'sales', 'legal']);
    const after = [g('sales', 4, 8), g('it', 9, 30), g('legal', 6, 2)];
    const { rows, other } = await mergeSmallGroups(after, 5, disjoint(after));
    expect(rows.map((r) => r.key)).toEqual(['it']);
    expect(other).toMatchObject({ people: 10 });
  });
});

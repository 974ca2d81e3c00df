import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { analyticsPeriod, clicksPerShare, earnedMediaValue, funnelStages, mergeSmallGroups, trendSeries, type GroupNumbers } from './analytics.js';

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
  const never = async () => 0;
  it('shows every day up to 92 days, zeros included', async () => {
    const t = await trendSeries(
      { from: '2026-12-01', to: '2026-12-03' },
      [
        { start: '2026-12-01', shares: 2, clicks: 5, readers: 4, people: 6 },
        { start: '2026-12-03', shares: 1, clicks: 9, readers: 7, people: 5 },
      ],
      5,
      never,
    );
    expect(t).toEqual({
      granularity: 'day',
      series: [
        { start: '2026-12-01', end: '2026-12-01', withheld: false, shares: 2, clicks: 5, readers: 4 },
        { start: '2026-12-02', end: '2026-12-02', withheld: false, shares: 0, clicks: 0, readers: 0 },
        { start: '2026-12-03', end: '2026-12-03', withheld: false, shares: 1, clicks: 9, readers: 7 },
      ],
    });
  });

  it('withholds a day made up by fewer than five people, and the smallest other day when the withheld are still too few together', async () => {
    const rows = [
      { start: '2026-12-01', shares: 11, clicks: 40, readers: 30, people: 11 },
      { start: '2026-12-02', shares: 1, clicks: 17, readers: 9, people: 1 }, // Zoe alone
      { start: '2026-12-03', shares: 6, clicks: 20, readers: 12, people: 6 },
    ];
    const t = await trendSeries({ from: '2026-12-01', to: '2026-12-03' }, rows, 5, async (starts) => {
      expect(starts).toEqual(['2026-12-02']);
      return 1;
    });
    // The period's total minus the 1st would be Zoe's day: the 3rd (the smaller shown day) goes too.
    expect(t.series.map((b) => [b.start, b.withheld, b.shares])).toEqual([
      ['2026-12-01', false, 11],
      ['2026-12-02', true, null],
      ['2026-12-03', true, null],
    ]);
    const enough = await trendSeries({ from: '2026-12-01', to: '2026-12-03' }, rows, 5, async () => 5);
    expect(enough.series.map((b) => b.withheld)).toEqual([false, true, false]);
  });

  it('sums per week (Monday to Sunday, cut at the ends) beyond 92 days', async () => {
    const t = await trendSeries(
      { from: '2026-01-01', to: '2026-12-31' },
      [
        { start: '2026-01-01', shares: 1, clicks: 0, readers: 0, people: 5 },
        { start: '2026-01-05', shares: 2, clicks: 0, readers: 0, people: 5 },
      ],
      5,
      never,
    );
    expect(t.granularity).toBe('week');
    expect(t.series[0]).toMatchObject({ start: '2026-01-01', end: '2026-01-04', shares: 1 });
    expect(t.series[1]).toMatchObject({ start: '2026-01-05', end: '2026-01-11', shares: 2 });
    expect(t.series.at(-1)).toMatchObject({ end: '2026-12-31', shares: 0 });
  });
});

describe('the funnel under the ≥ 5 rule', () => {
  const counts = { itemId: 'i', sharers: 12, otherReached: 0, recipients: 40, delivered: 38, reads: 20, opened: 15, posted: 12, clicks: 90, conversions: 2 };
  const values = (c: typeof counts, receipts = true) => funnelStages(c, 5, receipts).map((s) => s.value);
  it('shows every stage of a big enough funnel', () => {
    expect(values(counts)).toEqual([40, 38, 20, 15, 12, 90, 2]);
    expect(values(counts, false)[2]).toBeNull();
  });
  it('hides what a few people did, and what subtracting it from the item breakdown would give away', () => {
    expect(values({ ...counts, posted: 3 })).toEqual([40, 38, 20, 15, null, null, null]);
    // One sharer the card never reached: the item's row minus this funnel would be theirs.
    expect(values({ ...counts, sharers: 13 })).toEqual([40, 38, 20, 15, null, null, null]);
    expect(values({ ...counts, reads: 2 })[2]).toBeNull();
    // The item's other announcements reached two more people: this one's funnel says only its recipients.
    expect(values({ ...counts, otherReached: 2 })).toEqual([40, null, null, null, null, null, null]);
    expect(values({ ...counts, recipients: 3, delivered: 3 })).toEqual([3, null, null, null, null, null, null]);
  });
});

describe('clicks per share and earned media value', () => {
  it('divides with two decimals, and says nothing without shares', () => {
    expect(clicksPerShare(10, 3)).toBe(3.33);
    expect(clicksPerShare(5, 0)).toBeNull();
  });

  it('is clicks × the cost per click of each network, with no invented rates', () => {
    const n = (clicks: number, people = 9) => ({ clicks, people });
    expect(earnedMediaValue({ linkedin: n(100), x: n(10) }, {}, 5)).toEqual({ value: null, missingRates: ['linkedin', 'x'] });
    expect(earnedMediaValue({ linkedin: n(100), x: n(10) }, { linkedin: 0.85 }, 5)).toEqual({ value: 85, missingRates: ['x'] });
    expect(earnedMediaValue({ linkedin: n(3), x: n(7) }, { linkedin: 0.1, x: 0.2 }, 5)).toEqual({ value: 1.7, missingRates: [] });
    expect(earnedMediaValue({}, { linkedin: 1 }, 5)).toEqual({ value: 0, missingRates: [] });
  });

  it("is held back when a rated network's clicks come from fewer than five people's links", () => {
    // A rate for Xing alone would otherwise be Zoe's Xing clicks.
    expect(earnedMediaValue({ linkedin: { clicks: 100, people: 20 }, xing: { clicks: 17, people: 1 } }, { xing: 1 }, 5).value).toBeNull();
    expect(earnedMediaValue({ linkedin: { clicks: 100, people: 20 }, xing: { clicks: 17, people: 1 } }, { linkedin: 1 }, 5).value).toBe(100);
  });
});

describe('the smallest group shown (≥ 5 people)', () => {
  const g = (key: string, people: number, clicks: number): GroupNumbers => ({ key, label: key.toUpperCase(), people, shares: people, clicks, readers: clicks, conversions: 0, converters: 0 });
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

  it("shows conversions per row only when no row's come from fewer than five people's links", async () => {
    const groups = [
      { ...g('sales', 9, 10), conversions: 3, converters: 6 },
      { ...g('it', 9, 30), conversions: 1, converters: 1 },
    ];
    const { rows } = await mergeSmallGroups(groups, 5, disjoint(groups));
    expect(rows.map((r) => r.conversions)).toEqual([null, null]);
    const fine = await mergeSmallGroups([groups[0]!], 5, disjoint(groups));
    expect(fine.rows[0]!.conversions).toBe(3);
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

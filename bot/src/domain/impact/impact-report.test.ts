import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { buckets, conversionCounts, impactPeriod, impactReport, type ImpactRow } from './impact-report.js';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as AppError).fields;
  }
  throw new Error('did not throw');
};

describe('impact period', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(impactPeriod({}, '2026-11-23')).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    expect(impactPeriod({ to: '2026-01-30' }, '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-01-30' });
    expect(impactPeriod({ from: '2026-11-01' }, '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
  });

  it('refuses a period that ends before it starts or is longer than 366 days, naming "to"', () => {
    expect(fieldsOf(() => impactPeriod({ from: '2026-11-02', to: '2026-11-01' }, '2026-11-23'))).toEqual({ to: 'must not be before from' });
    expect(impactPeriod({ from: '2024-01-01', to: '2024-12-31' }, '2026-11-23').to).toBe('2024-12-31');
    expect(fieldsOf(() => impactPeriod({ from: '2025-01-01', to: '2026-01-02' }, '2026-11-23'))).toEqual({ to: 'must be at most 365 days after from' });
  });
});

describe('impact report', () => {
  it('draws per day up to 92 days and per week (Monday to Sunday, cut at the ends) beyond', () => {
    expect(buckets({ from: '2026-11-01', to: '2026-11-03' })).toEqual({ granularity: 'day', starts: ['2026-11-01', '2026-11-02', '2026-11-03'] });
    const weeks = buckets({ from: '2026-01-01', to: '2026-12-31' });
    expect(weeks.granularity).toBe('week');
    expect(weeks.starts.slice(0, 3)).toEqual(['2026-01-01', '2026-01-05', '2026-01-12']);
    expect(weeks.starts.at(-1)).toBe('2026-12-28');
  });

  it('adds up totals, series, networks, top items and conversions by type', () => {
    const rows: ImpactRow[] = [
      { day: '2026-11-01', itemId: 'a', network: 'linkedin', shares: 1, clicks: 4, readers: 3 },
      { day: '2026-11-02', itemId: 'a', network: 'x', shares: 1, clicks: 1, readers: 1 },
      { day: '2026-11-02', itemId: 'b', network: 'x', shares: 1, clicks: 9, readers: 2 },
      { day: '2026-12-02', itemId: 'c', network: 'x', shares: 1, clicks: 99, readers: 9 }, // outside
    ];
    const conversions = conversionCounts([
      { type: 'application', count: 2 },
      { type: 'purchase', count: 1 },
    ]);
    const r = impactReport({ from: '2026-11-01', to: '2026-11-03' }, 'Europe/Berlin', rows, new Map([['a', 'A'], ['b', 'B']]), conversions);
    expect(r.totals).toEqual({ shares: 3, clicks: 14, readers: 6 });
    expect(r.series).toEqual([
      { start: '2026-11-01', end: '2026-11-01', shares: 1, clicks: 4, readers: 3 },
      { start: '2026-11-02', end: '2026-11-02', shares: 2, clicks: 10, readers: 3 },
      { start: '2026-11-03', end: '2026-11-03', shares: 0, clicks: 0, readers: 0 },
    ]);
    expect(r.networks).toEqual([
      { network: 'x', shares: 2, clicks: 10, readers: 3 },
      { network: 'linkedin', shares: 1, clicks: 4, readers: 3 },
    ]);
    expect(r.topItems.map((i) => [i.title, i.clicks])).toEqual([['B', 9], ['A', 5]]);
    expect(r.conversions).toEqual({ total: 3, byType: { application: 2, lead: 0, signup: 0, purchase: 1, custom: 0 } });
  });

  it('puts each day into its week', () => {
    const rows: ImpactRow[] = [
      { day: '2026-01-04', itemId: 'a', network: 'x', shares: 1, clicks: 1, readers: 1 }, // Sunday: the first, short week
      { day: '2026-01-05', itemId: 'a', network: 'x', shares: 0, clicks: 2, readers: 1 }, // Monday
      { day: '2026-12-31', itemId: 'a', network: 'x', shares: 0, clicks: 3, readers: 1 },
    ];
    const r = impactReport({ from: '2026-01-01', to: '2026-12-31' }, 'UTC', rows, new Map(), conversionCounts([]));
    expect(r.conversions).toEqual({ total: 0, byType: { application: 0, lead: 0, signup: 0, purchase: 0, custom: 0 } });
    expect(r.series[0]).toEqual({ start: '2026-01-01', end: '2026-01-04', shares: 1, clicks: 1, readers: 1 });
    expect(r.series[1]).toMatchObject({ start: '2026-01-05', end: '2026-01-11', clicks: 2 });
    expect(r.series.at(-1)).toMatchObject({ start: '2026-12-28', end: '2026-12-31', clicks: 3 });
  });
});

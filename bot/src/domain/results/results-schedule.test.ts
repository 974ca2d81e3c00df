import { describe, expect, it } from 'vitest';
import { dueResultsRun, lastDayOf } from './results-schedule.js';

const monthly = { cron: '0 9 1 * *', timeZone: 'Europe/Berlin' };

describe('results rounds', () => {
  it('the default monthly round on the 1st covers exactly the month before, in the tenant calendar', () => {
    const run = dueResultsRun(monthly, new Date('2026-12-01T08:00:30Z')); // 09:00:30 in Berlin
    expect(run).toMatchObject({ period: '2026-12-01', from: '2026-11-01', until: '2026-12-01' });
    expect(run!.runAt.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(lastDayOf(run!)).toBe('2026-11-30');
  });

  it('across the change to summer time, and February in a leap year', () => {
    expect(dueResultsRun(monthly, new Date('2028-04-01T07:30:00Z'))).toMatchObject({ from: '2028-03-01', until: '2028-04-01' });
    expect(lastDayOf(dueResultsRun(monthly, new Date('2028-03-01T08:30:00Z'))!)).toBe('2028-02-29');
  });

  it('a process that starts late still plans the round the same day, but not days later', () => {
    expect(dueResultsRun(monthly, new Date('2026-12-01T20:00:00Z'))?.period).toBe('2026-12-01');
    expect(dueResultsRun(monthly, new Date('2026-12-03T08:00:00Z'))).toBeUndefined();
  });

  it('a weekly schedule covers the seven days before; several runs a day have no whole day to report', () => {
    expect(dueResultsRun({ cron: '0 9 * * 1', timeZone: 'UTC' }, new Date('2026-12-07T09:00:00Z'))).toMatchObject({ from: '2026-11-30', until: '2026-12-07' });
    expect(dueResultsRun({ cron: '0 */6 * * *', timeZone: 'UTC' }, new Date('2026-12-07T12:00:00Z'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { checkDigestSchedule, dueDigestRun } from './digest-schedule.js';

const monday9Berlin = { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' };

describe('when the weekly digest is due', () => {
  it('is Monday 09:00 in the tenant time zone (08:00 UTC in winter)', () => {
    const run = dueDigestRun(monday9Berlin, new Date('2026-11-23T08:00:00Z'));
    expect(run).toEqual({
      runAt: new Date('2026-11-23T08:00:00Z'),
      coversFrom: new Date('2026-11-16T08:00:00Z'),
      period: '2026-11-23',
    });
  });

  it('follows daylight saving time (07:00 UTC in summer)', () => {
    expect(dueDigestRun(monday9Berlin, new Date('2026-06-01T07:30:00Z'))?.runAt).toEqual(new Date('2026-06-01T07:00:00Z'));
  });

  it('is not due before its time, and a late start still catches up within hours', () => {
    expect(dueDigestRun(monday9Berlin, new Date('2026-11-23T07:59:59Z'))).toBeUndefined();
    expect(dueDigestRun(monday9Berlin, new Date('2026-11-23T13:00:00Z'))?.period).toBe('2026-11-23');
    expect(dueDigestRun(monday9Berlin, new Date('2026-11-24T08:00:00Z'))).toBeUndefined();
  });

  it('uses the local calendar day for the period, not the UTC one', () => {
    const run = dueDigestRun({ cron: '30 0 * * 1', timeZone: 'Europe/Berlin' }, new Date('2026-11-22T23:45:00Z'));
    expect(run?.period).toBe('2026-11-23');
  });

  it('refuses a broken pattern or an unknown zone', () => {
    expect(() => checkDigestSchedule({ cron: 'every monday', timeZone: 'Europe/Berlin' })).toThrow(/five, six, or seven/);
    expect(() => checkDigestSchedule({ cron: '0 9 * * 1', timeZone: 'Mars/Base' })).toThrow(/timezone/i);
  });
});

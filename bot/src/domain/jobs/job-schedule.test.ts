import { describe, expect, it } from 'vitest';
import { describeSchedule, firstRun, nextRun } from './job-schedule.js';

const mondays9 = { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' };
const at = (iso: string) => new Date(iso);

describe('job schedules', () => {
  it('runs cron patterns in the tenant time zone, across daylight saving time', () => {
    // Monday 23 November 2026, 09:00 in Berlin is 08:00 UTC; in June it is 07:00 UTC.
    expect(nextRun(mondays9, at('2026-11-23T08:00:00Z'), at('2026-11-23T08:00:01Z'))).toEqual(at('2026-11-30T08:00:00Z'));
    expect(nextRun(mondays9, at('2026-05-25T07:00:00Z'), at('2026-05-25T07:00:00Z'))).toEqual(at('2026-06-01T07:00:00Z'));
  });

  it('does not repeat runs that were missed while nothing ran', () => {
    expect(nextRun(mondays9, at('2026-11-02T08:00:00Z'), at('2026-11-24T10:00:00Z'))).toEqual(at('2026-11-30T08:00:00Z'));
    expect(nextRun({ everyMs: 30_000 }, at('2026-11-23T08:00:00Z'), at('2026-11-23T09:00:00Z'))).toEqual(at('2026-11-23T09:00:00Z'));
    expect(nextRun({ everyMs: 30_000 }, at('2026-11-23T08:00:00Z'), at('2026-11-23T08:00:01Z'))).toEqual(at('2026-11-23T08:00:30Z'));
  });

  it('catches up a run a late start missed, within the window only', () => {
    const sixHours = 6 * 3_600_000;
    expect(firstRun(mondays9, at('2026-11-23T13:00:00Z'), sixHours)).toEqual(at('2026-11-23T08:00:00Z'));
    expect(firstRun(mondays9, at('2026-11-23T08:00:00Z'), sixHours)).toEqual(at('2026-11-23T08:00:00Z'));
    expect(firstRun(mondays9, at('2026-11-23T14:00:01Z'), sixHours)).toEqual(at('2026-11-30T08:00:00Z'));
    expect(firstRun(mondays9, at('2026-11-23T13:00:00Z'))).toEqual(at('2026-11-30T08:00:00Z'));
    expect(firstRun({ everyMs: 1000 }, at('2026-11-23T13:00:00Z'))).toEqual(at('2026-11-23T13:00:00Z'));
  });

  it('says what it is in words operators read', () => {
    expect(describeSchedule(mondays9)).toBe('0 9 * * 1 (Europe/Berlin)');
    expect(describeSchedule({ everyMs: 30_000 })).toBe('every 30 s');
    expect(describeSchedule({ everyMs: 60_000 })).toBe('every 1 min');
    expect(describeSchedule(null)).toBe('off');
  });
});

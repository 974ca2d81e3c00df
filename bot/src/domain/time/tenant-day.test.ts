import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dayOf, isDay, startOfDay, TenantDays, weekdayOf } from './tenant-day.js';

const BERLIN = 'Europe/Berlin';

describe('tenant days', () => {
  it('takes the day in the tenant zone, not in UTC', () => {
    expect(dayOf(Date.parse('2026-11-22T22:59:59.999Z'), BERLIN)).toBe('2026-11-22');
    expect(dayOf(Date.parse('2026-11-22T23:00:00.000Z'), BERLIN)).toBe('2026-11-23');
    expect(dayOf(Date.parse('2026-11-22T23:00:00.000Z'), 'UTC')).toBe('2026-11-22');
    expect(dayOf(Date.parse('2026-11-23T04:59:59Z'), 'America/New_York')).toBe('2026-11-22');
  });

  it('finds where a day begins, also on days of 23 and 25 hours', () => {
    expect(new Date(startOfDay('2026-11-23', BERLIN)).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(new Date(startOfDay('2026-07-01', BERLIN)).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // Summer time starts on 2026-03-29 and ends on 2026-10-25 in Berlin.
    expect(startOfDay('2026-03-30', BERLIN) - startOfDay('2026-03-29', BERLIN)).toBe(23 * 3_600_000);
    expect(startOfDay('2026-10-26', BERLIN) - startOfDay('2026-10-25', BERLIN)).toBe(25 * 3_600_000);
    expect(new Date(startOfDay('2026-11-23', 'Asia/Kolkata')).toISOString()).toBe('2026-11-22T18:30:00.000Z');
  });

  it('remembers the current day and moves on at the tenant midnight', () => {
    const days = new TenantDays(BERLIN);
    const midnight = Date.parse('2026-11-22T23:00:00Z');
    expect(days.dayAt(midnight - 1)).toBe('2026-11-22');
    expect(days.dayAt(midnight - 3_600_000)).toBe('2026-11-22');
    expect(days.dayAt(midnight)).toBe('2026-11-23');
    expect(days.dayAt(midnight - 1)).toBe('2026-11-22');
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-28')).toBe(false);
    expect(isDay('2026-02-28T00:00')).toBe(false);
  });
});

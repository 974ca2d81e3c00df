import { describe, expect, it } from 'vitest';
import { dueReminder } from './reminders.js';

const starts = new Date('2026-05-10T09:00:00.000Z');
const before = (hours: number) => new Date(starts.getTime() - hours * 3_600_000);

describe('training reminders', () => {
  it('reminds a day ahead, then an hour ahead', () => {
    expect(dueReminder(starts, before(30))).toBeUndefined();
    expect(dueReminder(starts, before(24))).toBe('reminder_24h');
    expect(dueReminder(starts, before(3))).toBe('reminder_24h');
    expect(dueReminder(starts, before(1))).toBe('reminder_1h');
    expect(dueReminder(starts, before(0.1))).toBe('reminder_1h');
  });

  it('gives a session planned late only the reminder still meaningful, and none once it began', () => {
    // planned 50 minutes ahead: no day-ahead reminder, only the hour one
    expect(dueReminder(starts, before(50 / 60))).toBe('reminder_1h');
    expect(dueReminder(starts, starts)).toBeUndefined();
    expect(dueReminder(starts, before(-1))).toBeUndefined();
  });
});

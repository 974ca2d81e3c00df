import { describe, expect, it } from 'vitest';
import { isNewHire, newHireUntil, reminderDue, reminderStart, type ReminderFacts } from './new-hire.js';

const d = (iso: string) => new Date(iso);

describe('who is a new hire', () => {
  it('counts N days from the join date in the directory', () => {
    const p = { joinedAt: d('2026-10-01T08:00:00Z'), firstSeenAt: d('2026-11-20T08:00:00Z'), markedUntil: null };
    expect(newHireUntil(p, 60).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(isNewHire(p, 60, d('2026-11-29T00:00:00Z'))).toBe(true);
    expect(isNewHire(p, 60, d('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('falls back to the first contact with Chorus when the join date is unknown', () => {
    const p = { joinedAt: null, firstSeenAt: d('2026-11-20T08:00:00Z'), markedUntil: null };
    expect(isNewHire(p, 60, d('2027-01-18T00:00:00Z'))).toBe(true);
    expect(isNewHire(p, 60, d('2027-01-20T00:00:00Z'))).toBe(false);
  });

  it('follows an admin who marked someone, either way', () => {
    const veteran = { joinedAt: d('2015-01-01T00:00:00Z'), firstSeenAt: d('2026-01-01T00:00:00Z'), markedUntil: d('2026-12-31T00:00:00Z') };
    expect(isNewHire(veteran, 60, d('2026-11-22T00:00:00Z'))).toBe(true);
    const done = { joinedAt: d('2026-11-01T00:00:00Z'), firstSeenAt: d('2026-11-01T00:00:00Z'), markedUntil: d('2026-11-10T00:00:00Z') };
    expect(isNewHire(done, 60, d('2026-11-22T00:00:00Z'))).toBe(false);
  });
});

describe('when the one onboarding reminder is due', () => {
  const now = d('2026-11-23T08:00:00Z');
  const person = (o: Partial<ReminderFacts> = {}): ReminderFacts => ({
    joinedAt: d('2026-11-15T08:00:00Z'), firstSeenAt: d('2026-11-15T08:00:00Z'), markedUntil: null, markedAt: null, remindedAt: null, wantsReminders: true, ...o,
  });

  it('is due a week after the start, not before', () => {
    expect(reminderDue(person(), 60, now)).toBe(true);
    expect(reminderDue(person({ joinedAt: d('2026-11-20T08:00:00Z'), firstSeenAt: d('2026-11-20T08:00:00Z') }), 60, now)).toBe(false);
  });

  it('counts the week from the latest of joining, the first contact and an admin’s mark', () => {
    // Joined ten days ago but met Chorus today: the welcome now, the reminder a week later.
    const late = person({ joinedAt: d('2026-11-13T08:00:00Z'), firstSeenAt: now });
    expect(reminderStart(late)).toEqual(now);
    expect(reminderDue(late, 60, now)).toBe(false);
    expect(reminderDue(late, 60, d('2026-11-30T08:00:00Z'))).toBe(true);
    const marked = person({ joinedAt: d('2015-01-01T00:00:00Z'), markedUntil: d('2027-01-01T00:00:00Z'), markedAt: d('2026-11-20T00:00:00Z') });
    expect(reminderDue(marked, 60, now)).toBe(false);
    expect(reminderDue(marked, 60, d('2026-11-27T00:00:00Z'))).toBe(true);
  });

  it('comes once, only to new hires, and never to people who silenced or paused Chorus', () => {
    expect(reminderDue(person({ remindedAt: d('2026-11-22T08:00:00Z') }), 60, now)).toBe(false);
    expect(reminderDue(person({ joinedAt: d('2025-01-01T00:00:00Z'), firstSeenAt: d('2025-01-01T00:00:00Z') }), 60, now)).toBe(false);
    expect(reminderDue(person({ wantsReminders: false }), 60, now)).toBe(false);
  });
});

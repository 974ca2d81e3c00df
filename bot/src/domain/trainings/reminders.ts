/** A reminder to the people registered for a session. */
export type ReminderNotice = 'reminder_24h' | 'reminder_1h';

const HOUR_MS = 3_600_000;
/** How far ahead reminders are looked for: the earliest one goes out a day before. */
export const REMINDER_HORIZON_MS = 24 * HOUR_MS;

/**
 * The reminder due now for a session starting at `startsAt`, if any: 24 hours before, and
 * 1 hour before. A session planned or filled late gets the 24-hour one only while more than
 * an hour is left; none once it has begun or while it is more than a day away. Each is sent
 * once per start time (the caller's key), so asking every few seconds is harmless.
 */
export function dueReminder(startsAt: Date, now: Date): ReminderNotice | undefined {
  const left = startsAt.getTime() - now.getTime();
  if (left <= 0 || left > REMINDER_HORIZON_MS) return undefined;
  return left <= HOUR_MS ? 'reminder_1h' : 'reminder_24h';
}

/**
 * The leaderboard's periods in the tenant's time zone: this week (from Monday 00:00), this
 * month (from the 1st, 00:00), all time. Pure: the zone's offset comes from Intl.
 */
export const BOARD_PERIODS = ['week', 'month', 'all', 'campaign'] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

export interface Window {
  /** Inclusive; null: since the beginning. */
  from: Date | null;
  /** Exclusive; null: open. */
  to: Date | null;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function localDate(at: Date, timeZone: string): LocalDate {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), weekday: WEEKDAYS[parts.weekday as string] ?? 1 };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +2 h). */
function offsetAt(at: number, timeZone: string): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(at))
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour as number, p.minute as number, p.second as number);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a local midnight happens in the zone (the calendar date may overflow: day 0, month 13). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  let at = wall - offsetAt(wall, timeZone);
  // Once more, in case the offset differs at the instant itself (a DST change that day).
  at = wall - offsetAt(at, timeZone);
  return new Date(at);
}

/** The window of a calendar period that contains `now`. */
export function periodWindow(period: Exclude<BoardPeriod, 'campaign'>, now: Date, timeZone: string): Window {
  if (period === 'all') return { from: null, to: null };
  // Every board request asks; five Intl formatters per answer cost more than the rest of a
  // cached board. The window is the same until `now` leaves it.
  const key = `${period}|${timeZone}`;
  const known = recentWindows.get(key);
  if (known && now >= known.from && now < known.to) return known;
  const window = calendarWindow(period, now, timeZone);
  recentWindows.set(key, window);
  return window;
}

const recentWindows = new Map<string, { from: Date; to: Date }>();

function calendarWindow(period: 'week' | 'month', now: Date, timeZone: string): { from: Date; to: Date } {
  const d = localDate(now, timeZone);
  if (period === 'week') {
    const monday = d.day - (d.weekday - 1);
    return { from: localMidnight(d.year, d.month, monday, timeZone), to: localMidnight(d.year, d.month, monday + 7, timeZone) };
  }
  return { from: localMidnight(d.year, d.month, 1, timeZone), to: localMidnight(d.year, d.month + 1, 1, timeZone) };
}

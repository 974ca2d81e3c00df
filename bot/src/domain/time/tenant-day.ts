/**
 * Calendar days in the tenant's time zone ("2026-11-23"), as unique readers and My impact
 * count them. Pure: Intl only. A day is not always 24 hours (daylight saving time), so its
 * bounds are computed, never assumed.
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The tenant's calendar day at the instant `ms`. */
export function dayOf(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** Whether `day` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isDay(day: string): boolean {
  const m = DAY_PATTERN.exec(day);
  // Nothing Chorus counts happened before 1970; JavaScript reads years 0–99 as 1900–1999.
  if (!m || Number(m[1]) < 1970) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === day;
}

function utcMidnight(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(utcMidnight(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): number {
  return ((new Date(utcMidnight(day)).getUTCDay() + 6) % 7) + 1;
}

const starts = new Map<string, number>();

/** The instant the tenant's `day` begins (its first millisecond, whatever the offset). Remembered: periods ask for the same few days. */
export function startOfDay(day: string, timeZone: string): number {
  const key = `${timeZone} ${day}`;
  const known = starts.get(key);
  if (known !== undefined) return known;
  const t = computeStartOfDay(day, timeZone);
  if (starts.size >= 4096) starts.clear();
  starts.set(key, t);
  return t;
}

function computeStartOfDay(day: string, timeZone: string): number {
  const target = utcMidnight(day);
  // Guess with the offset at UTC midnight, then correct once with the offset found there
  // (twice covers a switch between the guess and the answer).
  let t = target;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(t, timeZone);
    const seen = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
    const next = t - (seen - target);
    if (next === t) break;
    t = next;
  }
  // A zone whose midnight does not exist on that day (clocks jump at 00:00) starts at the
  // jump; zones switch on quarter hours.
  while (dayOf(t, timeZone) < day) t += 15 * 60_000;
  return t;
}

/**
 * The day of an instant, remembered for the current day: the tracked link asks for every
 * click, and formatting a date per click would cost more than the redirect itself.
 */
export class TenantDays {
  private from = 0;
  private until = 0;
  private current = '';

  constructor(readonly timeZone: string) {}

  dayAt(ms: number): string {
    if (ms >= this.from && ms < this.until) return this.current;
    const day = dayOf(ms, this.timeZone);
    this.current = day;
    this.from = startOfDay(day, this.timeZone);
    this.until = startOfDay(addDays(day, 1), this.timeZone);
    return day;
  }
}

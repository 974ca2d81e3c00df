import type { Training } from '@contract';

/** The reader's IANA time zone, as the browser (or Teams client) knows it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface SessionTime {
  /** Date and start–end in the reader's zone, with the zone's short name when it is not the session's. */
  when: string;
  /** Start–end where the session is planned, when the reader is elsewhere; else null. */
  planned: string | null;
  minutes: number;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' };

/**
 * When a session takes place, for this reader: in their locale and their own time zone
 * (the instants are absolute; `timeZone` only says where it was planned).
 */
export function sessionTime(training: Pick<Training, 'startsAt' | 'endsAt' | 'timeZone'>, locale: string, readerZone = browserTimeZone()): SessionTime {
  const start = new Date(training.startsAt);
  const end = new Date(training.endsAt);
  const elsewhere = readerZone !== training.timeZone;
  const own = new Intl.DateTimeFormat(locale, { ...DAY, timeZone: readerZone, ...(elsewhere ? { timeZoneName: 'short' } : {}) });
  let planned: string | null = null;
  if (elsewhere) {
    const there = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: training.timeZone });
    planned = there.formatRange(start, end);
  }
  return { when: own.formatRange(start, end), planned, minutes: Math.round((end.getTime() - start.getTime()) / 60_000) };
}

/** A safe file name for the calendar file: the title's letters and digits, else "training". */
export function calendarFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'training'}.ics`;
}

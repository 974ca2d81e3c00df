const DAY = 86_400_000;

/** What decides whether someone is new here. */
export interface NewHireFacts {
  /** From the directory, when known. */
  joinedAt: Date | null;
  /** First contact with Chorus: when their person record was made. */
  firstSeenAt: Date;
  /** An admin marked them as new until this moment (or null). */
  markedUntil: Date | null;
}

/**
 * Until when a person counts as a new hire: what an admin set, else `days` after they
 * joined (the directory's date, or their first contact with Chorus when unknown).
 */
export function newHireUntil(p: NewHireFacts, days: number): Date {
  if (p.markedUntil) return p.markedUntil;
  return new Date((p.joinedAt ?? p.firstSeenAt).getTime() + days * DAY);
}

export function isNewHire(p: NewHireFacts, days: number, now: Date): boolean {
  return now.getTime() < newHireUntil(p, days).getTime();
}

/** The same rule in SQL, for a `people` row aliased `p` and the days in `$days`. */
export const NEW_HIRE_UNTIL_SQL = (days: string) =>
  `coalesce(p.new_hire_until, coalesce(p.joined_at, p.created_at) + ${days} * interval '1 day')`;

/** The one reminder comes a week after the start, if the checklist is unfinished. */
export const REMINDER_AFTER_DAYS = 7;

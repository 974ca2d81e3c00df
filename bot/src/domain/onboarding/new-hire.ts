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

/** The one reminder comes a week after the start, if the checklist is unfinished. */
export const REMINDER_AFTER_DAYS = 7;

/** What decides whether the one reminder is due. */
export interface ReminderFacts extends NewHireFacts {
  /** When an admin last marked them as new (null when unmarked). */
  markedAt: Date | null;
  /** When the reminder was planned; it comes once. */
  remindedAt: Date | null;
  /** A working personal chat with Chorus, and notifications neither off nor paused. */
  wantsReminders: boolean;
}

/**
 * The start the week is counted from: the latest of joining, the first contact with Chorus
 * (the welcome) and an admin's mark — someone who joined ten days ago but met Chorus today
 * gets the welcome now and the reminder a week later.
 */
export function reminderStart(p: ReminderFacts): Date {
  const candidates = [p.joinedAt ?? p.firstSeenAt, p.firstSeenAt, p.markedAt ?? p.firstSeenAt];
  return new Date(Math.max(...candidates.map((d) => d.getTime())));
}

/**
 * The reminder is due once: a week after the start, while they still count as new, never to
 * people who turned notifications off or paused Chorus. (Whether the checklist is unfinished
 * is the caller's second question: see `checklistProgress`.)
 */
export function reminderDue(p: ReminderFacts, days: number, now: Date): boolean {
  if (p.remindedAt || !p.wantsReminders) return false;
  if (reminderStart(p).getTime() > now.getTime() - REMINDER_AFTER_DAYS * DAY) return false;
  return isNewHire(p, days, now);
}

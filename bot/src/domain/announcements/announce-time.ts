// Shared by the server and the tab (through http/contract): both decide with the same rule,
// so the tab can never accept a time the server refuses. Pure: no imports.

/** How far in the past an "announce at" may lie and still mean "now" (clock skew, slow clicks). */
export const ANNOUNCE_PAST_TOLERANCE_MS = 60_000;

/** Why an announcement time does not work, as a message key (the field is `at`). */
export type AnnounceTimeProblem = 'field.notPast' | 'announce.beforePublish' | 'announce.beforeItemExpires' | 'training.beforeStart';

export interface AnnounceWindow {
  /** Cards go out no earlier than this (an item's publish time); an explicit time before it is refused. */
  notBefore?: Date;
  /** Cards must go out before this (an item's expiry, a session's start), with the reason to give. */
  before?: { at: Date; problem: 'announce.beforeItemExpires' | 'training.beforeStart' };
}

export type AnnounceTime = { ok: true; sendAt: Date } | { ok: false; problem: AnnounceTimeProblem };

/**
 * When an announcement asked for at `at` (undefined: "now") goes out. A time in the past
 * is refused, except within a minute (it means now); a time before `notBefore` is refused,
 * and "now" waits for it; the send time must come before `before`.
 */
export function announceTime(at: Date | undefined, now: Date, window: AnnounceWindow = {}): AnnounceTime {
  if (at && at.getTime() < now.getTime() - ANNOUNCE_PAST_TOLERANCE_MS) return { ok: false, problem: 'field.notPast' };
  if (at && window.notBefore && at.getTime() < window.notBefore.getTime()) return { ok: false, problem: 'announce.beforePublish' };
  const sendAt = new Date(Math.max(at?.getTime() ?? 0, window.notBefore?.getTime() ?? 0, now.getTime()));
  if (window.before && sendAt.getTime() >= window.before.at.getTime()) return { ok: false, problem: window.before.problem };
  return { ok: true, sendAt };
}

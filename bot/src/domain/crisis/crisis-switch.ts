import type { CrisisOnInput, CrisisState } from '../model/crisis.js';

/**
 * What a switch makes happen beyond the state itself, in the same transaction. The domain
 * says what; the notification queue (services/crisis.ts) says how.
 */
export type CrisisFollowUp =
  /** Stops what the switch makes void (each kind of card says which), skipped with the reason. */
  | { kind: 'cancel'; voidedBy: 'on' | 'off'; reason: 'crisis' | 'crisis_over' }
  /** Item cards delivered within this many days are paused in place. */
  | { kind: 'pauseCards'; deliveredWithinDays: number }
  /** The crisis card, to everyone. */
  | { kind: 'crisisNotice' }
  /** Paused cards go back to normal (those not restored yet, of this crisis or an earlier one). */
  | { kind: 'restoreCards' }
  /** Whoever got a crisis card and no all-clear yet hears "all clear". */
  | { kind: 'allClear' };

export type SwitchPlan =
  | { changed: false }
  | { changed: true; followUps: CrisisFollowUp[]; audit: { action: 'on' | 'off'; details: Record<string, unknown> } };

/**
 * Switching on. On while on changes nothing and logs nothing. Otherwise: digests and the
 * follow-ups of an earlier switch-off still going out are cancelled, recently delivered
 * item cards are paused (none with `updateDays` 0), and everyone gets the crisis card if
 * the admin chose so.
 */
export function planSwitchOn(current: CrisisState, input: CrisisOnInput, updateDays: number): SwitchPlan {
  if (current.active) return { changed: false };
  const followUps: CrisisFollowUp[] = [{ kind: 'cancel', voidedBy: 'on', reason: 'crisis' }];
  if (updateDays > 0) followUps.push({ kind: 'pauseCards', deliveredWithinDays: updateDays });
  if (input.notifyEveryone) followUps.push({ kind: 'crisisNotice' });
  return { changed: true, followUps, audit: { action: 'on', details: { ...input } } };
}

/**
 * Switching off. Off while off changes nothing. Otherwise what the switch-on started and has
 * not finished stops, and what it did is undone: paused cards are restored, and whoever got
 * the crisis card hears "all clear". The audit keeps how many shares were refused.
 */
export function planSwitchOff(current: CrisisState): SwitchPlan {
  if (!current.active) return { changed: false };
  return {
    changed: true,
    followUps: [{ kind: 'cancel', voidedBy: 'off', reason: 'crisis_over' }, { kind: 'restoreCards' }, { kind: 'allClear' }],
    audit: { action: 'off', details: { refusedShares: current.refusedShares, startedAt: current.startedAt } },
  };
}

/** While crisis mode is on, share pages refuse (and each refused attempt is counted); before the state is known, they do not. */
export function refusesShares(state: Pick<CrisisState, 'active'> | undefined): boolean {
  return state?.active ?? false;
}

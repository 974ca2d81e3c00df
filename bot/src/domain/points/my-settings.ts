import { invalid, notFound } from '../errors.js';
import type { MySettingsInput } from '../model/points.js';
import { periodWindow, type BoardPeriod, type Window } from './periods.js';
import { normalisePseudonym, pseudonymSkeleton } from './pseudonym.js';

/**
 * A settings change as storage takes it: the pseudonym trimmed and checked (3–30 letters,
 * digits, spaces, - and _; nothing else, so no HTML), with the skeleton its uniqueness is
 * checked by. A pseudonym left out (undefined) stays as it is; null means "show my name";
 * an empty one is refused. Bad input throws a 400 naming `leaderboard.pseudonym`.
 */
export function checkSettingsChange(input: MySettingsInput) {
  const { leaderboard, ...rest } = input;
  if (!leaderboard) return rest;
  if (!leaderboard.optIn) return { ...rest, leaderboard: { optIn: false, pseudonym: null } };
  if (leaderboard.pseudonym === undefined) return { ...rest, leaderboard: { optIn: true } };
  if (leaderboard.pseudonym === null) return { ...rest, leaderboard: { optIn: true, pseudonym: null } };
  const checked = normalisePseudonym(leaderboard.pseudonym);
  if ('problem' in checked) throw invalid({ 'leaderboard.pseudonym': checked.problem });
  return { ...rest, leaderboard: { optIn: true, pseudonym: { value: checked.value, key: pseudonymSkeleton(checked.value) } } };
}

/** How a person stands on the board: opted in or not, under which pseudonym (null: their name). */
export interface BoardStanding {
  optIn: boolean;
  pseudonym: string | null;
}

/**
 * Whether the board id must be a new random one: whenever the name shown next to it
 * changes — opting in (again), a pseudonym set, changed or cleared. Otherwise whoever saw
 * the id next to "Anna Schmidt" would know who "Blue Fox" is later. Opting out drops it.
 */
export function needsNewBoardId(before: BoardStanding, after: BoardStanding): boolean {
  return after.optIn && (!before.optIn || before.pseudonym !== after.pseudonym);
}

/**
 * Where campaigns come from: a campaign's time window, or undefined when there is no such
 * campaign. Campaigns (issue 12 §6, migration 017) wire this; until then every campaign is
 * unknown (404).
 */
export type CampaignWindows = (campaignId: string) => Promise<{ from: Date; to: Date } | undefined>;
export const noCampaigns: CampaignWindows = async () => undefined;

/** The leaderboard's window for a period: week and month in the tenant's zone, a campaign by its dates. */
export async function boardWindow(
  q: { period: BoardPeriod; campaignId?: string | undefined },
  o: { now: Date; timeZone: string; campaigns: CampaignWindows },
): Promise<Window> {
  if (q.period !== 'campaign') return periodWindow(q.period, o.now, o.timeZone);
  const campaign = q.campaignId ? await o.campaigns(q.campaignId) : undefined;
  if (!campaign) throw notFound('Campaign');
  return campaign;
}

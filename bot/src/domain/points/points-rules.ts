/**
 * The points program's rules, pure. Points are ledger entries computed from domain events
 * (a share, unique readers of a share, an attended training, a conversion through one's
 * link; accepted proposals when a later issue records them). Admins may switch the whole program off:
 * then nothing accrues — not even when the ledger is recomputed later.
 */
export interface PointsRules {
  enabled: boolean;
  perShare: number;
  perReader: number;
  /** The most readers of one share, per day, that earn points. */
  readerDailyCap: number;
  perTraining: number;
  perAcceptedProposal: number;
  perConversion: number;
}

/** Off until an admin decides otherwise (a works council may want to see that decision). */
export const DEFAULT_RULES: PointsRules = {
  enabled: false,
  perShare: 10,
  perReader: 1,
  readerDailyCap: 20,
  perTraining: 20,
  perAcceptedProposal: 25,
  perConversion: 50,
};

/** One save of the rules: the programme on or off for the events after `afterEventId`. */
export interface ProgramSwitch {
  /** The order the saves happened in. */
  id: number;
  afterEventId: number;
  enabled: boolean;
}

/**
 * Whether the programme was on when an event happened: the latest save before the event
 * decides; before any save it was off (the default). Only such events earn points — when
 * they happen, and whenever the ledger is recomputed.
 */
export function programOnAt(log: readonly ProgramSwitch[], eventId: number): boolean {
  let on = false;
  let latest = -Infinity;
  for (const s of log) {
    if (s.afterEventId < eventId && s.id > latest) {
      latest = s.id;
      on = s.enabled;
    }
  }
  return on;
}

/** Not absurd: a single action is worth at most this many points. */
export const MAX_POINTS_PER_ACTION = 1_000;
export const MAX_READER_DAILY_CAP = 10_000;

export const LEDGER_REASONS = ['share', 'readers', 'training', 'proposal', 'conversion'] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

/**
 * Points for new unique readers of one share on one day: `before` readers were counted
 * earlier that day, `added` arrive now; only readers up to the daily cap earn points.
 */
export function readerPoints(before: number, added: number, rules: Pick<PointsRules, 'perReader' | 'readerDailyCap'>): { counted: number; points: number } {
  const counted = Math.max(0, Math.min(rules.readerDailyCap, before + added) - Math.min(rules.readerDailyCap, before));
  return { counted, points: counted * rules.perReader };
}

/** Teams (departments, locations) appear on the board only with at least this many members opted in. */
export const MIN_TEAM_MEMBERS = 5;

/** The teams that may be shown, ranked by points (ties share a rank); smaller teams are not shown at all. */
export function rankTeams<T extends { members: number; points: number; name: string }>(teams: readonly T[], limit = 10): Array<T & { rank: number }> {
  const shown = teams.filter((t) => t.members >= MIN_TEAM_MEMBERS).sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
  return shown.slice(0, limit).map((t) => ({ ...t, rank: 1 + shown.filter((o) => o.points > t.points).length }));
}

/** Source keys: one ledger entry per thing that earned points, whatever is replayed. */
export const sourceKeys = {
  share: (itemId: string, personId: string, network: string) => `share:${itemId}:${personId}:${network}`,
  readers: (eventId: number, linkCode: string, day: string) => `readers:${eventId}:${linkCode}:${day}`,
  training: (trainingId: string, personId: string) => `training:${trainingId}:${personId}`,
  /** One entry per recorded conversion (a source's retry records nothing new). */
  conversion: (conversionId: string) => `conversion:${conversionId}`,
};

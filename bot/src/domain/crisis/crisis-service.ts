import { invalid } from '../errors.js';
import type { Page } from '../model/common.js';
import type { CrisisAuditEntry, CrisisOnInput } from '../model/crisis.js';
import { checkUrls, type UrlPolicy } from '../urls/stored-url.js';
import type { VersionedCrisisState } from './crisis-state.js';
import { planSwitchOff, planSwitchOn, type CrisisFollowUp, type SwitchPlan } from './crisis-switch.js';

export interface Actor {
  id: string;
  displayName: string;
}

/** The crisis row and its audit log, inside one switch's transaction. */
export interface CrisisSwitchStore {
  /** The state, locked until the transaction ends (two switches queue up). */
  lockedState(): Promise<VersionedCrisisState>;
  /** Writes the new state (a new version) and its `crisis.switched` event; returns it. */
  turnOn(input: CrisisOnInput, actor: Actor): Promise<VersionedCrisisState>;
  turnOff(): Promise<VersionedCrisisState>;
  audit(actor: Actor, action: 'on' | 'off', details: Record<string, unknown>): Promise<void>;
}

/** What a switch sends and stops, queued in the switch's transaction. */
export interface CrisisNotices {
  followUp(followUps: readonly CrisisFollowUp[], by: string): Promise<void>;
}

/** One switch: the state, its audit entry and its follow-ups commit together, or nothing does. */
export interface CrisisSwitchboard {
  transaction<T>(work: (tx: { store: CrisisSwitchStore; notices: CrisisNotices }) => Promise<T>): Promise<T>;
}

/** The crisis row outside a switch. */
export interface CrisisStore {
  state(): Promise<VersionedCrisisState>;
  /** Every switch, newest first. */
  audit(page: { cursor?: string | undefined; limit: number }): Promise<Page<CrisisAuditEntry>>;
  /** One refused share attempt, counted only while crisis mode is on. */
  countRefusedShare(): Promise<void>;
}

export interface CrisisDeps {
  store: CrisisStore;
  switchboard: CrisisSwitchboard;
  /** CRISIS_UPDATE_DAYS: cards delivered within this many days are updated in place on a switch. */
  updateDays: number;
  urlPolicy: UrlPolicy;
}

export interface Switched {
  state: VersionedCrisisState;
  /** False when it was on (off) already: nothing changed, nothing was logged. */
  changed: boolean;
}

/** The one crisis switch: on and off are each one transaction; twice is harmless. */
export function crisisService({ store, switchboard, updateDays, urlPolicy }: CrisisDeps) {
  const run = (actor: Actor, plan: (current: VersionedCrisisState) => SwitchPlan, write: (s: CrisisSwitchStore) => Promise<VersionedCrisisState>) =>
    switchboard.transaction(async ({ store: tx, notices }): Promise<Switched> => {
      const current = await tx.lockedState();
      const decided = plan(current);
      if (!decided.changed) return { state: current, changed: false };
      const state = await write(tx);
      await notices.followUp(decided.followUps, actor.id);
      await tx.audit(actor, decided.audit.action, decided.audit.details);
      return { state, changed: true };
    });

  return {
    state: () => store.state(),
    audit: (page: { cursor?: string | undefined; limit: number }) => store.audit(page),

    async switchOn(raw: CrisisOnInput, actor: Actor): Promise<Switched> {
      const { urls, reasons } = checkUrls({ statementUrl: raw.statementUrl }, urlPolicy);
      if (reasons.statementUrl) throw invalid(reasons);
      const input = { ...raw, statementUrl: urls.statementUrl || undefined };
      return run(actor, (current) => planSwitchOn(current, input, updateDays), (tx) => tx.turnOn(input, actor));
    },

    switchOff: (actor: Actor): Promise<Switched> => run(actor, planSwitchOff, (tx) => tx.turnOff()),

    /** A share attempt while active: counted, never forwarded. */
    countRefusedShare: () => store.countRefusedShare(),
  };
}
export type CrisisService = ReturnType<typeof crisisService>;

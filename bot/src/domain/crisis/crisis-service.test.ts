import { describe, expect, it } from 'vitest';
import type { CrisisOnInput } from '../model/crisis.js';
import { crisisService, type CrisisSwitchStore } from './crisis-service.js';
import type { VersionedCrisisState } from './crisis-state.js';
import { planSwitchOff, planSwitchOn, refusesShares, type CrisisFollowUp } from './crisis-switch.js';

const OFF: VersionedCrisisState = {
  active: false, version: 1, reason: null, instructions: { de: '', en: '' }, statementUrl: null, spokesperson: null,
  notifyEveryone: false, redirectLinks: false, startedAt: null, endedAt: null, refusedShares: 0,
};
const ON_INPUT: CrisisOnInput = {
  reason: 'Press reports about the recall', instructions: { de: '', en: 'Please share **nothing**.' },
  statementUrl: 'https://www.contoso.example/statement', notifyEveryone: true, redirectLinks: false,
};
const clara = { id: 'clara', displayName: 'Clara Weiss' };

describe('what a crisis switch makes happen', () => {
  it('switching on cancels what it voids, pauses recent cards and tells everyone when chosen', () => {
    expect(planSwitchOn(OFF, ON_INPUT, 14)).toMatchObject({
      changed: true,
      followUps: [{ kind: 'cancel', voidedBy: 'on', reason: 'crisis' }, { kind: 'pauseCards', deliveredWithinDays: 14 }, { kind: 'crisisNotice' }],
      audit: { action: 'on', details: { reason: ON_INPUT.reason } },
    });
  });

  it('updates no cards with CRISIS_UPDATE_DAYS 0, and sends no crisis card unless chosen', () => {
    const plan = planSwitchOn(OFF, { ...ON_INPUT, notifyEveryone: false }, 0);
    expect(plan.changed && plan.followUps).toEqual([{ kind: 'cancel', voidedBy: 'on', reason: 'crisis' }]);
  });

  it('is idempotent: on while on, or off while off, changes nothing', () => {
    expect(planSwitchOn({ ...OFF, active: true }, ON_INPUT, 14)).toEqual({ changed: false });
    expect(planSwitchOff(OFF)).toEqual({ changed: false });
  });

  it('switching off undoes it: cancels, restores paused cards, sends the all-clear, and audits the refused shares', () => {
    const on = { ...OFF, active: true, refusedShares: 3, startedAt: '2026-11-23T08:00:00.000Z' };
    expect(planSwitchOff(on)).toEqual({
      changed: true,
      followUps: [{ kind: 'cancel', voidedBy: 'off', reason: 'crisis_over' }, { kind: 'restoreCards' }, { kind: 'allClear' }],
      audit: { action: 'off', details: { refusedShares: 3, startedAt: '2026-11-23T08:00:00.000Z' } },
    });
  });

  it('refuses shares only while on (and not before the state is known)', () => {
    expect(refusesShares({ active: true })).toBe(true);
    expect(refusesShares({ active: false })).toBe(false);
    expect(refusesShares(undefined)).toBe(false);
  });
});

/** The crisis row, its audit log and the queued follow-ups, in memory; a transaction commits only when `work` succeeds. */
function memory(updateDays = 14) {
  let committed = { state: OFF, audit: [] as Array<{ action: string; details: Record<string, unknown> }>, sent: [] as CrisisFollowUp[], refused: 0 };
  const service = crisisService({
    updateDays,
    urlPolicy: { allowHttpLocalhost: false },
    store: {
      state: async () => committed.state,
      audit: async () => ({ items: [], nextCursor: null }),
      async countRefusedShare() {
        if (committed.state.active) committed.refused += 1;
      },
    },
    switchboard: {
      async transaction(work) {
        const draft = { ...committed, audit: [...committed.audit], sent: [...committed.sent] };
        const store: CrisisSwitchStore = {
          lockedState: async () => draft.state,
          turnOn: async (input) => (draft.state = { ...draft.state, active: true, version: draft.state.version + 1, reason: input.reason, notifyEveryone: input.notifyEveryone }),
          turnOff: async () => (draft.state = { ...draft.state, active: false, version: draft.state.version + 1 }),
          audit: async (_actor, action, details) => void draft.audit.push({ action, details }),
        };
        const result = await work({ store, notices: { followUp: async (f) => void draft.sent.push(...f) } });
        committed = draft;
        return result;
      },
    },
  });
  return { service, committed: () => committed };
}

describe('the crisis service', () => {
  it('switches on once: a second "on" changes nothing, queues nothing and logs nothing', async () => {
    const m = memory();
    const first = await m.service.switchOn(ON_INPUT, clara);
    expect(first).toMatchObject({ changed: true, state: { active: true, version: 2 } });
    const again = await m.service.switchOn(ON_INPUT, clara);
    expect(again).toMatchObject({ changed: false, state: { version: 2 } });
    expect(m.committed().audit.map((a) => a.action)).toEqual(['on']);
    expect(m.committed().sent.map((f) => f.kind)).toEqual(['cancel', 'pauseCards', 'crisisNotice']);
  });

  it('refuses a statement link that is not https, changing nothing', async () => {
    const m = memory();
    await expect(m.service.switchOn({ ...ON_INPUT, statementUrl: 'javascript:alert(1)' }, clara)).rejects.toMatchObject({ code: 'invalid' });
    expect(m.committed().state.active).toBe(false);
    expect(m.committed().audit).toEqual([]);
  });

  it('counts refused shares while on, and switches off with the all-clear', async () => {
    const m = memory();
    await m.service.switchOn(ON_INPUT, clara);
    await m.service.countRefusedShare();
    const off = await m.service.switchOff(clara);
    expect(off).toMatchObject({ changed: true, state: { active: false, version: 3 } });
    expect(m.committed().refused).toBe(1);
    expect(m.committed().sent.slice(-3).map((f) => f.kind)).toEqual(['cancel', 'restoreCards', 'allClear']);
    expect((await m.service.switchOff(clara)).changed).toBe(false);
    expect(m.committed().audit.map((a) => a.action)).toEqual(['on', 'off']);
  });
});

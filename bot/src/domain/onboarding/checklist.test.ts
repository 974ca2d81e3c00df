import { describe, expect, it } from 'vitest';
import { checklistProgress, NO_PROGRESS, stepDone, ticksItself, type ObservedProgress } from './checklist.js';

const seen = (p: Partial<ObservedProgress>): ObservedProgress => ({ ...NO_PROGRESS, ...p });
const steps = [
  { id: 'read', kind: 'guidelines' as const },
  { id: 'profile', kind: 'manual' as const },
  { id: 'follow', kind: 'manual' as const },
  { id: 'learn', kind: 'training' as const },
  { id: 'share', kind: 'first_share' as const },
];

describe('which onboarding steps are done', () => {
  it('lets people tick only the manual steps; the others tick themselves', () => {
    expect(ticksItself('manual')).toBe(false);
    for (const kind of ['guidelines', 'training', 'first_share'] as const) expect(ticksItself(kind)).toBe(true);
  });

  it('counts a manual step done once that person ticked that very step', () => {
    expect(stepDone(steps[1]!, seen({ ticked: new Set(['profile']) }))).toBe(true);
    expect(stepDone(steps[2]!, seen({ ticked: new Set(['profile']) }))).toBe(false);
  });

  it('ticks the guidelines step when a page was acknowledged, and the share step after a first share', () => {
    expect(stepDone(steps[0]!, seen({ guidelinesAcknowledged: true }))).toBe(true);
    expect(stepDone(steps[0]!, NO_PROGRESS)).toBe(false);
    expect(stepDone(steps[4]!, seen({ shared: true }))).toBe(true);
  });

  it('ticks the training step for a seat or a waitlist place, not for a cancelled registration', () => {
    expect(stepDone(steps[3]!, seen({ trainingStatuses: ['registered'] }))).toBe(true);
    expect(stepDone(steps[3]!, seen({ trainingStatuses: ['waitlisted'] }))).toBe(true);
    expect(stepDone(steps[3]!, seen({ trainingStatuses: ['cancelled'] }))).toBe(false);
  });

  it('says how far someone is, and that an empty checklist is finished', () => {
    expect(checklistProgress(steps, seen({ ticked: new Set(['profile']), shared: true }))).toEqual({ done: 2, total: 5, finished: false });
    expect(checklistProgress(steps, seen({ ticked: new Set(['profile', 'follow']), shared: true, guidelinesAcknowledged: true, trainingStatuses: ['waitlisted'] })).finished).toBe(true);
    expect(checklistProgress([], NO_PROGRESS)).toEqual({ done: 0, total: 0, finished: true });
  });
});

import type { OnboardingStepKind } from '../model/onboarding.js'; // types only: the domain stays pure

/** What Chorus knows about one person's progress, as storage loads it. */
export interface ObservedProgress {
  /** The manual steps the person ticked. */
  ticked: ReadonlySet<string>;
  /** Guideline pages the person confirmed having read (any version). */
  guidelinesAcknowledged: boolean;
  /** The statuses of the person's training registrations ('registered', 'waitlisted', 'cancelled'). */
  trainingStatuses: readonly string[];
  /** The person has shared at least once (a tracked link of theirs exists). */
  shared: boolean;
}

export const NO_PROGRESS: ObservedProgress = { ticked: new Set(), guidelinesAcknowledged: false, trainingStatuses: [], shared: false };

/** Steps Chorus can observe tick themselves; only manual ones are ticked by hand. */
export function ticksItself(kind: OnboardingStepKind): boolean {
  return kind !== 'manual';
}

/**
 * Whether a step is done: ticked by hand, or seen by Chorus — a guideline acknowledged, a
 * training registered for or waited on (a cancelled registration does not count), a first share.
 */
export function stepDone(step: { id: string; kind: OnboardingStepKind }, p: ObservedProgress): boolean {
  switch (step.kind) {
    case 'manual':
      return p.ticked.has(step.id);
    case 'guidelines':
      return p.guidelinesAcknowledged;
    case 'training':
      return p.trainingStatuses.some((s) => s === 'registered' || s === 'waitlisted');
    case 'first_share':
      return p.shared;
  }
}

export interface ChecklistProgress {
  done: number;
  total: number;
  finished: boolean;
}

/** How far a person is through the checklist (an empty checklist counts as finished). */
export function checklistProgress(steps: ReadonlyArray<{ id: string; kind: OnboardingStepKind }>, p: ObservedProgress): ChecklistProgress {
  const done = steps.filter((s) => stepDone(s, p)).length;
  return { done, total: steps.length, finished: done >= steps.length };
}

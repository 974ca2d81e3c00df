import { conflict, invalid, notFound } from '../errors.js';
import type { Language, Page } from '../model/common.js';
import type { NewHireCandidate, Onboarding, OnboardingStepAdmin, OnboardingStepInput } from '../model/onboarding.js';
import { markdownToHtml } from '../text/markdown-policy.js';
import { checkUrls, type UrlPolicy } from '../urls/stored-url.js';
import { checklistProgress, NO_PROGRESS, stepDone, ticksItself, type ObservedProgress } from './checklist.js';
import { isNewHire, newHireUntil, reminderDue, type NewHireFacts, type ReminderFacts } from './new-hire.js';

type PageRequest = { cursor?: string | undefined; limit: number };

/** A colleague as storage finds them: who they are and what decides whether they are new. */
export interface PersonFacts extends NewHireFacts {
  id: string;
  displayName: string;
  department: string | null;
  location: string | null;
}

/** What the onboarding rules need from storage: it stores and loads, nothing more. */
export interface OnboardingStore {
  person(personId: string): Promise<NewHireFacts | undefined>;
  /** The checklist, by position. */
  steps(): Promise<OnboardingStepAdmin[]>;
  stepsPage(page: PageRequest): Promise<Page<OnboardingStepAdmin>>;
  /** What Chorus saw of each of these people's progress. */
  progress(personIds: readonly string[]): Promise<Map<string, ObservedProgress>>;
  setTicked(personId: string, stepId: string, done: boolean): Promise<void>;
  createStep(input: OnboardingStepInput): Promise<string>;
  /** False when there is no such step. */
  updateStep(id: string, input: OnboardingStepInput): Promise<boolean>;
  archiveStep(id: string): Promise<boolean>;
  /** Up to 20 colleagues whose name contains `q`. */
  searchPeople(q: string): Promise<PersonFacts[]>;
  markNewHire(personId: string, until: Date | null): Promise<boolean>;
  /** People not reminded yet who may count as new at `now` (found by index; the rules decide). */
  reminderCandidates(now: Date, newHireDays: number): Promise<Array<ReminderFacts & { id: string }>>;
}

/** How the one reminder goes out. */
export interface OnboardingNotices {
  /**
   * Marks these people reminded and queues the reminder to them, together (one transaction):
   * once, whichever process runs it. Returns how many were reminded (not reminded before).
   */
  remind(personIds: readonly string[]): Promise<number>;
}

export interface OnboardingDeps {
  store: OnboardingStore;
  notices: OnboardingNotices;
  /** ONBOARDING_DAYS. */
  newHireDays: number;
  urlPolicy: UrlPolicy;
  now: () => Date;
}

const pick = (text: { de: string; en: string }, lang: Language) => (lang === 'de' ? text.de || text.en : text.en || text.de);

/** The onboarding checklist: what editors define, where each person stands, and the one reminder. */
export function onboardingService({ store, notices, newHireDays, urlPolicy, now }: OnboardingDeps) {
  const standing = (facts: NewHireFacts) => ({
    newHire: isNewHire(facts, newHireDays, now()),
    newHireUntil: newHireUntil(facts, newHireDays).toISOString(),
  });

  const checked = (input: OnboardingStepInput): OnboardingStepInput => {
    const { urls, reasons } = checkUrls({ linkUrl: input.linkUrl }, urlPolicy);
    if (reasons.linkUrl) throw invalid(reasons);
    return { ...input, ...urls };
  };

  const step = async (id: string): Promise<OnboardingStepAdmin> => {
    const found = (await store.steps()).find((s) => s.id === id);
    if (!found) throw notFound('Step');
    return found;
  };

  async function mine(personId: string, lang: Language): Promise<Onboarding> {
    const person = await store.person(personId);
    if (!person) throw notFound('Person');
    const [all, progress] = await Promise.all([store.steps(), store.progress([personId])]);
    const seen = progress.get(personId) ?? NO_PROGRESS;
    const steps = all.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: pick(s.title, lang),
      bodyHtml: markdownToHtml(pick(s.body, lang)),
      linkUrl: s.linkUrl,
      done: stepDone(s, seen),
      automatic: ticksItself(s.kind),
    }));
    const { done, total } = checklistProgress(all, seen);
    return { ...standing(person), steps, done, total };
  }

  return {
    mine,

    /** Ticks or unticks a manual step; the others follow what Chorus sees (409). */
    async mark(personId: string, stepId: string, done: boolean, lang: Language): Promise<Onboarding> {
      const s = await step(stepId);
      if (ticksItself(s.kind)) throw conflict('onboarding.ticksItself');
      await store.setTicked(personId, stepId, done);
      return mine(personId, lang);
    },

    stepsPage: (page: PageRequest) => store.stepsPage(page),

    createStep: async (input: OnboardingStepInput) => step(await store.createStep(checked(input))),

    async updateStep(id: string, input: OnboardingStepInput): Promise<OnboardingStepAdmin> {
      if (!(await store.updateStep(id, checked(input)))) throw notFound('Step');
      return step(id);
    },

    /** Removed from the checklist; progress on it stays in the history. */
    async removeStep(id: string): Promise<void> {
      if (!(await store.archiveStep(id))) throw notFound('Step');
    },

    /** Colleagues with their new-hire standing — never their progress: that is theirs. */
    async searchPeople(q: string): Promise<NewHireCandidate[]> {
      return (await store.searchPeople(q)).map((p) => ({
        id: p.id,
        displayName: p.displayName,
        department: p.department,
        location: p.location,
        ...standing(p),
        marked: p.markedUntil !== null,
      }));
    },

    async markNewHire(personId: string, until: Date | null): Promise<void> {
      if (!(await store.markNewHire(personId, until))) throw notFound('Person');
    },

    /** Plans the one friendly reminder for whoever it is due to and has an unfinished checklist. */
    async planReminders(): Promise<number> {
      const at = now();
      const due = (await store.reminderCandidates(at, newHireDays)).filter((p) => reminderDue(p, newHireDays, at));
      if (due.length === 0) return 0;
      const [steps, progress] = await Promise.all([store.steps(), store.progress(due.map((p) => p.id))]);
      const unfinished = due.filter((p) => !checklistProgress(steps, progress.get(p.id) ?? NO_PROGRESS).finished);
      return unfinished.length > 0 ? notices.remind(unfinished.map((p) => p.id)) : 0;
    },
  };
}
export type OnboardingService = ReturnType<typeof onboardingService>;

import { describe, expect, it } from 'vitest';
import type { OnboardingStepAdmin, OnboardingStepInput } from '../model/onboarding.js';
import { AppError } from '../errors.js';
import { NO_PROGRESS, type ObservedProgress } from './checklist.js';
import type { ReminderFacts } from './new-hire.js';
import { onboardingService, type OnboardingStore, type PersonFacts } from './onboarding-service.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

/** An in-memory store: enough to exercise the rules without a database. */
function memory() {
  const steps: OnboardingStepAdmin[] = [
    { id: 's1', kind: 'guidelines', title: { de: 'Leitlinien lesen', en: 'Read the guidelines' }, body: { de: '', en: 'Take **ten** minutes.' }, linkUrl: null, position: 1 },
    { id: 's2', kind: 'manual', title: { de: 'Profil einrichten', en: '' }, body: { de: '', en: '' }, linkUrl: null, position: 2 },
  ];
  const people = new Map<string, PersonFacts & Omit<ReminderFacts, keyof PersonFacts>>();
  const progress = new Map<string, ObservedProgress>();
  const reminded: string[] = [];
  const add = (id: string, joinedDaysAgo: number, o: Partial<ReminderFacts> = {}) =>
    people.set(id, {
      id, displayName: id, department: null, location: null, joinedAt: daysAgo(joinedDaysAgo), firstSeenAt: daysAgo(joinedDaysAgo),
      markedUntil: null, markedAt: null, remindedAt: null, wantsReminders: true, ...o,
    });
  const store: OnboardingStore = {
    person: async (id) => people.get(id),
    steps: async () => [...steps].sort((a, b) => a.position - b.position),
    stepsPage: async () => ({ items: steps, nextCursor: null }),
    progress: async (ids) => new Map(ids.map((id) => [id, progress.get(id) ?? NO_PROGRESS])),
    async setTicked(personId, stepId, done) {
      const p = progress.get(personId) ?? NO_PROGRESS;
      const ticked = new Set(p.ticked);
      if (done) ticked.add(stepId);
      else ticked.delete(stepId);
      progress.set(personId, { ...p, ticked });
    },
    async createStep(input: OnboardingStepInput) {
      const id = `s${steps.length + 1}`;
      steps.push({ id, kind: input.kind, title: input.title, body: input.body, linkUrl: input.linkUrl ?? null, position: input.position });
      return id;
    },
    updateStep: async (id) => steps.some((s) => s.id === id),
    archiveStep: async (id) => steps.some((s) => s.id === id),
    searchPeople: async (q) => [...people.values()].filter((p) => p.displayName.includes(q)),
    async markNewHire(id, until) {
      const p = people.get(id);
      if (p) p.markedUntil = until;
      return Boolean(p);
    },
    reminderCandidates: async () => [...people.values()].filter((p) => !p.remindedAt),
  };
  const notices = {
    async remind(ids: readonly string[]) {
      for (const id of ids) people.get(id)!.remindedAt = NOW;
      reminded.push(...ids);
      return ids.length;
    },
  };
  const service = onboardingService({ store, notices, newHireDays: 60, urlPolicy: { allowHttpLocalhost: false }, now: () => NOW });
  return { service, add, progress, reminded };
}

describe('the onboarding service', () => {
  it('shows a person their checklist in their language, with what is done and whether they are new', async () => {
    const m = memory();
    m.add('mia', 12);
    m.progress.set('mia', { ...NO_PROGRESS, guidelinesAcknowledged: true });
    const mine = await m.service.mine('mia', 'en');
    expect(mine).toMatchObject({ newHire: true, done: 1, total: 2 });
    expect(mine.steps.map((s) => [s.title, s.done, s.automatic])).toEqual([['Read the guidelines', true, true], ['Profil einrichten', false, false]]);
    expect(mine.steps[0]!.bodyHtml).toContain('<strong>ten</strong>');
    m.add('aylin', 900);
    expect((await m.service.mine('aylin', 'de')).newHire).toBe(false);
  });

  it('ticks manual steps by hand and refuses the ones Chorus observes', async () => {
    const m = memory();
    m.add('mia', 12);
    expect((await m.service.mark('mia', 's2', true, 'en')).done).toBe(1);
    expect((await m.service.mark('mia', 's2', false, 'en')).done).toBe(0);
    await expect(m.service.mark('mia', 's1', true, 'en')).rejects.toMatchObject({ code: 'conflict' });
    await expect(m.service.mark('mia', 'nope', true, 'en')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a step link that is not https', async () => {
    const m = memory();
    const input: OnboardingStepInput = { kind: 'manual', title: { de: '', en: 'Meet your mentor' }, body: { de: '', en: '' }, linkUrl: 'javascript:alert(1)', position: 3 };
    const err = await m.service.createStep(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldReasons).toHaveProperty('linkUrl');
    expect((await m.service.createStep({ ...input, linkUrl: null })).title.en).toBe('Meet your mentor');
  });

  it('tells admins whether a colleague counts as new, never their progress', async () => {
    const m = memory();
    m.add('aylin', 900);
    await m.service.markNewHire('aylin', new Date('2026-12-31T00:00:00Z'));
    const [found] = await m.service.searchPeople('ayl');
    expect(found).toEqual({ id: 'aylin', displayName: 'aylin', department: null, location: null, newHire: true, newHireUntil: '2026-12-31T00:00:00.000Z', marked: true });
    await expect(m.service.markNewHire('nobody', null)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reminds once, a week after the start, only those with an unfinished checklist', async () => {
    const m = memory();
    m.add('week', 8);
    m.add('fresh', 3);
    m.add('quiet', 8, { wantsReminders: false });
    m.add('finished', 8);
    m.progress.set('finished', { ...NO_PROGRESS, guidelinesAcknowledged: true, ticked: new Set(['s2']) });
    expect(await m.service.planReminders()).toBe(1);
    expect(m.reminded).toEqual(['week']);
    expect(await m.service.planReminders()).toBe(0); // once
  });
});

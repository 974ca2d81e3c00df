import { describe, expect, it } from 'vitest';
import type { AdminGuideline, GuidelineVersion } from '../model/guidelines.js';
import { acknowledgement, planSave } from './guideline-rules.js';
import { guidelinesService, type GuidelineSave, type GuidelineStore } from './guidelines-service.js';

const content = (en: string) => ({ title: { de: '', en: 'Do and don’t' }, body: { de: '', en } });

describe('guideline versions', () => {
  it('makes a new version per change, none for a save that changes no title or text, and refuses a stale base', () => {
    const current = { version: 3, ...content('Be kind.') };
    expect(planSave(current, 3, content('Be kind and honest.'))).toEqual({ newVersion: 4 });
    expect(planSave(current, 3, content('Be kind.'))).toEqual({ newVersion: null });
    expect(planSave(current, 2, content('Be kind and honest.'))).toBe('stale');
  });

  it('acknowledges the current version only', () => {
    expect(acknowledgement(3, 3)).toBe('current');
    expect(acknowledgement(3, 2)).toBe('outdated');
    expect(acknowledgement(3, 4)).toBe('unknown');
    expect(acknowledgement(undefined, 1)).toBe('unknown');
  });
});

/** An in-memory store: pages, their versions, one person's acknowledgements. */
function memory() {
  const versions = new Map<string, GuidelineVersion[]>();
  const acks = new Map<string, number>(); // `${person}:${page}` → newest version
  const pages = new Map<string, { slug: string; position: number }>();
  const admin = (id: string): AdminGuideline => ({ id, ...pages.get(id)!, current: versions.get(id)!.at(-1)! });
  const add = (id: string, v: number, input: GuidelineSave) =>
    versions.set(id, [...(versions.get(id) ?? []), { version: v, title: input.title, body: input.body, changeNote: input.changeNote, createdAt: '2026-11-23T08:00:00.000Z', createdBy: 'Clara' }]);
  const store: GuidelineStore = {
    list: async () => ({ items: [...pages.keys()].map(admin), nextCursor: null }),
    get: async (id) => (pages.has(id) ? admin(id) : undefined),
    version: async (id, v) => versions.get(id)?.find((x) => x.version === v),
    history: async (id) => ({ items: (versions.get(id) ?? []).map(({ version, changeNote, createdAt, createdBy }) => ({ version, changeNote, createdAt, createdBy })).reverse(), nextCursor: null }),
    async create(slug, input) {
      if ([...pages.values()].some((p) => p.slug === slug)) return undefined;
      const id = `page-${pages.size + 1}`;
      pages.set(id, { slug, position: input.position ?? pages.size + 1 });
      add(id, 1, input);
      return admin(id);
    },
    async save(id, input, _by, plan) {
      if (!pages.has(id)) return undefined;
      const { newVersion } = plan(admin(id).current);
      if (newVersion !== null) add(id, newVersion, input);
      return admin(id);
    },
    forReader: async (person) =>
      [...pages.keys()].map((id) => ({ page: admin(id), acknowledgedVersion: acks.get(`${person}:${id}`) ?? null, acknowledgedAt: acks.has(`${person}:${id}`) ? '2026-11-23T09:00:00.000Z' : null })),
    latestVersion: async (id) => versions.get(id)?.at(-1)?.version,
    async acknowledge(person, id, v) {
      acks.set(`${person}:${id}`, Math.max(v, acks.get(`${person}:${id}`) ?? 0));
    },
  };
  return guidelinesService({ store });
}

const page = (en: string, note = ''): GuidelineSave => ({ ...content(en), changeNote: { de: '', en: note } });

describe('the guidelines service', () => {
  it('saves a new version per change and refuses a save based on an outdated version (409)', async () => {
    const g = memory();
    const created = await g.create({ slug: 'dos', ...page('Be kind.') }, 'clara');
    const saved = await g.save(created.id, { baseVersion: 1, ...page('Be kind and honest.', 'Honesty') }, 'clara');
    expect(saved).toMatchObject({ created: true, current: { version: 2 } });
    expect(await g.save(created.id, { baseVersion: 2, ...page('Be kind and honest.') }, 'clara')).toMatchObject({ created: false, current: { version: 2 } });
    await expect(g.save(created.id, { baseVersion: 1, ...page('Mine instead.') }, 'petra')).rejects.toMatchObject({ code: 'conflict' });
    await expect(g.save('nope', { baseVersion: 1, ...page('x') }, 'clara')).rejects.toMatchObject({ code: 'not_found' });
    await expect(g.create({ slug: 'dos', ...page('Again') }, 'clara')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('acknowledges the current version, and shows what changed since a reader confirmed an older one', async () => {
    const g = memory();
    const { id } = await g.create({ slug: 'dos', ...page('Be kind.') }, 'clara');
    expect(await g.acknowledge('mia', id, 1, 'en')).toMatchObject({ acknowledgedVersion: 1, changesSinceRead: null });
    await g.save(id, { baseVersion: 1, ...page('Be kind and honest.', 'Honesty') }, 'clara');
    const [read] = await g.forReader('mia', 'de');
    expect(read).toMatchObject({ version: 2, acknowledgedVersion: 1, changeNote: 'Honesty', title: 'Do and don’t' });
    expect(read!.changesSinceRead).toContainEqual({ kind: 'added', text: expect.stringContaining('honest') });
    await expect(g.acknowledge('mia', id, 1, 'en')).rejects.toMatchObject({ code: 'conflict' });
    await expect(g.acknowledge('mia', id, 3, 'en')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('compares two different versions only', async () => {
    const g = memory();
    const { id } = await g.create({ slug: 'dos', ...page('Be kind.') }, 'clara');
    await g.save(id, { baseVersion: 1, ...page('Be kind, always.') }, 'clara');
    expect((await g.diff(id, 2, 1)).body.en.some((p) => p.kind === 'removed')).toBe(true);
    await expect(g.diff(id, 1, 1)).rejects.toMatchObject({ code: 'invalid' });
    await expect(g.diff(id, 1, 9)).rejects.toMatchObject({ code: 'not_found' });
  });
});

import { describe, expect, it } from 'vitest';
import type { AdminItem, ItemInput } from '../model/items.js';
import { AppError } from '../errors.js';
import { itemsService, type ItemRecordLike, type ItemStore } from './items-service.js';

/** An in-memory store: enough to exercise the rules without a database. */
function memoryStore(): ItemStore & { rows: Map<string, AdminItem> } {
  const rows = new Map<string, AdminItem>();
  const toItem = (id: string, r: ItemRecordLike, prev?: AdminItem): AdminItem => ({
    id,
    kind: r.kind,
    title: r.title,
    url: r.url,
    why: r.why,
    imageUrl: r.imageUrl,
    language: r.language,
    topics: r.topics,
    hashtags: r.hashtags,
    posts: r.posts,
    publishAt: prev?.publishAt ?? null,
    expiresAt: r.expiresAt,
    status: prev?.status ?? 'draft',
    live: false,
    audience: r.audience,
    staleAudience: [],
    reachesNobody: false,
    campaign: prev?.campaign ?? 'c',
    createdAt: '',
    updatedAt: '',
    stats: { shares: 0, clicks: 0, declined: { total: 0, reasons: null, flagged: false } },
  });
  return {
    rows,
    async create(rec, campaign) {
      const id = `item-${rows.size + 1}`;
      rows.set(id, { ...toItem(id, rec), campaign });
      return id;
    },
    async update(id, rec) {
      rows.set(id, toItem(id, rec, rows.get(id)));
      return true;
    },
    async setStatus(id, status, at) {
      const row = rows.get(id);
      if (!row) return false;
      rows.set(id, { ...row, status, publishAt: at ? at.toISOString() : row.publishAt });
      return true;
    },
    async adminGet(id) {
      return rows.get(id);
    },
  };
}

const now = new Date('2026-11-22T10:00:00Z');
const input: ItemInput = {
  kind: 'job',
  title: 'Wir suchen Dich!',
  url: 'https://contoso.example/jobs/1',
  why: 'Great team.',
  imageUrl: null,
  language: 'de',
  topics: ['careers', 'careers'],
  audience: { departments: [], locations: [] },
  posts: { x: 'Komm zu uns' },
  hashtags: [],
};

function setup() {
  const store = memoryStore();
  const svc = itemsService({
    items: store,
    topics: { unknown: async (ids) => ids.filter((id) => id !== 'careers') },
    urlPolicy: { allowHttpLocalhost: false },
    now: () => now,
  });
  return { store, svc };
}

async function fields(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.fields ?? {};
  }
  throw new Error('expected a validation error');
}

describe('items rules', () => {
  it('creates a draft with a readable campaign and de-duplicated topics', async () => {
    const { svc } = setup();
    const { item, warnings } = await svc.create(input, 'admin');
    expect(item).toMatchObject({ status: 'draft', campaign: 'wir-suchen-dich', topics: ['careers'] });
    expect(warnings).toEqual([]);
  });

  it('collects every field problem at once', async () => {
    const { svc } = setup();
    const f = await fields(svc.create({ ...input, url: 'javascript:alert(1)', imageUrl: 'http://x.example/a.png', topics: ['careers', 'astrology'], expiresAt: '2020-01-01T00:00:00Z' }, 'a'));
    expect(Object.keys(f).sort()).toEqual(['expiresAt', 'imageUrl', 'topics', 'url']);
    expect(f.topics).toBe('unknown topic: astrology');
  });

  it('publishes now, or schedules for a future time', async () => {
    const { svc } = setup();
    const { item } = await svc.create(input, 'a');
    expect((await svc.publish(item.id)).status).toBe('published');
    const later = new Date(now.getTime() + 3_600_000).toISOString();
    expect(await svc.publish(item.id, later)).toMatchObject({ status: 'scheduled', publishAt: later });
  });

  it('refuses to schedule past the expiry', async () => {
    const { svc } = setup();
    const { item } = await svc.create({ ...input, expiresAt: '2026-11-23T00:00:00Z' }, 'a');
    expect(await fields(svc.publish(item.id, '2026-11-24T00:00:00Z'))).toHaveProperty('at');
  });

  it('answers not found for unknown items', async () => {
    const { svc } = setup();
    await expect(svc.archive('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api, validItem } from '../support/http.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({}, { demo: true });
});
afterAll(async () => s?.close());

type Item = { id: string; title: string; language: string; publishAt: string; topics: string[] };
const feed = async (person: string, query = '') => (await api(s.url, 'GET', `/api/v1/items${query}`, { headers: s.as(person) })).body;

describe('the employee feed', () => {
  it("shows the person's language first, then newest first", async () => {
    const { items } = (await feed('aylin', '?limit=50')) as { items: Item[] };
    const langs = items.map((i) => i.language);
    expect(langs.indexOf('de')).toBeGreaterThan(langs.lastIndexOf('en'));
    const en = items.filter((i) => i.language === 'en').map((i) => i.publishAt);
    expect(en).toEqual([...en].sort().reverse());
  });

  it('hides drafts, scheduled items not yet due, archived and expired items', async () => {
    const titles = ((await feed('jonas', '?limit=50')) as { items: Item[] }).items.map((i) => i.title);
    expect(titles).not.toContain('Customer story: how a bakery chain plans 40 shops'); // draft
    expect(titles).not.toContain('Webinar: Planning for teams that work offline'); // scheduled in 3 days
    const admin = s.as('clara');
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', {
      headers: admin,
      body: validItem({ title: 'Expires soon', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
    });
    await api(s.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin, body: {} });
    expect(((await feed('jonas', '?q=Expires')) as { items: Item[] }).items).toHaveLength(1);
    // Let the hour pass: move the expiry into the past rather than waiting.
    await s.db.query(`update items set publish_at = now() - interval '2 hours', expires_at = now() - interval '1 second' where id = $1`, [body.item.id]);
    expect(((await feed('jonas', '?q=Expires')) as { items: Item[] }).items).toHaveLength(0);
  });

  it('respects the audience: departments and locations', async () => {
    const engineeringOnly = 'Einblick: So testen wir unsere Software, bevor Sie sie sehen';
    const hamburgOnly = 'Tag der offenen Tür in Hamburg am 14. März';
    const jonas = ((await feed('jonas', '?limit=50')) as { items: Item[] }).items.map((i) => i.title);
    const aylin = ((await feed('aylin', '?limit=50')) as { items: Item[] }).items.map((i) => i.title);
    expect(jonas).toContain(engineeringOnly);
    expect(jonas).not.toContain(hamburgOnly);
    expect(aylin).toContain(hamburgOnly);
    expect(aylin).not.toContain(engineeringOnly);
  });

  it('filters by topic and by text', async () => {
    const careers = ((await feed('jonas', '?topic=careers&limit=50')) as { items: Item[] }).items;
    expect(careers.length).toBeGreaterThan(0);
    expect(careers.every((i) => i.topics.includes('careers'))).toBe(true);
    const found = ((await feed('jonas', '?q=rechenzentren')) as { items: Item[] }).items;
    expect(found.map((i) => i.title)).toEqual(['Wie unsere Rechenzentren jetzt das Nachbarquartier heizen']);
    expect(((await feed('jonas', '?q=%25')) as { items: Item[] }).items).toEqual([]);
  });

  it('pages without gaps or repeats', async () => {
    const all = ((await feed('jonas', '?limit=50')) as { items: Item[] }).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await feed('jonas', `?limit=3${cursor ? `&cursor=${cursor}` : ''}`)) as { items: Item[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses bad query parameters', async () => {
    const res = await api(s.url, 'GET', '/api/v1/items?limit=5000', { headers: s.as('jonas') });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.limit).toBeDefined();
  });

  it('names topics in the person’s language', async () => {
    const de = (await api(s.url, 'GET', '/api/v1/topics', { headers: s.as('jonas') })).body.items;
    const en = (await api(s.url, 'GET', '/api/v1/topics', { headers: s.as('aylin') })).body.items;
    expect(de).toContainEqual({ id: 'careers', name: 'Karriere' });
    expect(en).toContainEqual({ id: 'careers', name: 'Careers' });
    // The tab's UI language wins over the stored one.
    const switched = (await api(s.url, 'GET', '/api/v1/topics', { headers: { ...s.as('jonas'), 'accept-language': 'en' } })).body.items;
    expect(switched).toContainEqual({ id: 'careers', name: 'Careers' });
  });
});

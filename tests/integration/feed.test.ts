import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAdmin, anItem, aPerson, aTopic, daysAgo, type TestPerson } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api, validItem } from '../support/http.js';

let s: TestServer;
let adminPerson: TestPerson;
/** Engineering in München, reads German. */
let engineer: TestPerson;
/** Sales in Hamburg, reads English. */
let seller: TestPerson;
beforeAll(async () => {
  s = await startTestServer();
  adminPerson = await anAdmin(s.db);
  engineer = await aPerson(s.db, { department: 'Engineering', location: 'München', language: 'de' });
  seller = await aPerson(s.db, { department: 'Sales', location: 'Hamburg', language: 'en' });
  // A small feed: both languages, published days apart, one item per audience, a draft and one scheduled.
  await aTopic(s.db, { id: 'careers', de: 'Karriere', en: 'Careers' });
  await aTopic(s.db, { id: 'culture', de: 'Unternehmenskultur', en: 'Culture' });
  await anItem(s.db, { language: 'de', title: 'Wie unsere Rechenzentren jetzt das Nachbarquartier heizen', publishAt: daysAgo(0.1) });
  await anItem(s.db, { language: 'de', title: 'Werkstudent:in Marketing in Hamburg', topics: ['careers'], publishAt: daysAgo(1) });
  await anItem(s.db, { language: 'en', title: 'What we learned from our first accessibility audit', publishAt: daysAgo(2) });
  await anItem(s.db, { language: 'en', title: 'Senior Backend Engineer, remote in Germany', topics: ['careers'], publishAt: daysAgo(3) });
  await anItem(s.db, { language: 'de', title: 'Tag der offenen Tür in Hamburg am 14. März', audience: { departments: [], locations: ['Hamburg'] }, publishAt: daysAgo(4) });
  await anItem(s.db, { language: 'en', title: 'A day in the life of our apprentices', topics: ['culture', 'careers'], publishAt: daysAgo(8) });
  await anItem(s.db, { language: 'de', title: 'Einblick: So testen wir unsere Software, bevor Sie sie sehen', audience: { departments: ['Engineering'], locations: [] }, publishAt: daysAgo(9) });
  await anItem(s.db, { language: 'en', title: 'Webinar: Planning for teams that work offline', status: 'scheduled', publishAt: daysAgo(-3) });
  await anItem(s.db, { language: 'en', title: 'Customer story: how a bakery chain plans 40 shops', status: 'draft' });
});
afterAll(async () => s?.close());

type Item = { id: string; title: string; language: string; publishAt: string; topics: string[] };
const feed = async (person: TestPerson, query = '') => (await api(s.url, 'GET', `/api/v1/items${query}`, { headers: person.headers })).body;

describe('the employee feed', () => {
  it("shows the person's language first, then newest first", async () => {
    const { items } = (await feed(seller, '?limit=50')) as { items: Item[] };
    const langs = items.map((i) => i.language);
    expect(langs.indexOf('de')).toBeGreaterThan(langs.lastIndexOf('en'));
    const en = items.filter((i) => i.language === 'en').map((i) => i.publishAt);
    expect(en).toEqual([...en].sort().reverse());
  });

  it('hides drafts, scheduled items not yet due, archived and expired items', async () => {
    const titles = ((await feed(engineer, '?limit=50')) as { items: Item[] }).items.map((i) => i.title);
    expect(titles).not.toContain('Customer story: how a bakery chain plans 40 shops'); // draft
    expect(titles).not.toContain('Webinar: Planning for teams that work offline'); // scheduled in 3 days
    const admin = adminPerson.headers;
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', {
      headers: admin,
      body: validItem({ title: 'Expires soon', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
    });
    await api(s.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin, body: {} });
    expect(((await feed(engineer, '?q=Expires')) as { items: Item[] }).items).toHaveLength(1);
    // Let the hour pass: move the expiry into the past rather than waiting.
    await s.db.query(`update items set publish_at = now() - interval '2 hours', expires_at = now() - interval '1 second' where id = $1`, [body.item.id]);
    expect(((await feed(engineer, '?q=Expires')) as { items: Item[] }).items).toHaveLength(0);
  });

  it('respects the audience: departments and locations', async () => {
    const engineeringOnly = 'Einblick: So testen wir unsere Software, bevor Sie sie sehen';
    const hamburgOnly = 'Tag der offenen Tür in Hamburg am 14. März';
    const jonas = ((await feed(engineer, '?limit=50')) as { items: Item[] }).items.map((i) => i.title);
    const aylin = ((await feed(seller, '?limit=50')) as { items: Item[] }).items.map((i) => i.title);
    expect(jonas).toContain(engineeringOnly);
    expect(jonas).not.toContain(hamburgOnly);
    expect(aylin).toContain(hamburgOnly);
    expect(aylin).not.toContain(engineeringOnly);
  });

  it('filters by topic and by text', async () => {
    const careers = ((await feed(engineer, '?topic=careers&limit=50')) as { items: Item[] }).items;
    expect(careers.length).toBeGreaterThan(0);
    expect(careers.every((i) => i.topics.includes('careers'))).toBe(true);
    const found = ((await feed(engineer, '?q=rechenzentren')) as { items: Item[] }).items;
    expect(found.map((i) => i.title)).toEqual(['Wie unsere Rechenzentren jetzt das Nachbarquartier heizen']);
    expect(((await feed(engineer, '?q=%25')) as { items: Item[] }).items).toEqual([]);
  });

  it('pages without gaps or repeats', async () => {
    const all = ((await feed(engineer, '?limit=50')) as { items: Item[] }).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await feed(engineer, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`)) as { items: Item[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses bad query parameters', async () => {
    const res = await api(s.url, 'GET', '/api/v1/items?limit=5000', { headers: engineer.headers });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.limit).toBeDefined();
  });

  it('names topics in the person’s language', async () => {
    const de = (await api(s.url, 'GET', '/api/v1/topics', { headers: engineer.headers })).body.items;
    const en = (await api(s.url, 'GET', '/api/v1/topics', { headers: seller.headers })).body.items;
    expect(de).toContainEqual({ id: 'careers', name: 'Karriere' });
    expect(en).toContainEqual({ id: 'careers', name: 'Careers' });
    // The tab's UI language wins over the stored one.
    const switched = (await api(s.url, 'GET', '/api/v1/topics', { headers: { ...engineer.headers, 'accept-language': 'en' } })).body.items;
    expect(switched).toContainEqual({ id: 'careers', name: 'Careers' });
  });
});

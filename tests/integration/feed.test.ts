import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAdmin, anItem, aPerson, aShare, aTopic, daysAgo, type TestPerson } from '../support/factories.js';
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

type Item = { id: string; title: string; language: string; publishAt: string; topics: string[]; why: string; posts: Record<string, string>; mine: { networks: string[]; clicks: number } };
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

describe('the feed at company size (issue 13 §6)', () => {
  /** Every item of the feed, `limit` at a time, following the cursors. */
  const allPages = async (person: TestPerson, limit: number, query = '') => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = (await feed(person, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`)) as { items: Item[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('pages across the languages without gaps or repeats, however the pages fall', async () => {
    for (const person of [seller, engineer]) {
      const all = ((await feed(person, '?limit=50')) as { items: Item[] }).items;
      const own = all.filter((i) => i.language === person.language);
      expect(own.length).toBeGreaterThan(0);
      expect(all.slice(0, own.length)).toEqual(own); // mine first
      for (const limit of [1, 2, own.length, own.length + 1]) {
        expect((await allPages(person, limit)).map((i) => i.id)).toEqual(all.map((i) => i.id));
      }
    }
    // With a topic, the pages in the other language continue after a cursor there as well.
    const careers = ((await feed(seller, '?topic=careers&limit=50')) as { items: Item[] }).items.map((i) => i.id);
    expect(careers.length).toBeGreaterThan(2);
    expect((await allPages(seller, 1, '&topic=careers')).map((i) => i.id)).toEqual(careers);
  });

  it("shows an editor's change at once, also one made past this process", async () => {
    const reader = await aPerson(s.db, { department: 'Edits', location: 'Leipzig', language: 'en' });
    const item = await anItem(s.db, { title: 'Before the edit', audience: { departments: ['Edits'], locations: [] }, posts: { linkedin: 'Old LinkedIn text', x: 'Old X text' } });
    const shown = async () => ((await feed(reader, '?limit=50')) as { items: Item[] }).items.find((i) => i.id === item.id);
    expect(await shown()).toMatchObject({ title: 'Before the edit', posts: { linkedin: 'Old LinkedIn text', x: 'Old X text' } });

    // Through the API: the content kept for the first page is not served again.
    const edit = await api(s.url, 'PUT', `/api/v1/admin/items/${item.id}`, {
      headers: adminPerson.headers,
      body: validItem({ title: 'After the edit', audience: { departments: ['Edits'], locations: [] }, posts: { linkedin: 'New LinkedIn text' } }),
    });
    expect(edit.status).toBe(200);
    expect(await shown()).toMatchObject({ title: 'After the edit', posts: { linkedin: 'New LinkedIn text' } });
    expect((await shown())?.posts).not.toHaveProperty('x');

    // Straight in the database, as another instance or a script would: items, then posts.
    await s.db.query(`update items set why = 'Changed by a script' where id = $1`, [item.id]);
    expect((await shown())?.why).toBe('Changed by a script');
    await s.db.query(`insert into item_posts (item_id, network, text) values ($1, 'xing', 'A XING text')`, [item.id]);
    expect((await shown())?.posts).toEqual({ linkedin: 'New LinkedIn text', xing: 'A XING text' });
    await s.db.query(`delete from item_posts where item_id = $1 and network = 'linkedin'`, [item.id]);
    expect((await shown())?.posts).toEqual({ xing: 'A XING text' });

    // Archived: gone from the next page.
    await api(s.url, 'POST', `/api/v1/admin/items/${item.id}/archive`, { headers: adminPerson.headers, body: {} });
    expect(await shown()).toBeUndefined();
  });

  it('shows my own networks and clicks as they come, and nobody else’s', async () => {
    const sharer = await aPerson(s.db, { department: 'Mine', location: 'Leipzig', language: 'en' });
    const colleague = await aPerson(s.db, { department: 'Mine', location: 'Leipzig', language: 'en' });
    const item = await anItem(s.db, { title: 'Worth sharing', audience: { departments: ['Mine'], locations: [] } });
    const mineOf = async (person: TestPerson) => ((await feed(person, '?limit=50')) as { items: Item[] }).items.find((i) => i.id === item.id)?.mine;
    expect(await mineOf(sharer)).toEqual({ networks: [], clicks: 0 });

    const { linkCode } = await aShare(s.db, { item, person: sharer, network: 'linkedin', clicks: 3 });
    expect(await mineOf(sharer)).toEqual({ networks: ['linkedin'], clicks: 3 });
    await aShare(s.db, { item, person: sharer, network: 'x', clicks: 2 });
    await s.db.query(`insert into clicks (link_code, minute, item_id, network, clicks) values ($1, date_trunc('minute', now()) + interval '1 hour', $2, 'linkedin', 4)`, [linkCode, item.id]);
    expect(await mineOf(sharer)).toEqual({ networks: ['linkedin', 'x'], clicks: 9 });
    expect(await mineOf(colleague)).toEqual({ networks: [], clicks: 0 });
  });

  it('serves the benchmark baseline only when asked to, never in production', async () => {
    expect((await api(s.url, 'GET', '/api/v1/bench/fixed-feed', { headers: seller.headers })).status).toBe(404);
    const bench = await startTestServer({ BENCH_BASELINE: 'true' });
    try {
      const [one, another] = [await aPerson(bench.db), await aPerson(bench.db, { language: 'de' })];
      await anItem(bench.db, { title: 'On the fixed page' });
      // Signed in as anyone with the feed's permission: the first caller's first page, every time.
      expect((await api(bench.url, 'GET', '/api/v1/bench/fixed-feed')).status).toBe(401);
      const first = await api(bench.url, 'GET', '/api/v1/bench/fixed-feed', { headers: one.headers });
      expect(first.status).toBe(200);
      expect(first.body.items.map((i: Item) => i.title)).toEqual(['On the fixed page']);
      expect(first.body).toEqual((await api(bench.url, 'GET', '/api/v1/items?limit=20', { headers: one.headers })).body);
      await anItem(bench.db, { title: 'Not on it' });
      expect((await api(bench.url, 'GET', '/api/v1/bench/fixed-feed', { headers: another.headers })).body).toEqual(first.body);
    } finally {
      await bench.close();
    }
  });
});


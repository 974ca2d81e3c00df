import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAdmin, anItem, aPerson, aShare, aTopic, type TestPerson } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api, validItem } from '../support/http.js';

let s: TestServer;
let adminPerson: TestPerson;
let employee: TestPerson;
beforeAll(async () => {
  s = await startTestServer();
  // People in the departments and locations the audience picker offers.
  adminPerson = await anAdmin(s.db, { department: 'Marketing', location: 'Berlin' });
  employee = await aPerson(s.db, { department: 'Engineering', location: 'München' });
  await aPerson(s.db, { department: 'Sales', location: 'Hamburg' });
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
  await anItem(s.db, { status: 'draft' });
  // Shared once, clicked seven times.
  await aShare(s.db, { item: await anItem(s.db), person: employee, clicks: 7 });
});
afterAll(async () => s?.close());

const admin = () => adminPerson.headers;
const count = async () => (await s.db.query<{ n: number }>('select count(*)::int as n from items'))[0]?.n;

describe('admin items API', () => {
  it('creates a draft, edits it, publishes it, and archives it', async () => {
    const created = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem() });
    expect(created.status).toBe(201);
    expect(created.body.item).toMatchObject({ status: 'draft', live: false, title: 'Our new office in Leipzig', campaign: 'our-new-office-in-leipzig' });
    expect(created.body.item.posts).toEqual({ linkedin: 'We opened an office in Leipzig!', x: 'New office in Leipzig!' });
    const id = created.body.item.id;

    const edited = await api(s.url, 'PUT', `/api/v1/admin/items/${id}`, {
      headers: admin(),
      body: validItem({ title: 'Leipzig, here we come', posts: { xing: 'Hallo Leipzig' } }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.item.title).toBe('Leipzig, here we come');
    expect(edited.body.item.posts).toEqual({ xing: 'Hallo Leipzig' });

    const published = await api(s.url, 'POST', `/api/v1/admin/items/${id}/publish`, { headers: admin(), body: {} });
    expect(published.body).toMatchObject({ status: 'published', live: true });

    const archived = await api(s.url, 'POST', `/api/v1/admin/items/${id}/archive`, { headers: admin() });
    expect(archived.body).toMatchObject({ status: 'archived', live: false });
  });

  it('schedules an item for later: not live until its time', async () => {
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ title: 'Later' }) });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await api(s.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin(), body: { at } });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', live: false, publishAt: at });
    const feed = await api(s.url, 'GET', '/api/v1/items?q=Later', { headers: employee.headers });
    expect(feed.body.items).toEqual([]);
  });

  it('warns (but saves) when LinkedIn text passes the "see more" fold, and when there is no text', async () => {
    const long = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ posts: { linkedin: 'x'.repeat(260) } }) });
    expect(long.status).toBe(201);
    expect(long.body.warnings.map((w: { field: string }) => w.field)).toEqual(['posts.linkedin']);
    const none = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ posts: {} }) });
    expect(none.body.warnings.map((w: { field: string }) => w.field)).toEqual(['posts']);
  });

  it('lists items for admins with status filter and per-item stats', async () => {
    const list = await api(s.url, 'GET', '/api/v1/admin/items?status=draft', { headers: admin() });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    const all = await api(s.url, 'GET', '/api/v1/admin/items?limit=100', { headers: admin() });
    const shared = all.body.items.find((i: { stats: { clicks: number } }) => i.stats.clicks > 0);
    expect(shared.stats).toEqual({ shares: 1, clicks: 7, declined: { total: 0, reasons: null, flagged: false } });
  });

  it('gives warnings in the language of the tab', async () => {
    const res = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...admin(), 'accept-language': 'de' }, body: validItem({ posts: { linkedin: 'x'.repeat(260) } }) });
    expect(res.body.warnings[0].message).toMatch(/^LinkedIn zeigt etwa 210 Zeichen/);
  });

  it('offers known departments and locations for the audience, with how many people hold each (people who left do not count)', async () => {
    await aPerson(s.db, { department: 'Sales', location: 'Hamburg' });
    const leaver = await aPerson(s.db, { department: 'Sales', location: 'Bremen' });
    await s.db.query('update people set left_at = now() where id = $1', [leaver.id]);
    const res = await api(s.url, 'GET', '/api/v1/admin/audiences', { headers: admin() });
    expect(res.body.departments).toEqual(expect.arrayContaining(['Engineering', 'Sales', 'Marketing']));
    expect(res.body.locations).toEqual(expect.arrayContaining(['Berlin', 'Hamburg']));
    expect(res.body.locations).not.toContain('Bremen');
    expect(res.body.counts.departments).toMatchObject({ Sales: 2, Engineering: 1 });
    expect(res.body.counts.locations).toMatchObject({ Hamburg: 2 });
  });

  it('warns when an audience reaches nobody, and names values nobody holds (a renamed department)', async () => {
    const nobody = await api(s.url, 'POST', '/api/v1/admin/items', {
      headers: admin(),
      body: validItem({ audience: { departments: ['Sales'], locations: ['Berlin'] } }),
    });
    expect(nobody.status).toBe(201);
    expect(nobody.body.warnings.map((w: { field: string }) => w.field)).toEqual(['audience']);
    const renamed = await api(s.url, 'POST', '/api/v1/admin/items', {
      headers: { ...admin(), 'accept-language': 'en' },
      body: validItem({ audience: { departments: ['Sales', 'Sales & Marketing (old)'], locations: [] } }),
    });
    expect(renamed.body.warnings).toEqual([{ field: 'audience.departments', message: expect.stringContaining('Sales & Marketing (old)') }]);
    const fine = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ audience: { departments: ['Sales'], locations: [] } }) });
    expect(fine.body.warnings).toEqual([]);
    expect(fine.body.item.staleAudience).toEqual([]);
    // In the list, the item names the values nobody holds any more.
    const list = await api(s.url, 'GET', '/api/v1/admin/items?limit=100', { headers: admin() });
    const stale = list.body.items.find((i: { id: string }) => i.id === renamed.body.item.id);
    expect(stale.staleAudience).toEqual(['Sales & Marketing (old)']);
    // When the last person in Sales leaves, the item meant for Sales is flagged too.
    await s.db.query(`update people set left_at = now() where department = 'Sales'`);
    const after = await api(s.url, 'GET', '/api/v1/admin/items?limit=100', { headers: admin() });
    expect(after.body.items.find((i: { id: string }) => i.id === fine.body.item.id).staleAudience).toEqual(['Sales']);
    await s.db.query(`update people set left_at = null where department = 'Sales'`);
  });

  it('flags in the admin list an item whose audience nobody is in, and shows employees nothing of it', async () => {
    const create = async (audience: { departments: string[]; locations: string[] }, title = 'Our new office in Leipzig') =>
      (await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ audience, title }) })).body.item;
    const listed = async (id: string) =>
      (await api(s.url, 'GET', '/api/v1/admin/items?limit=100', { headers: admin() })).body.items.find((i: { id: string }) => i.id === id);

    // Sales is in Hamburg and Marketing in Berlin: both values are held, but nobody is in Sales in Berlin.
    const salesInBerlin = await create({ departments: ['Sales'], locations: ['Berlin'] });
    expect(salesInBerlin).toMatchObject({ staleAudience: [], reachesNobody: true });
    const researcher = await aPerson(s.db, { department: 'Research', location: 'Leipzig' });
    const research = await create({ departments: ['Research'], locations: [] });
    const everyone = await create({ departments: [], locations: [] }, 'For everyone at Contoso');
    expect(await listed(research.id)).toMatchObject({ staleAudience: [], reachesNobody: false });

    // Published, the flag stays (announcing it would reach no one); publishing answers it too.
    const published = await api(s.url, 'POST', `/api/v1/admin/items/${salesInBerlin.id}/publish`, { headers: admin(), body: {} });
    expect(published.body).toMatchObject({ status: 'published', reachesNobody: true });
    expect(await listed(salesInBerlin.id)).toMatchObject({ staleAudience: [], reachesNobody: true });

    // The directory renames the department: nobody holds it, so nobody is in the audience.
    await s.db.query(`update people set department = 'Research & Development' where id = $1`, [researcher.id]);
    expect(await listed(research.id)).toMatchObject({ staleAudience: ['Research'], reachesNobody: true });
    // An item for everyone is never flagged.
    expect(await listed(everyone.id)).toMatchObject({ staleAudience: [], reachesNobody: false });

    // Employees get no admin list, and their feed item carries none of this.
    expect((await api(s.url, 'GET', '/api/v1/admin/items', { headers: employee.headers })).status).toBe(403);
    await api(s.url, 'POST', `/api/v1/admin/items/${everyone.id}/publish`, { headers: admin(), body: {} });
    const feed = await api(s.url, 'GET', '/api/v1/items?q=everyone%20at%20Contoso', { headers: employee.headers });
    const seen = feed.body.items.find((i: { id: string }) => i.id === everyone.id);
    expect(seen).toBeDefined();
    expect(Object.keys(seen)).not.toContain('reachesNobody');
    expect(Object.keys(seen)).not.toContain('staleAudience');
  });
});

describe('bad input changes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['a data: URL', { url: 'data:text/html,hi' }, 'url'],
    ['a data: image', { imageUrl: 'data:image/png;base64,AAAA' }, 'imageUrl'],
    ['a plain http URL', { url: 'http://www.contoso.example/' }, 'url'],
    ['an over-long title', { title: 't'.repeat(141) }, 'title'],
    ['an empty why', { why: '  ' }, 'why'],
    ['an unknown network', { posts: { mastodon: 'hi' } }, 'posts.mastodon'],
    ['an unknown topic', { topics: ['astrology'] }, 'topics'],
    ['an unknown kind', { kind: 'podcast' }, 'kind'],
    ['an unknown field', { priority: 1 }, 'priority'],
    ['X text over 280 with the link', { posts: { x: 'a'.repeat(251) }, hashtags: ['jobs'] }, 'posts.x'],
    ['a bad hashtag', { hashtags: ['no spaces'] }, 'hashtags.0'],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    ['a date without zone', { expiresAt: '2030-01-01T00:00' }, 'expiresAt'],
  ];

  it.each(cases)('refuses %s with 400 and the field', async (_name, change, field) => {
    const before = await count();
    const res = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem(change) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid');
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await count()).toBe(before);
  });

  it.each(cases)('explains %s in German to a German tab', async (_name, change, field) => {
    const en = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...admin(), 'accept-language': 'en' }, body: validItem(change) });
    const de = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...admin(), 'accept-language': 'de-DE,de;q=0.9' }, body: validItem(change) });
    expect(de.body.error.message).toBe('Einige Felder sind nicht gültig');
    expect(de.body.error.fields[field]).toBeTruthy();
    expect(de.body.error.fields[field]).not.toBe(en.body.error.fields[field]);
  });

  it('refuses an edit with bad input and keeps the item as it was', async () => {
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ title: 'Keep me' }) });
    const res = await api(s.url, 'PUT', `/api/v1/admin/items/${body.item.id}`, { headers: admin(), body: validItem({ title: 'Changed', url: 'javascript:x' }) });
    expect(res.status).toBe(400);
    const again = await api(s.url, 'GET', `/api/v1/admin/items/${body.item.id}`, { headers: admin() });
    expect(again.body.title).toBe('Keep me');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), raw: '{"title": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid');
  });

  it('answers an oversized body with 413', async () => {
    const before = await count();
    const res = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ why: 'w'.repeat(200_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await count()).toBe(before);
  });

  it('gives employees 403 on every admin route and writes nothing', async () => {
    const before = await count();
    const id = '00000000-0000-0000-0000-000000000000';
    for (const [method, path, body] of [
      ['GET', '/api/v1/admin/items', undefined],
      ['POST', '/api/v1/admin/items', validItem()],
      ['PUT', `/api/v1/admin/items/${id}`, validItem()],
      ['POST', `/api/v1/admin/items/${id}/publish`, {}],
      ['POST', `/api/v1/admin/items/${id}/archive`, undefined],
      ['GET', '/api/v1/admin/audiences', undefined],
    ] as const) {
      const res = await api(s.url, method, path, { headers: employee.headers, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await count()).toBe(before);
  });

  it('gives 401 without a sign-in and 404 for unknown items', async () => {
    expect((await api(s.url, 'GET', '/api/v1/items')).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/v1/admin/items/not-a-uuid', { headers: admin() })).status).toBe(404);
    expect((await api(s.url, 'GET', '/api/v1/admin/items/00000000-0000-0000-0000-000000000000', { headers: admin() })).status).toBe(404);
  });
});

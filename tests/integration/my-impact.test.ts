import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impactSchema } from '../../bot/src/domain/model/impact.js';
import { dayOf, addDays } from '../../bot/src/domain/time/tenant-day.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api } from '../support/http.js';
import { anAdmin, anItem, aPerson, aShare, type TestPerson } from '../support/factories.js';

let s: TestServer;
let me: TestPerson;
let colleague: TestPerson;
let admin: TestPerson;
let today: string;
let itemA: { id: string; title: string };
let itemB: { id: string; title: string };

beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false' });
  today = dayOf(Date.now(), s.config.timeZone);
  me = await aPerson(s.db);
  colleague = await aPerson(s.db);
  admin = await anAdmin(s.db);
  itemA = await anItem(s.db, { title: 'Item A' });
  itemB = await anItem(s.db, { title: 'Item B' });
  // aShare puts each click in a minute of its own in the past hours (7 minutes apart).
  const a = await aShare(s.db, { item: itemA, person: me, network: 'linkedin', clicks: 3 });
  await aShare(s.db, { item: itemA, person: me, network: 'x', clicks: 1 });
  await aShare(s.db, { item: itemB, person: me, network: 'x' });
  await aShare(s.db, { item: itemA, person: colleague, network: 'linkedin', clicks: 40 });
  await aShare(s.db, { item: itemB, person: admin, network: 'xing', clicks: 7 });
  await s.db.query(
    `insert into link_readers (link_code, day, item_id, network, readers) values ($1, $2, $3, 'linkedin', 2)`,
    [a.linkCode, today, itemA.id],
  );
});
afterAll(async () => s?.close());

const impact = (who: TestPerson, query = '') => api(s.url, 'GET', `/api/v1/me/impact${query}`, { headers: who.headers });

describe('GET /api/v1/me/impact', () => {
  it("answers with the caller's own shares, clicks and readers, per day, network and item", async () => {
    const { status, body } = await impact(me);
    expect(status).toBe(200);
    expect(impactSchema.parse(body)).toBeTruthy();
    expect(body.from).toBe(addDays(today, -29));
    expect(body.to).toBe(today);
    expect(body.granularity).toBe('day');
    expect(body.series).toHaveLength(30);
    // Clicks 7 minutes apart in the past hours may fall on yesterday shortly after midnight.
    expect(body.totals).toEqual({ shares: 3, clicks: 4, readers: 2 });
    expect(body.series.reduce((n: number, d: { clicks: number }) => n + d.clicks, 0)).toBe(4);
    expect(body.networks).toEqual([
      { network: 'linkedin', shares: 1, clicks: 3, readers: 2 },
      { network: 'x', shares: 2, clicks: 1, readers: 0 },
    ]);
    expect(body.topItems).toEqual([
      { itemId: itemA.id, title: 'Item A', shares: 2, clicks: 4, readers: 2 },
      { itemId: itemB.id, title: 'Item B', shares: 1, clicks: 0, readers: 0 },
    ]);
    // Nobody reported a conversion through my links (tests/integration/conversions.test.ts reports some).
    expect(body.conversions).toEqual({ total: 0, byType: { application: 0, lead: 0, signup: 0, purchase: 0, custom: 0 } });
  });

  it('counts conversions through my links by type and day, never anyone else\'s', async () => {
    const [{ id: source }] = (await s.db.query<{ id: string }>(`insert into conversion_sources (name) values ('Careers site') returning id`)) as [{ id: string }];
    const links = await s.db.query<{ code: string; person_id: string }>('select code, person_id from links where person_id in ($1, $2)', [me.id, colleague.id]);
    const mine = links.find((l) => l.person_id === me.id)!.code;
    const theirs = links.find((l) => l.person_id === colleague.id)!.code;
    const convert = (code: string, type: string, day: string, n: number) =>
      s.db.query(
        `insert into conversions (source_id, event_id, input, link_code, item_id, person_id, network, type, occurred_at, day)
         select $1, $2 || g, '[]', l.code, l.item_id, l.person_id, l.network, $3, $4::date, $4::date from links l, generate_series(1, $5::int) g where l.code = $6`,
        [source, `${code}-${type}-${day}-`, type, day, n, code],
      );
    await convert(mine, 'application', today, 2);
    await convert(mine, 'purchase', addDays(today, -40), 1); // before the default period
    await convert(theirs, 'lead', today, 5);
    expect((await impact(me)).body.conversions).toEqual({ total: 2, byType: { application: 2, lead: 0, signup: 0, purchase: 0, custom: 0 } });
    expect((await impact(me, `?from=${addDays(today, -60)}&to=${today}`)).body.conversions.total).toBe(3);
    expect((await impact(colleague)).body.conversions).toEqual({ total: 5, byType: { application: 0, lead: 5, signup: 0, purchase: 0, custom: 0 } });
    expect((await impact(admin)).body.conversions.total).toBe(0);
  });

  it("never contains anyone else's numbers, admins' included, and takes no person parameter", async () => {
    expect((await impact(colleague)).body.totals).toEqual({ shares: 1, clicks: 40, readers: 0 });
    expect((await impact(admin)).body.totals).toEqual({ shares: 1, clicks: 7, readers: 0 });
    const other = await impact(admin, `?person=${me.id}`);
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toHaveProperty('person');
  });

  it('is empty, not missing, for a period without anything', async () => {
    const { body } = await impact(me, '?from=2020-01-01&to=2020-12-31');
    expect(body.totals).toEqual({ shares: 0, clicks: 0, readers: 0 });
    expect(body.granularity).toBe('week');
    expect(body.series[0]).toMatchObject({ start: '2020-01-01', end: '2020-01-05' });
    expect(body.networks).toEqual([]);
    expect(body.topItems).toEqual([]);
  });

  it('refuses bad periods with 400 naming the field, in the caller\'s language', async () => {
    const cases: Array<[string, string]> = [
      ['?from=2026-13-01', 'from'],
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-11-02&to=2026-11-01', 'to'],
      ['?from=2025-01-01&to=2026-01-02', 'to'],
      ['?from=2026-11-01T00:00:00Z', 'from'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await impact(me, query);
      expect([query, status]).toEqual([query, 400]);
      expect(Object.keys(body.error.fields)).toEqual([field]);
    }
    const german = await api(s.url, 'GET', '/api/v1/me/impact?from=2026-11-02&to=2026-11-01', { headers: { ...me.headers, 'accept-language': 'de' } });
    expect(german.body.error.fields.to).toBe('darf nicht vor from liegen');
  });

  it('needs a signed-in caller', async () => {
    expect((await api(s.url, 'GET', '/api/v1/me/impact')).status).toBe(401);
  });
});

// Issue 13 §4: conversions reported server to server by a signed source (a careers site, a
// shop, a CRM), attributed through the tracked link's code; the sources and their secrets
// (admins only); points for the sharer; the count on My impact. The signature is computed
// here with node:crypto as the README tells senders to, not with Chorus's own code.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUp, rewind } from '../../bot/src/storage/events/event-log.js';
import { pointsProcessor } from '../../bot/src/storage/repos/points-ledger.js';
import { anAdmin, anItem, aPerson, aShare, type TestPerson } from '../support/factories.js';
import { api, READER } from '../support/http.js';
import { ManualClock } from '../support/manual-clock.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const clock = new ManualClock(Date.parse('2026-11-23T07:00:00Z'));
let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;
let sharer: TestPerson;
let item: { id: string; title: string };
let linkCode: string;
let secret: string;
let sourceId: string;

beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false', TENANT_TIME_ZONE: 'Europe/Berlin' }, { clock });
  admin = await anAdmin(s.db);
  employee = await aPerson(s.db);
  sharer = await aPerson(s.db);
  item = await anItem(s.db, { title: 'We are hiring in Leipzig' });
  ({ linkCode } = await aShare(s.db, { item, person: sharer, network: 'linkedin' }));
  const created = await api(s.url, 'POST', '/api/v1/admin/conversion-sources', { headers: admin.headers, body: { name: 'Careers site' } });
  expect(created.status).toBe(201);
  secret = created.body.secret.secret;
  sourceId = created.body.source.id;
});
afterAll(async () => s?.close());

const nowSeconds = () => Math.floor(clock.now() / 1000);
const hmac = (key: string, t: number, body: string) => createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
const signed = (body: string, keys: string[], t = nowSeconds()) => `t=${t},${keys.map((k) => `v1=${hmac(k, t, body)}`).join(',')}`;

/** POSTs `body` (an object is sent as JSON) signed with `keys` at time `t`, or with the header given. */
async function send(body: unknown, o: { keys?: string[]; t?: number; header?: string | null; lang?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const header = o.header === undefined ? signed(raw, o.keys ?? [secret], o.t) : o.header;
  const headers: Record<string, string> = { ...(header === null ? {} : { 'Chorus-Signature': header }), ...(o.lang ? { 'accept-language': o.lang } : {}) };
  return api(s.url, 'POST', '/api/v1/conversions', { raw, headers });
}

let events = 0;
const conversion = (over: Record<string, unknown> = {}) => ({ eventId: `evt-${++events}`, linkCode, type: 'application', ...over });

/** Everything a conversion request could write. */
const fingerprint = async () =>
  JSON.stringify(
    await s.db.query(
      `select (select count(*)::int from conversions) as conversions, (select count(*)::int from events where type = 'conversion.recorded') as events,
              (select count(*)::int from conversion_sources) as sources, (select count(*)::int from conversion_secrets) as secrets`,
    ),
  );

describe('POST /api/v1/conversions', () => {
  it("attributes by the code a reader's landing page got as utm_content from the tracked link", async () => {
    const redirect = await fetch(`${s.url}/l/${linkCode}`, { redirect: 'manual', headers: READER });
    expect(redirect.status).toBe(302);
    const landing = new URL(redirect.headers.get('location') as string);
    const code = landing.searchParams.get('utm_content') as string;
    expect(code).toBe(linkCode);
    const res = await send(conversion({ linkCode: code, type: 'signup' }));
    expect(res.status).toBe(201);
    const [row] = await s.db.query('select item_id, person_id, network from conversions where id = $1', [res.body.id]);
    expect(row).toEqual({ item_id: item.id, person_id: sharer.id, network: 'linkedin' });
  });

  it('records a signed conversion once, with a conversion.recorded event, and answers retries with the same result', async () => {
    const body = conversion({ eventId: 'app-4711', value: 0, currency: 'EUR', occurredAt: '2026-11-22T18:30:00+01:00' });
    const first = await send(body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      eventId: 'app-4711',
      linkCode,
      type: 'application',
      value: 0,
      currency: 'EUR',
      occurredAt: '2026-11-22T17:30:00.000Z',
      day: '2026-11-22',
    });
    // Nothing about who shared goes back to the source.
    expect(JSON.stringify(first.body)).not.toContain(sharer.id);

    const [event] = await s.db.query<{ type: string; subject: string; payload: Record<string, unknown> }>(
      `select type, subject, payload from events where type = 'conversion.recorded' and payload->>'conversionId' = $1`,
      [first.body.id],
    );
    expect(event).toEqual({
      type: 'conversion.recorded',
      subject: `item:${item.id}`,
      payload: { conversionId: first.body.id, linkCode, itemId: item.id, network: 'linkedin', personId: sharer.id, type: 'application', value: 0, currency: 'EUR', day: '2026-11-22' },
    });

    // A retry — also with its keys in another order and the time written in UTC — writes nothing.
    const before = await fingerprint();
    const again = await send(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const reordered = { occurredAt: '2026-11-22T17:30:00Z', currency: 'EUR', value: 0, type: 'application', linkCode, eventId: 'app-4711' };
    expect(await send(reordered)).toMatchObject({ status: 200, body: first.body });
    expect(await fingerprint()).toBe(before);
  });

  it('refuses the same event id with other content (409), writing nothing', async () => {
    const body = conversion({ type: 'lead' });
    expect((await send(body)).status).toBe(201);
    const before = await fingerprint();
    const reused = await send({ ...body, type: 'purchase', value: 99.5, currency: 'EUR' });
    expect(reused.status).toBe(409);
    expect(reused.body.error).toEqual({ code: 'conflict', message: 'This event id was recorded before with different content: a new conversion needs a new event id' });
    expect(await fingerprint()).toBe(before);
  });

  it('records one conversion when the same event arrives several times at once', async () => {
    const body = conversion({ type: 'signup' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const [{ n }] = (await s.db.query<{ n: number }>('select count(*)::int as n from conversions where event_id = $1', [body.eventId])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refuses a missing, malformed or wrong signature (401, saying which), writing nothing', async () => {
    const before = await fingerprint();
    const body = conversion();
    const raw = JSON.stringify(body);
    const missing = await send(body, { header: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthenticated');
    expect(missing.body.error.message).toContain('Chorus-Signature header is missing');
    for (const header of ['sha256=abc', `t=${nowSeconds()}`, `t=${nowSeconds()},v1=nothex`, `v1=${hmac(secret, nowSeconds(), raw)}`]) {
      const res = await send(body, { header });
      expect([header, res.status]).toEqual([header, 401]);
      expect(res.body.error.message).toContain('must read t=');
    }
    const wrongKey = await send(body, { keys: ['chs_not-the-secret'] });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.error.message).toContain('matches no active secret');
    // Signed, then changed on the way: the bytes are what is verified.
    const tampered = await send(raw.replace('application', 'purchase'), { header: signed(raw, [secret]) });
    expect(tampered.status).toBe(401);
    // …down to white space (a parser would have made these two bodies the same).
    expect((await send(`${raw} `, { header: signed(raw, [secret]) })).status).toBe(401);
    // The same time, in the signature and the header: another time in the header does not match.
    expect((await send(raw, { header: `t=${nowSeconds() - 1},v1=${hmac(secret, nowSeconds(), raw)}` })).status).toBe(401);
    const german = await send(body, { header: null, lang: 'de' });
    expect(german.body.error.message).toContain('Der Header Chorus-Signature fehlt');
    expect(await fingerprint()).toBe(before);
  });

  it('accepts a signature up to five minutes away from its clock and refuses older or later ones as replays (401, saying why)', async () => {
    expect((await send(conversion(), { t: nowSeconds() - 300 })).status).toBe(201);
    expect((await send(conversion(), { t: nowSeconds() + 300 })).status).toBe(201);

    const before = await fingerprint();
    const late = await send(conversion(), { t: nowSeconds() - 301 });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toBe(
      "The signature was made 301 seconds away from the server's time; at most 300 are accepted (a replayed request, or a clock that is off)",
    );
    expect((await send(conversion(), { t: nowSeconds() + 301 })).status).toBe(401);

    // A request captured and sent again six minutes later is refused, although its signature is genuine.
    const body = JSON.stringify(conversion());
    const header = signed(body, [secret]);
    await clock.advance(6 * 60_000);
    const replayed = await send(body, { header });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.message).toContain('360 seconds');
    expect(await fingerprint()).toBe(before);
  });

  it('refuses malformed and unknown link codes with 400 on linkCode, writing nothing', async () => {
    const before = await fingerprint();
    const malformed = await send(conversion({ linkCode: 'no/such-code' }));
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.error.fields)).toEqual(['linkCode']);
    const unknown = await send(conversion({ linkCode: 'Zz9Zz9Zz9Z' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ linkCode: 'no tracked link has this code' });
    const extra = await send(conversion({ email: 'reader@example.com' }));
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields).toEqual({ email: 'is not a known field' });
    const notJson = await send('{"eventId": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe('The request body is not valid JSON');
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a body over 16 KiB with 413 before reading it whole, with or without a length, writing nothing', async () => {
    const before = await fingerprint();
    const big = JSON.stringify(conversion({ type: 'custom', padding: 'x'.repeat(16 * 1024) }));
    const res = await send(big);
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'payload_too_large', message: 'The request body is larger than 16384 bytes' });

    // Chunked, without a length: refused once 16 KiB have arrived, while the sender still has megabytes to go.
    const chunked = await new Promise<{ status: number; body: string; sentWhenAnswered: number }>((resolve, reject) => {
      let sent = 0;
      const req = request(`${s.url}/api/v1/conversions`, { method: 'POST', headers: { 'content-type': 'application/json', 'chorus-signature': `t=${nowSeconds()},v1=${'0'.repeat(64)}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sentWhenAnswered: sent }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(4096);
      const pump = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large');
    expect(chunked.sentWhenAnswered).toBeLessThan(8 * 1024 * 1024);
    expect(await fingerprint()).toBe(before);
  });
});

describe('conversion sources and their secrets', () => {
  it('lets admins rotate a secret: both sign while active, a deleted one is refused at once', async () => {
    const added = await api(s.url, 'POST', `/api/v1/admin/conversion-sources/${sourceId}/secrets`, { headers: admin.headers, body: {} });
    expect(added.status).toBe(201);
    const newer = added.body.secret as string;
    expect(newer).toMatch(/^chs_[A-Za-z0-9_-]{43}$/);
    expect(newer).not.toBe(secret);

    expect((await send(conversion(), { keys: [secret] })).status).toBe(201);
    expect((await send(conversion(), { keys: [newer] })).status).toBe(201);
    // A sender that signs with both while it switches over.
    expect((await send(conversion(), { keys: [secret, newer] })).status).toBe(201);

    const list = await api(s.url, 'GET', '/api/v1/admin/conversion-sources', { headers: admin.headers });
    const [oldId] = list.body.items[0].secrets.map((k: { id: string }) => k.id);
    const removed = await api(s.url, 'DELETE', `/api/v1/admin/conversion-sources/${sourceId}/secrets/${oldId}`, { headers: admin.headers });
    expect(removed.status).toBe(204);
    const refused = await send(conversion(), { keys: [secret] });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain('matches no active secret');
    expect((await send(conversion(), { keys: [secret, newer] })).status).toBe(201);
    secret = newer;
    expect((await api(s.url, 'DELETE', `/api/v1/admin/conversion-sources/${sourceId}/secrets/${oldId}`, { headers: admin.headers })).status).toBe(404);
  });

  it('lists names, secret ids and dates — never a secret', async () => {
    const list = await api(s.url, 'GET', '/api/v1/admin/conversion-sources', { headers: admin.headers });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([{ id: sourceId, name: 'Careers site', createdAt: expect.any(String), secrets: [{ id: expect.any(String), createdAt: expect.any(String) }] }]);
    expect(JSON.stringify(list.body)).not.toContain('chs_');
  });

  it('refuses a taken name (409), an empty one (400), a sixth secret (409) and unknown sources (404), writing nothing', async () => {
    const before = await fingerprint();
    const taken = await api(s.url, 'POST', '/api/v1/admin/conversion-sources', { headers: admin.headers, body: { name: 'careers SITE' } });
    expect(taken.status).toBe(409);
    const empty = await api(s.url, 'POST', '/api/v1/admin/conversion-sources', { headers: admin.headers, body: { name: '  ' } });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields)).toEqual(['name']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await api(s.url, 'POST', `/api/v1/admin/conversion-sources/${unknown}/secrets`, { headers: admin.headers, body: {} })).status).toBe(404);
    expect((await api(s.url, 'DELETE', `/api/v1/admin/conversion-sources/${sourceId}/secrets/${unknown}`, { headers: admin.headers })).status).toBe(404);
    expect(await fingerprint()).toBe(before);

    const shop = await api(s.url, 'POST', '/api/v1/admin/conversion-sources', { headers: admin.headers, body: { name: 'Shop' } });
    for (let i = 0; i < 4; i++) expect((await api(s.url, 'POST', `/api/v1/admin/conversion-sources/${shop.body.source.id}/secrets`, { headers: admin.headers, body: {} })).status).toBe(201);
    const sixth = await api(s.url, 'POST', `/api/v1/admin/conversion-sources/${shop.body.source.id}/secrets`, { headers: admin.headers, body: {} });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.message).toBe('A source has at most 5 secrets: delete an old one first');
  });

  it('gives employees 403 on every admin route, writing nothing', async () => {
    const before = await fingerprint();
    const h = { headers: employee.headers };
    expect((await api(s.url, 'GET', '/api/v1/admin/conversion-sources', h)).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/v1/admin/conversion-sources', { ...h, body: { name: 'Mine' } })).status).toBe(403);
    expect((await api(s.url, 'POST', `/api/v1/admin/conversion-sources/${sourceId}/secrets`, { ...h, body: {} })).status).toBe(403);
    const [k] = (await s.db.query<{ id: string }>('select id from conversion_secrets where source_id = $1', [sourceId])) as [{ id: string }];
    expect((await api(s.url, 'DELETE', `/api/v1/admin/conversion-sources/${sourceId}/secrets/${k.id}`, h)).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/v1/admin/conversion-sources')).status).toBe(401);
    expect(await fingerprint()).toBe(before);
  });
});

describe('what a conversion brings the person who shared', () => {
  it('earns points by the rules, once per conversion however often the event is seen', async () => {
    const rules = { enabled: true, perShare: 10, perReader: 1, readerDailyCap: 5, perTraining: 20, perAcceptedProposal: 25, perConversion: 50 };
    expect((await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: admin.headers, body: rules })).status).toBe(200);
    const other = await aPerson(s.db);
    const { linkCode: code } = await aShare(s.db, { item, person: other, network: 'xing' });
    const recorded = await send(conversion({ linkCode: code, type: 'purchase', value: 120, currency: 'EUR' }));
    expect(recorded.status).toBe(201);
    await catchUp(s.db, pointsProcessor);
    const ledger = async () => s.db.query('select reason, points, source_key, item_id, network, link_code, day::text as day from points_ledger where person_id = $1 order by id', [other.id]);
    expect(await ledger()).toEqual([
      { reason: 'share', points: 10, source_key: expect.any(String), item_id: item.id, network: 'xing', link_code: code, day: null },
      { reason: 'conversion', points: 50, source_key: `conversion:${recorded.body.id}`, item_id: item.id, network: 'xing', link_code: code, day: '2026-11-23' },
    ]);
    await rewind(s.db, 'points');
    await catchUp(s.db, pointsProcessor);
    expect(await ledger()).toHaveLength(2);
    const mine = await api(s.url, 'GET', '/api/v1/me/points', { headers: other.headers });
    expect(mine.body.total).toBe(60);
    expect(mine.body.items.find((e: { reason: string }) => e.reason === 'conversion')).toMatchObject({ reason: 'conversion', points: 50, item: { id: item.id }, network: 'xing' });
  });

  it('shows on My impact as counts per type in the period, for the sharer only', async () => {
    const person = await aPerson(s.db);
    const { linkCode: code } = await aShare(s.db, { item, person, network: 'x' });
    for (const [type, occurredAt] of [
      ['application', '2026-11-20T10:00:00Z'],
      ['application', '2026-11-21T10:00:00Z'],
      ['lead', '2026-11-21T23:30:00Z'], // 00:30 on the 22nd in Berlin
      ['purchase', '2026-10-01T10:00:00Z'], // before the period
    ] as const) {
      expect((await send(conversion({ linkCode: code, type, occurredAt }))).status).toBe(201);
    }
    const impact = async (who: TestPerson, query = '') => (await api(s.url, 'GET', `/api/v1/me/impact${query}`, { headers: who.headers })).body;
    expect((await impact(person, '?from=2026-11-01&to=2026-11-23')).conversions).toEqual({
      total: 3,
      byType: { application: 2, lead: 1, signup: 0, purchase: 0, custom: 0 },
    });
    expect((await impact(person, '?from=2026-11-22&to=2026-11-22')).conversions.byType.lead).toBe(1);
    expect((await impact(person, '?from=2026-11-21&to=2026-11-21')).conversions).toEqual({
      total: 1,
      byType: { application: 1, lead: 0, signup: 0, purchase: 0, custom: 0 },
    });
    // Somebody who shared nothing that converted sees none of it.
    expect((await impact(employee)).conversions.total).toBe(0);
  });
});

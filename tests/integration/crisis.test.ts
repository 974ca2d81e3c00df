import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { openPostgres } from '../../bot/src/storage/db.js';
import { enqueueIn } from '../../bot/src/notifications/enqueue.js';
import { EVERYONE } from '../../bot/src/notifications/kind.js';
import { digestKind } from '../../bot/src/notifications/kinds/digest.js';
import { anAdmin, anItem, aPerson, type TestPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import { createTestDb, usingPostgres } from '../support/test-db.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Crisis "one voice" mode, first slice (issue 4): the switch, its audit log, and share
// pages that refuse with the instructions. The tab, cards and deliveries follow.
let s: TestServer;
let adminPerson: TestPerson;
let englishPerson: TestPerson;
let germanPerson: TestPerson;
const admin = () => adminPerson.headers; // German; the audit names her
const employee = () => englishPerson.headers; // English

const ON = {
  reason: 'Press reports about the recall',
  instructions: {
    de: 'Bitte **nichts** teilen. Fragen an die Pressestelle.',
    en: 'Please share **nothing** about the recall.\n\n<script>alert(1)</script> Refer questions to [press](https://www.contoso.example/press).',
  },
  statementUrl: 'https://www.contoso.example/statement',
  spokesperson: 'Press office, +49 30 1234',
  notifyEveryone: false,
};

async function shareToken(person: Record<string, string>): Promise<string> {
  const feed = await api(s.url, 'GET', '/api/v1/items?limit=1', { headers: person });
  const link = await api(s.url, 'POST', `/api/v1/items/${feed.body.items[0].id}/share-link`, { headers: person });
  return (link.body.url as string).split('/s/')[1] as string;
}

/** An admin who switches (German), two employees who read (English, German), one live item to share. */
async function crisisCast(server: TestServer) {
  const people = {
    adminPerson: await anAdmin(server.db, { displayName: 'Clara Schmidt', language: 'de' }),
    englishPerson: await aPerson(server.db, { language: 'en' }),
    germanPerson: await aPerson(server.db, { language: 'de' }),
  };
  await anItem(server.db);
  return people;
}

beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false' });
  ({ adminPerson, englishPerson, germanPerson } = await crisisCast(s));
});
afterAll(async () => {
  await s?.close();
});

describe('the crisis switch', () => {
  it('is for admins only, and refuses incomplete input without changing anything', async () => {
    expect((await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: employee(), body: ON })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: employee(), body: {} })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/v1/admin/crisis/audit', { headers: employee() })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/v1/admin/crisis', { body: ON })).status).toBe(401);

    const empty = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, instructions: { de: ' ', en: '' } } });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields)).toEqual(['instructions']);
    const noReason = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, reason: '' } });
    expect(noReason.body.error.fields).toHaveProperty('reason');
    const badUrl = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, statementUrl: 'javascript:alert(1)' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.fields).toEqual({ statementUrl: 'must start with https://' });
    const redirectNowhere = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, statementUrl: undefined, redirectLinks: true } });
    expect(redirectNowhere.status).toBe(400);
    expect(redirectNowhere.body.error.fields).toEqual({ statementUrl: 'is required when links are to lead to the statement' });

    expect((await api(s.url, 'GET', '/api/v1/admin/crisis', { headers: admin() })).body.active).toBe(false);
    expect((await api(s.url, 'GET', '/api/v1/admin/crisis/audit', { headers: admin() })).body.items).toEqual([]);
  });

  it('on: share pages refuse with the instructions (423), shares are counted and never forwarded; twice is logged once; off restores', async () => {
    const token = await shareToken(employee());
    const before = await s.db.query<{ n: number }>('select count(*)::int as n from shares');

    // A digest already planned is suppressed, not held until after the crisis.
    const digest = {
      id: await enqueueIn(s.db, digestKind, { period: '2026-11-23', coversFrom: new Date(Date.now() - 7 * 86_400_000).toISOString() }, EVERYONE, new Date(Date.now() + 3_600_000)),
    };
    const on = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: ON });
    expect(on.status).toBe(201);
    expect((await s.db.query<{ status: string }>('select status from announcements where id = $1', [digest.id]))[0]!.status).toBe('cancelled');
    expect(on.body).toMatchObject({ active: true, reason: ON.reason, statementUrl: ON.statementUrl, refusedShares: 0 });
    const again = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, reason: 'second click' } });
    expect(again.status).toBe(200);
    expect(again.body.reason).toBe(ON.reason);

    // Everyone signed in sees the notice in their language.
    const notice = await api(s.url, 'GET', '/api/v1/crisis', { headers: employee() });
    expect(notice.body).toMatchObject({ active: true, statementUrl: ON.statementUrl, spokesperson: ON.spokesperson });
    expect(notice.body.instructions).toBe(ON.instructions.en);
    expect(notice.body.instructionsHtml).toContain('<strong>nothing</strong>');
    expect(notice.body.instructionsHtml).not.toContain('<script>');
    expect((await api(s.url, 'GET', '/api/v1/crisis', { headers: germanPerson.headers })).body.instructions).toBe(ON.instructions.de);

    const page = await fetch(`${s.url}/s/${token}`);
    expect(page.status).toBe(423);
    const html = await page.text();
    expect(html).toContain('Sharing is paused');
    expect(html).toContain('<strong>nothing</strong>');
    expect(html).not.toContain('<script>alert(1)</script>'); // Markdown without raw HTML
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://www.contoso.example/statement"');
    const post = await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'linkedin', text: 'hi' } });
    expect(post.status).toBe(423);
    expect(post.body.error.code).toBe('crisis_active');
    expect(post.body).not.toHaveProperty('target');
    const after = await s.db.query<{ n: number }>('select count(*)::int as n from shares');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await api(s.url, 'GET', '/api/v1/admin/crisis', { headers: admin() })).body.refusedShares).toBe(1);
    // Forged tokens still get the plain 404, not the internal instructions.
    expect((await fetch(`${s.url}/s/AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);

    const off = await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });
    expect(off.body).toMatchObject({ active: false });
    expect((await fetch(`${s.url}/s/${token}`)).status).toBe(200);
    expect((await api(s.url, 'GET', '/api/v1/crisis', { headers: employee() })).body).toEqual({
      active: false, instructions: null, instructionsHtml: null, statementUrl: null, spokesperson: null, startedAt: null,
    });
    expect((await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} })).status).toBe(200);

    const audit = (await api(s.url, 'GET', '/api/v1/admin/crisis/audit', { headers: admin() })).body.items;
    expect(audit.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['off', 'Clara Schmidt'],
      ['on', 'Clara Schmidt'],
    ]);
    expect(audit[1].details).toMatchObject({ reason: ON.reason });
  });

  it('keeps public links working, and leads them to the official statement when the admin chose so', async () => {
    const token = await shareToken(employee());
    const shared = await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'x', text: 'hi' } });
    const link = shared.body.link as string;
    const before = await fetch(link, { redirect: 'manual' });
    expect(before.status).toBe(302);
    const destination = before.headers.get('location');

    expect((await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: ON })).status).toBe(201);
    const kept = await fetch(link, { redirect: 'manual' });
    expect([kept.status, kept.headers.get('location')]).toEqual([302, destination]);
    await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });

    expect((await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, redirectLinks: true } })).status).toBe(201);
    try {
      const redirected = await fetch(link, { redirect: 'manual' });
      expect([redirected.status, redirected.headers.get('location')]).toEqual([302, ON.statementUrl]);
    } finally {
      await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });
    }
    expect((await fetch(link, { redirect: 'manual' })).headers.get('location')).toBe(destination);
  });

  // Needs two server processes' worth of database: PGlite allows one process per data
  // directory, so this runs in CI's Postgres pass.
  it.runIf(usingPostgres())('reaches a second instance on the same Postgres within a second', async () => {
    const { db, url, drop } = await createTestDb();
    const a = await startTestServer({ WORKER: 'false' }, { db });
    const cast = await crisisCast(a);
    // Its own connection pool, as another instance would have.
    const b = await startTestServer({ WORKER: 'false' }, { db: openPostgres(url as string) });
    try {
      const feed = await api(b.url, 'GET', '/api/v1/items?limit=1', { headers: cast.englishPerson.headers });
      const link = await api(b.url, 'POST', `/api/v1/items/${feed.body.items[0].id}/share-link`, { headers: cast.englishPerson.headers });
      const token = (link.body.url as string).split('/s/')[1];
      expect((await fetch(`${b.url}/s/${token}`)).status).toBe(200);
      const switched = Date.now();
      expect((await api(a.url, 'POST', '/api/v1/admin/crisis', { headers: cast.adminPerson.headers, body: ON })).status).toBe(201);
      await eventually(async () => (await fetch(`${b.url}/s/${token}`)).status, (status) => status === 423, 1_000, 20);
      expect(Date.now() - switched).toBeLessThan(1_000);
    } finally {
      await b.close();
      await a.close();
      await drop();
    }
  });
});

import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, READER, validItem } from '../support/http.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, anItem, aPerson, aTopic, type TestPerson } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10: what a hostile caller found. Each block names the item of the issue it shows;
 * every test here failed on the code before the fix.
 */
let s: TestServer;
let adminPerson: TestPerson;
/** Shares the item everyone may see (issue 11). */
let sharer: TestPerson;
/** Signs in and shares the Leipzig item (tracked links, headers, proxies). */
let colleague: TestPerson;
beforeAll(async () => {
  s = await startTestServer();
  adminPerson = await anAdmin(s.db);
  sharer = await aPerson(s.db);
  colleague = await aPerson(s.db);
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
  await anItem(s.db); // the one everyone may see
});
afterAll(async () => s?.close());

const admin = () => adminPerson.headers;

/** A raw request, so headers and body bytes are exactly what a caller chose. */
function raw(path: string, o: { method?: string; headers?: Record<string, string>; body?: Buffer }): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(s.url + path);
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: o.method ?? 'POST', headers: { host: url.host, ...o.headers, ...(o.body ? { 'content-length': String(o.body.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const alive = async () => expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
const count = async (table: string) => (await s.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

describe('1 and 4: compressed bodies', () => {
  const NOT_GZIP = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('garbage')]);

  it('refuses bytes that claim to be gzip with 415 on every route, before authentication, and lives on', async () => {
    for (const [method, path] of [
      ['POST', '/s/AAAAAAAAAAAAAAAAAAAAAAAA'],
      ['POST', '/api/messages'],
      ['POST', '/api/v1/admin/items'],
      ['PUT', '/api/v1/admin/items/00000000-0000-4000-8000-000000000000'],
      ['GET', '/api/v1/items'],
    ] as const) {
      const res = await raw(path, { method, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', accept: 'application/json' }, body: NOT_GZIP });
      expect(res.status, `${method} ${path}`).toBe(415);
      expect(JSON.parse(res.text).error.code).toBe('unsupported_media_type');
    }
    await alive();
  });

  it('does not inflate a small gzip body into a large one: 415, nothing parsed, nothing written', async () => {
    const items = await count('items');
    const bomb = gzipSync(Buffer.from(JSON.stringify({ ...validItem(), why: 'x'.repeat(20 * 1024 * 1024) })));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await raw('/api/v1/admin/items', { headers: { ...admin(), 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text).error.message).toMatch(/uncompressed/);
    expect(await count('items')).toBe(items);
    await alive();
  });
});

describe('2: URLs the admins store', () => {
  afterEach(async () => {
    await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });
  });

  it('stores a crisis statement URL normalised, so a click during the crisis is a clean 302 (restify route and fast path)', async () => {
    const link = await trackedLink();
    const on = await api(s.url, 'POST', '/api/v1/admin/crisis', {
      headers: admin(),
      body: { reason: 'Test', instructions: { en: 'Say nothing.' }, statementUrl: 'https://example.com/oświadczenie?ä=1', redirectLinks: true },
    });
    try {
      expect(on.status).toBe(201);
      expect(on.body.statementUrl).toBe('https://example.com/o%C5%9Bwiadczenie?%C3%A4=1');
      for (let i = 0; i < 3; i++) {
        const click = await fetch(link, { redirect: 'manual', headers: READER });
        expect(click.status).toBe(302);
        expect(click.headers.get('location')).toBe('https://example.com/o%C5%9Bwiadczenie?%C3%A4=1');
      }
    } finally {
      await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });
    }
    await alive();
  });

  it('refuses a statement URL with a line break (400, nothing switched)', async () => {
    const res = await api(s.url, 'POST', '/api/v1/admin/crisis', {
      headers: admin(),
      body: { reason: 'Test', instructions: { en: 'x' }, statementUrl: 'https://example.com/a\r\nSet-Cookie: a=1', redirectLinks: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.statementUrl).toMatch(/line breaks/);
    expect((await api(s.url, 'GET', '/api/v1/admin/crisis', { headers: admin() })).body.active).toBe(false);
  });

  it('survives a statement URL stored as typed before this fix: read back normalised, never a thrown header', async () => {
    const link = await trackedLink();
    await s.db.query(
      `update crisis_state set active = true, version = version + 1, reason = 'legacy', instructions_en = 'x', statement_url = $1, redirect_links = true, started_at = now()`,
      ['https://example.com/oświadczenie'],
    );
    const click = () => fetch(link, { redirect: 'manual', headers: READER }).then((r) => ({ status: r.status, location: r.headers.get('location') }));
    try {
      // Every instance reads the switch four times a second: wait for this one to see it.
      await eventually(click, (c) => c.location === 'https://example.com/o%C5%9Bwiadczenie');
      for (let i = 0; i < 3; i++) expect(await click()).toEqual({ status: 302, location: 'https://example.com/o%C5%9Bwiadczenie' });
      await s.db.query(`update crisis_state set version = version + 1, statement_url = $1`, ['https://example.com/a\r\nX: 1']);
      // A statement the gate refuses counts as none: readers go to the item.
      const item = await eventually(click, (c) => c.location?.startsWith('https://www.contoso.example/') ?? false);
      expect(item.status).toBe(302);
    } finally {
      await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });
    }
    await alive();
  });
});

describe('5: NUL characters', () => {
  const NUL = 'a\u0000b';
  it('answers 400 with the field for text fields, queries and searches, and writes nothing', async () => {
    const items = await count('items');
    for (const [field, body] of [
      ['title', validItem({ title: NUL })],
      ['why', validItem({ why: NUL })],
      ['posts.linkedin', validItem({ posts: { linkedin: NUL } })],
      ['topics.0', validItem({ topics: [NUL] })],
      ['audience.departments.0', validItem({ audience: { departments: [NUL], locations: [] } })],
    ] as const) {
      const res = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body });
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields[field], field).toBe('must not contain a NUL character');
    }
    expect(await count('items')).toBe(items);

    const training = await api(s.url, 'POST', '/api/v1/admin/trainings', { headers: admin(), body: { title: NUL, host: NUL } });
    expect(training.status).toBe(400);
    const guideline = await api(s.url, 'POST', '/api/v1/admin/guidelines', { headers: admin(), body: { title: { de: 'T', en: 'T' }, body: { de: NUL, en: 'x' } } });
    expect(guideline.status).toBe(400);
    const crisis = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { reason: NUL, instructions: { en: 'x' } } });
    expect(crisis.status).toBe(400);
    expect(crisis.body.error.fields.reason).toBe('must not contain a NUL character');
    // Half a UTF-16 character cannot be stored either (JSON can carry one; no person types it).
    const half = await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { reason: 'ok', instructions: { en: 'broken \ud800' } } });
    expect(half.status).toBe(400);
    expect(half.body.error.fields['instructions.en']).toBe('is not valid text (it holds half a character)');

    for (const path of ['/api/v1/items?q=a%00b', '/api/v1/items?topic=a%00b', '/api/v1/admin/items?q=a%00b', '/api/v1/admin/onboarding/people?q=a%00b']) {
      const res = await api(s.url, 'GET', path, { headers: admin() });
      expect(res.status, path).toBe(400);
      expect(Object.values(res.body.error.fields)).toContain('must not contain a NUL character');
    }
    await alive();
  });
});

describe('6: cursors of the right shape but an impossible time', () => {
  it('answers 400, not a database error', async () => {
    const forged = ['2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '2026-01-01T00:00:00+99:00', '2026-02-30T00:00:00Z', '2026-01-01T25:00:00Z'];
    for (const time of forged) {
      for (const [path, shape] of [
        ['/api/v1/items', [time, '00000000-0000-4000-8000-000000000000']],
        ['/api/v1/admin/items', [time, '00000000-0000-4000-8000-000000000000']],
        ['/api/v1/admin/announcements', [time, '00000000-0000-4000-8000-000000000000']],
      ] as const) {
        for (const parts of [shape, [0, ...shape], [1, ...shape]]) {
          const cursor = Buffer.from(JSON.stringify(parts)).toString('base64url');
          const res = await api(s.url, 'GET', `${path}?cursor=${cursor}`, { headers: admin() });
          expect(res.status, `${path} ${JSON.stringify(parts)}`).toBeLessThan(500);
        }
      }
    }
    await alive();
  });
});

describe('7: bot activities that are not activities', () => {
  it('answers an empty or shapeless activity with 400 and stores nothing', async () => {
    const conversations = await count('conversations');
    for (const body of ['{}', '[]', '"x"', '{"type":1}', '{"type":"message"}', '{"type":"message","serviceUrl":"https://x.example","conversation":{}}']) {
      const res = await raw('/api/messages', { headers: { 'content-type': 'application/json' }, body: Buffer.from(body) });
      expect(res.status, body).toBe(400);
      expect(JSON.parse(res.text).error.code, body).toBe('invalid');
    }
    expect(await count('conversations')).toBe(conversations);
    await alive();
  });

  it('refuses fields of the wrong type, half characters, and invokes Chorus does not answer — before storing anything', async () => {
    const people = await count('people');
    const conversations = await count('conversations');
    const base = {
      type: 'message',
      id: 'act-hostile',
      serviceUrl: 'http://127.0.0.1:9/',
      channelId: 'msteams',
      from: { id: '29:hostile', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ff', name: 'Hostile' },
      conversation: { id: 'a:personal-hostile', conversationType: 'personal' },
      recipient: { id: '28:chorus-bot', name: 'Chorus' },
      text: 'help',
    };
    for (const [why, activity] of [
      ['locale of the wrong type', { ...base, locale: 12345 }],
      ['half a character in a name', { ...base, from: { ...base.from, name: 'Ha\ud800lf' } }],
      ['an unknown invoke', { ...base, type: 'invoke', name: 'composeExtension/query', value: {} }],
      ['an invoke name of the wrong type', { ...base, type: 'invoke', name: 12345 }],
      ['a card action that is no object', { ...base, type: 'invoke', name: 'adaptiveCard/action', value: 'x' }],
    ] as const) {
      const res = await raw('/api/messages', { headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(activity)) });
      expect(res.status, why).toBe(400);
      expect(JSON.parse(res.text).error.code, why).toBe('invalid');
    }
    expect(await count('people')).toBe(people);
    expect(await count('conversations')).toBe(conversations);
  });
});

describe('11: posting the same share page again', () => {
  it('is one share per network; a second post only updates its time', async () => {
    const item = (await api(s.url, 'GET', '/api/v1/items?limit=1', { headers: sharer.headers })).body.items[0];
    const page = await api(s.url, 'POST', `/api/v1/items/${item.id}/share-link`, { headers: sharer.headers });
    const token = page.body.url.split('/s/')[1];
    const sharesBefore = (await api(s.url, 'GET', `/api/v1/admin/items/${item.id}`, { headers: admin() })).body.stats.shares as number;
    for (let i = 0; i < 20; i++) {
      expect((await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'linkedin', text: 'Hello' } })).status).toBe(200);
    }
    await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'x', text: 'Hello' } });
    const mine = (await api(s.url, 'GET', '/api/v1/me/shares', { headers: sharer.headers })).body;
    const entry = mine.items.find((i: { itemId: string }) => i.itemId === item.id);
    expect(entry.networks.map((n: { network: string }) => n.network).sort()).toEqual(['linkedin', 'x']);
    const rows = await s.db.query<{ n: number }>('select count(*)::int as n from shares where item_id = $1 and person_id = (select id from people where dev_key = $2)', [item.id, sharer.devKey]);
    expect(rows[0]?.n).toBe(2);
    const forAdmins = (await api(s.url, 'GET', `/api/v1/admin/items/${item.id}`, { headers: admin() })).body;
    expect(forAdmins.stats.shares).toBe(sharesBefore + 2);
  });
});

describe('12: headers', () => {
  it('sends nosniff, a CSP that forbids framing, and no-store on personal JSON', async () => {
    const me = await fetch(`${s.url}/api/v1/me`, { headers: colleague.headers });
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(me.headers.get('cache-control')).toBe('no-store');
    const shares = await fetch(`${s.url}/api/v1/me/shares`, { headers: colleague.headers });
    expect(shares.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/s/AAAAAAAAAAAAAAAAAAAAAAAA', '/l/ZZZZZZZZZZ', '/s/assets/share.js']) {
      const res = await fetch(s.url + path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      // One policy, not two (two would both apply).
      expect(res.headers.get('content-security-policy'), path).not.toContain(',');
    }
    const tab = await fetch(`${s.url}/tab/`);
    expect(tab.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(tab.headers.get('content-security-policy')).toContain('teams.microsoft.com');
  });
});

describe('13: development sign-in behind any proxy', () => {
  it('refuses requests carrying any proxy header', async () => {
    for (const header of ['x-real-ip', 'cf-connecting-ip', 'via', 'true-client-ip', 'x-client-ip', 'x-forwarded-proto', 'forwarded', 'x-original-host']) {
      const res = await api(s.url, 'GET', '/api/v1/me', { headers: { ...colleague.headers, [header]: header === 'via' ? '1.1 proxy' : '203.0.113.7' } });
      expect(res.status, header).toBe(403);
    }
    expect((await api(s.url, 'GET', '/api/v1/me', { headers: colleague.headers })).status).toBe(200);
  });
});

describe('14: source maps', () => {
  it('are not served in production', async () => {
    const prod = await startTestServer({
      NODE_ENV: 'production',
      AUTH_MODE: 'entra',
      ENTRA_CLIENT_ID: '00000000-0000-4000-8000-00000000c11e',
      ENTRA_TENANT_IDS: '11111111-2222-3333-4444-555555555555',
      ENTRA_AUTHORITY_HOST: 'http://127.0.0.1:9',
      MicrosoftAppId: '00000000-0000-4000-8000-0000000000b0',
      MicrosoftAppPassword: 'not-used',
      MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
      PUBLIC_URL: 'https://chorus.example',
      WORKER: 'false',
    });
    try {
      const html = await (await fetch(`${prod.url}/tab/`)).text();
      const script = /src="\/tab\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`${prod.url}/tab/${script}`)).status).toBe(200);
      expect((await fetch(`${prod.url}/tab/${script}.map`)).status).toBe(404);
      // In development they help: served.
      expect((await fetch(`${s.url}/tab/${script}.map`)).status).toBe(200);
    } finally {
      await prod.close();
    }
  });
});

/** A tracked link of a colleague's for a live item everyone may see. */
async function trackedLink(): Promise<string> {
  const item = (await api(s.url, 'GET', '/api/v1/items?q=Leipzig&limit=1', { headers: colleague.headers })).body.items[0] ?? (await createItem());
  const page = await api(s.url, 'POST', `/api/v1/items/${item.id}/share-link`, { headers: colleague.headers });
  const token = page.body.url.split('/s/')[1];
  const posted = await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'x', text: 'hi' } });
  expect(posted.status).toBe(200);
  return posted.body.link as string;
}

async function createItem(): Promise<{ id: string }> {
  const { body } = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem() });
  await api(s.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin(), body: {} });
  await eventually(
    async () => (await api(s.url, 'GET', '/api/v1/items?q=Leipzig&limit=1', { headers: colleague.headers })).body.items.length,
    (n) => n === 1,
  );
  return body.item;
}

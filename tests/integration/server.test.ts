import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../bot/src/storage/migrate.js';
import { migrations } from '../../bot/src/storage/migrations/index.js';
import { openPostgres } from '../../bot/src/storage/db.js';
import { anAdmin, aPerson, aTopic } from '../support/factories.js';
import { createTestDb, usingPostgres } from '../support/test-db.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api, validItem, READER } from '../support/http.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.close());

describe('service basics', () => {
  it('answers health and readiness', async () => {
    expect((await api(s.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api(s.url, 'GET', '/readyz')).body).toEqual({ status: 'ready' });
  });

  it('gives every response a request id, and keeps a sane one from the caller', async () => {
    const own = await api(s.url, 'GET', '/healthz', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(own.headers.get('x-request-id')).toBe('trace-abc-123');
    const fresh = await api(s.url, 'GET', '/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps idle connections open longer than clients hold them, so a reused one is never reset mid-request', async () => {
    // Node's default (5 s) let a busy test client reuse a connection the server had just
    // closed: a POST then failed with ECONNRESET. Azure's front end keeps connections for minutes.
    const { get } = await import('node:http');
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      get(`${s.url}/healthz`, (res) => {
        res.resume();
        resolve(res.headers);
      }).on('error', reject);
    });
    expect(headers['keep-alive']).toBe('timeout=65');
  });

  it('answers unknown API routes with the error envelope', async () => {
    const res = await api(s.url, 'GET', '/api/v1/nope', { headers: (await aPerson(s.db)).headers });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No such route' } });
  });

  it('serves the tab with a frame policy that lets Teams embed it', async () => {
    const res = await fetch(`${s.url}/tab/`);
    expect([200, 503]).toContain(res.status); // 503 only when the tab was never built
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
  });
});

describe('migrations', () => {
  it('are applied once and are safe to run again', async () => {
    const again = await migrate(s.db);
    expect(again).toEqual({ applied: [], fresh: false });
    const rows = await s.db.query<{ id: string }>('select id from schema_migrations order by id');
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
  });

  it('are safe from two processes at once', async () => {
    const { db, url, drop } = await createTestDb();
    try {
      // On Postgres: two separate connection pools, as two processes would have.
      const second = usingPostgres() ? openPostgres(url as string) : db;
      const results = await Promise.all([migrate(db), migrate(second)]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, migrations.length]);
      if (second !== db) await second.close();
    } finally {
      await drop();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight when it stops, and stores a click for every redirect it answered', async () => {
    const t = await startTestServer();
    const admin = (await anAdmin(t.db)).headers;
    await aTopic(t.db, { id: 'culture' }); // validItem's topic
    const { body } = await api(t.url, 'POST', '/api/v1/admin/items', { headers: admin, body: validItem() });
    await api(t.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin, body: {} });
    const share = await api(t.url, 'POST', `/api/v1/items/${body.item.id}/share-link`, { headers: (await aPerson(t.db)).headers });
    const token = share.body.url.split('/s/')[1];
    const link = (await api(t.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'x', text: 'hi' } })).body.link;
    const code = link.split('/l/')[1];

    // Count the clicks at the moment the database closes: that is what was stored.
    const { db } = t;
    const realClose = db.close.bind(db);
    let stored = -1;
    db.close = async () => {
      if (stored === -1) stored = (await db.query<{ n: number }>('select coalesce(sum(clicks), 0)::int as n from clicks where link_code = $1', [code]))[0]?.n ?? -1;
      await realClose();
    };

    // Start closing as soon as the first of many requests arrives, so others are in flight.
    let closing: Promise<void> | undefined;
    t.app.server.server.once('request', () => {
      closing = t.close();
    });
    const outcomes = await Promise.all(
      Array.from({ length: 150 }, () =>
        fetch(link, { redirect: 'manual', headers: READER }).then(
          (r) => r.status,
          () => 'not accepted',
        ),
      ),
    );
    await closing;
    const answered = outcomes.filter((o) => o === 302).length;
    expect(answered).toBeGreaterThan(0);
    // Every request either got its redirect or was never accepted: no 500s from a closed database.
    expect(outcomes.every((o) => o === 302 || o === 'not accepted')).toBe(true);
    expect(stored).toBe(answered);
  });
});

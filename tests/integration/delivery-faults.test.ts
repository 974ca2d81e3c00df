import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../bot/src/jobs/delivery-worker.js';
import { deliveryRenderer, type Renderer } from '../../bot/src/jobs/render-delivery.js';
import type { Db } from '../../bot/src/storage/db.js';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, aTopic } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api, validItem } from '../support/http.js';
import { addReachablePeople } from '../support/reachable.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Trouble on our side of the wire: the database failing a statement mid-send, a card that
// cannot be rendered. The server sends nothing itself; each test drives its own worker.
let connector: FakeBotConnector;
let s: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  connector = await new FakeBotConnector({ globalRps: 200 }).start();
  s = await startTestServer({ WORKER: 'false' });
  admin = (await anAdmin(s.db)).headers;
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

/** The real database, except that statements matching `fails` throw while it says so. */
function flaky(db: Db, fails: (sql: string) => boolean): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return async (sql: string, params?: readonly unknown[]) => {
        if (fails(sql)) throw new Error('connection reset (injected)');
        return target.query(sql, params);
      };
    },
  });
}

function worker(db: Db, render: Renderer = deliveryRenderer(s.db, s.url)) {
  return new DeliveryWorker({
    db, log: pino({ level: 'silent' }), connector: connectorClient(async () => undefined), render,
    rps: 200, tickMs: 20, idleMs: 10, retry: { maxAttempts: 3, baseMs: 20, maxMs: 50 },
  });
}

async function announceTo(department: string): Promise<string> {
  const created = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin, body: validItem({ audience: { departments: [department], locations: [] } }) });
  await api(s.url, 'POST', `/api/v1/admin/items/${created.body.item.id}/publish`, { headers: admin, body: {} });
  return (await api(s.url, 'POST', `/api/v1/admin/items/${created.body.item.id}/announce`, { headers: admin, body: {} })).body.id;
}

const finished = (id: string) =>
  eventually(async () => (await api(s.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin })).body, (a) => a.status === 'done', 15_000);

describe('delivery when our own side fails', () => {
  it('a statement failing mid-send repeats nothing and loses nothing', async () => {
    connector.reset();
    const people = await addReachablePeople(s.db, 120, { serviceUrl: connector.url, department: 'Flaky', prefix: 'flaky' });
    const id = await announceTo('Flaky');
    let claims = 0;
    let sentUpdates = 0;
    const w = worker(
      flaky(s.db, (sql) => {
        if (sql.includes('with pick as') && ++claims === 3) return true; // a claim fails while sends are on their way
        if (sql.includes(`set status = 'sent'`) && ++sentUpdates === 10) return true; // recording one sent card fails once
        return false;
      }),
    );
    w.start();
    try {
      const done = await finished(id);
      expect(done.counts).toMatchObject({ total: 120, sent: 120, pending: 0 });
    } finally {
      await w.stop();
    }
    expect(claims).toBeGreaterThan(3);
    for (const p of people) expect(connector.deliveredTo(p.conversationId)).toHaveLength(1);
  });

  it('gives up on a card that cannot be rendered after the bounded tries, and finishes the rest', async () => {
    connector.reset();
    const people = await addReachablePeople(s.db, 5, { serviceUrl: connector.url, department: 'Broken', prefix: 'broken' });
    const id = await announceTo('Broken');
    const real = deliveryRenderer(s.db, s.url);
    const w = worker(s.db, async (d) => {
      if (d.personId === people[0]!.id) throw new Error('cannot render (injected)');
      return real(d);
    });
    w.start();
    try {
      const done = await finished(id);
      expect(done.counts).toMatchObject({ total: 5, sent: 4, failed: 1 });
      expect(done.reasons).toEqual({ 'rendering failed after 3 tries': 1 });
    } finally {
      await w.stop();
    }
    expect(connector.deliveredTo(people[0]!.conversationId)).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api } from '../support/http.js';
import { anAdmin, anItem, aPerson, type TestPerson } from '../support/factories.js';

/**
 * Issue 13 §3: editors see how often an item was declined ("Not for me") and why — the
 * reasons only once five or more declined, so that no reason is one colleague's — and items
 * that many of the people they reached decline are flagged.
 */
let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;

beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false' });
  admin = await anAdmin(s.db);
  employee = await aPerson(s.db);
});
afterAll(async () => s?.close());

/** `n` colleagues decline the item with these reasons (null: none given), as the card's action stores it. */
async function decline(itemId: string, reasons: Array<string | null>) {
  for (const reason of reasons) {
    const p = await aPerson(s.db);
    await s.db.query(`insert into feedback (item_id, person_id, kind, reason) values ($1, $2, 'not_for_me', $3)`, [itemId, p.id, reason]);
  }
}

/** The item's card reached `n` people (sent deliveries of its announcement). */
async function reached(itemId: string, n: number) {
  const [a] = await s.db.query<{ id: string }>(
    `insert into announcements (kind, payload, status, send_at, created_by) values ('item', jsonb_build_object('itemId', $1::text), 'done', now(), $2) returning id`,
    [itemId, admin.id],
  );
  for (let i = 0; i < n; i++) {
    const p = await aPerson(s.db);
    await s.db.query(`insert into conversations (id, kind, tenant_id, service_url, person_id, reference, status) values ($1, 'personal', 't', 'http://127.0.0.1:9', $2, '{}', 'active')`, [`c-${itemId}-${i}`, p.id]);
    await s.db.query(
      `insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, status, sent_at) values ($1, $2, $3, 't', 'sent', now())`,
      [a!.id, p.id, `c-${itemId}-${i}`],
    );
  }
}

const declinedOf = async (itemId: string) => {
  const res = await api(s.url, 'GET', `/api/v1/admin/items/${itemId}`, { headers: admin.headers });
  expect(res.status).toBe(200);
  return res.body.stats.declined;
};

describe('"Not for me" for editors', () => {
  it('counts declines, and shows reasons only from five on', async () => {
    const item = await anItem(s.db);
    expect(await declinedOf(item.id)).toEqual({ total: 0, reasons: null, flagged: false });
    await decline(item.id, ['not_relevant', 'dont_like']);
    expect(await declinedOf(item.id)).toEqual({ total: 2, reasons: null, flagged: false });
    await decline(item.id, ['not_relevant', null, 'not_my_network']);
    expect(await declinedOf(item.id)).toEqual({ total: 5, reasons: { not_relevant: 2, not_my_network: 1, dont_like: 1, none: 1 }, flagged: true });
  });

  it('flags an item only when the decliners are a fifth or more of the people it reached', async () => {
    const item = await anItem(s.db);
    await reached(item.id, 30);
    await decline(item.id, Array(5).fill('not_relevant'));
    expect((await declinedOf(item.id)).flagged).toBe(false);
    await decline(item.id, ['dont_like']);
    expect(await declinedOf(item.id)).toMatchObject({ total: 6, flagged: true });
  });

  it('never names who declined, and is for editors only', async () => {
    const item = await anItem(s.db);
    await decline(item.id, Array(5).fill('dont_like'));
    const list = await api(s.url, 'GET', '/api/v1/admin/items', { headers: admin.headers });
    const text = JSON.stringify(list.body);
    const people = await s.db.query<{ id: string; display_name: string }>('select p.id, p.display_name from feedback f join people p on p.id = f.person_id where f.item_id = $1', [item.id]);
    for (const p of people) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.display_name);
    }
    expect((await api(s.url, 'GET', `/api/v1/admin/items/${item.id}`, { headers: employee.headers })).status).toBe(403);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderForTest } from '../../bot/src/cards/render-for-test.js';
import { appInstallsRepo } from '../../bot/src/storage/repos/app-installs.js';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, anItem, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { FakeGraph } from '../support/fake-graph.js';
import { api } from '../support/http.js';
import { addReachablePeople } from '../support/reachable.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 14 §3: with PROACTIVE_INSTALL on, an item announced to a department also reaches the
// people of it who never opened Chorus: Chorus installs the app for them through Graph (the
// fake on loopback, enforcing Graph's 30 requests/s on these endpoints), reads their chat,
// stores it, then delivers — each failure visible in the announcement's progress.

const TENANT = '14141414-0000-4000-8000-000000000014';
const OTHER_TENANT = '14141414-0000-4000-8000-0000000000ff';

let graph: FakeGraph;
let connector: FakeBotConnector;
let s: TestServer;
let admin: TestPerson;
let groups = 0;

beforeAll(async () => {
  graph = await new FakeGraph().start();
  connector = await new FakeBotConnector({ globalRps: 50 }).start();
  s = await startTestServer(
    { ...graph.serverEnv(TENANT), WORKER: 'true', PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: 'chorus-catalog-id', TEAMS_RATE_LIMIT_RPS: '50' },
    {
      worker: { connector: connectorClient(async () => undefined), tickMs: 50, idleMs: 20 },
      installs: { tickMs: 50, idleMs: 20, retry: { maxAttempts: 3, baseMs: 20, maxMs: 100 } },
    },
  );
  admin = await anAdmin(s.db);
  // Someone in the tenant has used Chorus (the admin who rolled it out): Teams told the bot where its chats live.
  await addReachablePeople(s.db, 1, { serviceUrl: connector.url, tenantId: TENANT, department: 'rollout', prefix: 'rollout' });
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
  await graph?.stop();
});
beforeEach(() => {
  connector.reset();
  graph.requests.length = 0;
  graph.installRequests.length = 0;
  graph.installThrottled = 0;
});

/** A department of its own per test, so earlier tests' people get no later cards. */
const newDepartment = () => `dept-${++groups}`;
let people = 0;
const nextAad = () => `aaaaaaaa-1414-4000-8000-${String(++people).padStart(12, '0')}`;

/** People in the directory and in Chorus (as the directory sync stores them) who never opened Chorus. */
type Newcomer = { id: string; aadObjectId: string };
async function newcomers(department: string, count: number, o: { tenantId?: string; inGraph?: boolean } = {}): Promise<Newcomer[]> {
  const added: Newcomer[] = [];
  for (let i = 1; i <= count; i++) {
    const aad = nextAad();
    if (o.inGraph !== false) graph.put({ id: aad, displayName: `${department} newcomer ${i}`, department });
    const [row] = await s.db.query<{ id: string }>(
      `insert into people (display_name, aad_object_id, tenant_id, department) values ($1, $2, $3, $4) returning id`,
      [`${department} newcomer ${i}`, aad, o.tenantId ?? TENANT, department],
    );
    added.push({ id: row!.id, aadObjectId: aad });
  }
  return added;
}

const titles = new Map<string, string>();
async function announceItem(department: string): Promise<string> {
  const item = await anItem(s.db, { audience: { departments: [department], locations: [] } });
  const res = await api(s.url, 'POST', `/api/v1/admin/items/${item.id}/announce`, { headers: admin.headers, body: {} });
  expect(res.status).toBe(201);
  titles.set(res.body.id as string, item.title);
  return res.body.id as string;
}
const announcement = async (id: string) => (await api(s.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin.headers })).body;
const settled = (id: string) => eventually(() => announcement(id), (a) => a.status === 'done', 30_000);
const chatOf = async (personId: string) =>
  (await s.db.query<{ id: string }>(`select id from conversations where person_id = $1 and kind = 'personal' and status = 'active'`, [personId]))[0]?.id;
const welcomesUnsent = async () =>
  (await s.db.query<{ n: number }>(`select count(*)::int as n from announcements where kind = 'welcome' and status <> 'done'`))[0]!.n;
const shown = (r: { activity: { attachments?: unknown } }) => renderForTest((r.activity.attachments as Array<{ content: never }>)[0]!.content).text;

describe('proactive installs (PROACTIVE_INSTALL)', () => {
  it('installs Chorus for the audience who never opened it, stores their chat, delivers, and greets them once', async () => {
    const dept = newDepartment();
    const known = await addReachablePeople(s.db, 3, { serviceUrl: connector.url, tenantId: TENANT, department: dept, prefix: `known${groups}` });
    const fresh = await newcomers(dept, 40);
    // Installed already (by an earlier try, or by hand): Graph answers 409 and Chorus reads the chat.
    const [already] = await newcomers(dept, 1);
    graph.installations.set(already!.aadObjectId, new Map([['chorus-catalog-id', { id: 'inst-already', chatId: '19:already@unq.gbl.spaces' }]]));
    // Not counted: another tenant's newcomer, and someone who left.
    const [elsewhere] = await newcomers(dept, 1, { tenantId: OTHER_TENANT });
    const [leaver] = await newcomers(dept, 1);
    await s.db.query('update people set left_at = now() where id = $1', [leaver!.id]);

    const id = await announceItem(dept);
    const done = await settled(id);

    expect(done.counts).toEqual({ total: 44, pending: 0, installing: 0, sent: 44, failed: 0, skipped: 0 });
    // Three requests per person (install, find the installation, read the chat). Graph judges its
    // 30/s on arrival, and a busy test process can bunch requests: a person whose request got a
    // 429 starts again after Retry-After (install answers 409 then): three more at most.
    expect(graph.installRequests.length).toBeGreaterThanOrEqual(41 * 3);
    expect(graph.installRequests.length).toBeLessThanOrEqual(41 * 3 + 3 * graph.installThrottled);
    // Each greeted once, by a card of its own that says taking part is voluntary and how to stop.
    await eventually(welcomesUnsent, (n) => n === 0, 30_000);
    for (const p of [...fresh, already!]) {
      const chat = await chatOf(p.id);
      expect(chat).toBe(graph.installations.get(p.aadObjectId)?.get('chorus-catalog-id')?.chatId);
      const texts = connector.deliveredTo(chat!).map(shown);
      expect(texts).toHaveLength(2);
      // The welcome first: someone who never chose Chorus reads that it is voluntary before any content.
      expect(texts[0]).toContain('Taking part is voluntary');
      expect(texts[0]).toContain('Type “stop” at any time');
      expect(texts[1]).not.toContain('Taking part is voluntary');
    }
    for (const p of known) expect(connector.deliveredTo(p.conversationId)).toHaveLength(1);
    expect(await chatOf(elsewhere!.id)).toBeUndefined();
    expect(await chatOf(leaver!.id)).toBeUndefined();

    // Idempotent: the next announcement to them needs no install.
    graph.installRequests.length = 0;
    const again = await settled(await announceItem(dept));
    expect(again.counts).toMatchObject({ total: 44, sent: 44 });
    expect(graph.installRequests).toHaveLength(0);
  });

  it('shows each failed install in the progress with its reason, and sends to everyone else', async () => {
    const dept = newDepartment();
    const [ok, blocked, unknown] = [...(await newcomers(dept, 2)), ...(await newcomers(dept, 1, { inGraph: false }))];
    graph.forbidden.add(blocked!.aadObjectId);

    const done = await settled(await announceItem(dept));

    expect(done.counts).toMatchObject({ total: 3, sent: 1, failed: 2, pending: 0 });
    expect(done.reasons).toEqual({ install_forbidden: 1, install_not_found: 1 });
    expect(connector.deliveredTo((await chatOf(ok!.id))!)).not.toHaveLength(0);
    expect(await chatOf(unknown!.id)).toBeUndefined();
    const [install] = await s.db.query<{ status: string; reason: string }>('select status, reason from app_installs where person_id = $1', [blocked!.id]);
    expect(install).toEqual({ status: 'failed', reason: 'install_forbidden' });
  });

  it('never installs for someone who blocked or removed Chorus, and never uses a chat Chorus knows as someone else\'s', async () => {
    const dept = newDepartment();
    const [blocked, removed, collides] = await newcomers(dept, 3);
    await s.db.query(
      `insert into conversations (id, kind, tenant_id, service_url, person_id, reference, status)
       values ($1, 'personal', $3, $4, $5, '{}', 'blocked'), ($2, 'personal', $3, $4, $6, '{}', 'gone')`,
      [`a:blocked-${blocked!.id}`, `a:removed-${removed!.id}`, TENANT, connector.url, blocked!.id, removed!.id],
    );
    // Graph names, for the third, a chat Chorus knows as a colleague's.
    const [colleague] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, tenantId: TENANT, department: 'elsewhere', prefix: `coll${groups}` });
    await s.db.query(`update conversations set id = '19:colleague-chat@unq.gbl.spaces' where id = $1`, [colleague!.conversationId]);
    graph.installations.set(collides!.aadObjectId, new Map([['chorus-catalog-id', { id: 'inst-collides', chatId: '19:colleague-chat@unq.gbl.spaces' }]]));

    const done = await settled(await announceItem(dept));

    expect(done.counts).toMatchObject({ total: 1, failed: 1, sent: 0 });
    expect(done.reasons).toEqual({ install_bad_answer: 1 });
    expect(graph.requests.filter((r) => r.includes(blocked!.aadObjectId) || r.includes(removed!.aadObjectId))).toEqual([]);
    expect(connector.deliveredTo('19:colleague-chat@unq.gbl.spaces')).toHaveLength(0);
    const [chat] = await s.db.query<{ status: string; person_id: string }>(`select status, person_id from conversations where id = '19:colleague-chat@unq.gbl.spaces'`);
    expect(chat).toEqual({ status: 'active', person_id: colleague!.id });
  });

  it('waits out throttling and short outages, and gives up with a reason when Graph stays down', async () => {
    const dept = newDepartment();
    const [patient] = await newcomers(dept, 1);
    graph.fail(429, 1, '1');
    graph.fail(503, 1);
    const done = await settled(await announceItem(dept));
    expect(done.counts).toMatchObject({ total: 1, sent: 1 });
    expect(await chatOf(patient!.id)).toBeDefined();

    const dept2 = newDepartment();
    await newcomers(dept2, 1);
    graph.fail(500, 3); // as many as the retry policy tries
    const failed = await settled(await announceItem(dept2));
    expect(failed.counts).toMatchObject({ total: 1, failed: 1 });
    expect(failed.reasons).toEqual({ install_unavailable: 1 });
  });

  it('shows who is being installed while it runs, and a cancel stops their delivery', async () => {
    const dept = newDepartment();
    await newcomers(dept, 3);
    const release = graph.hold();
    let id = '';
    try {
      id = await announceItem(dept);
      const waiting = await eventually(() => announcement(id), (a) => a.status === 'sending' && a.counts.installing === 3);
      expect(waiting.counts).toMatchObject({ total: 3, pending: 3, installing: 3 });
      expect((await api(s.url, 'POST', `/api/v1/admin/announcements/${id}/cancel`, { headers: admin.headers, body: {} })).status).toBe(200);
    } finally {
      release();
    }
    const cancelled = await announcement(id);
    expect(cancelled.counts).toMatchObject({ total: 3, skipped: 3, installing: 0 });
    await s.app.installs?.idle();
    // Installs under way may finish (the chat is kept for next time); no item card goes out.
    const sent = connector.received.filter((r) => shown(r).includes(titles.get(id)!));
    expect(sent).toHaveLength(0);
  });

  // Last: it stops the install worker.
  it('sets aside installs nobody waits for, arms them afresh when needed, and fails them when PROACTIVE_INSTALL is off at the next start', async () => {
    await s.app.installs?.stop();
    const dept = newDepartment();
    const people = await newcomers(dept, 2);
    const first = await announceItem(dept);
    await eventually(() => announcement(first), (a) => a.status === 'sending' && a.counts.installing === 2);
    await s.db.query(`update app_installs set attempts = 5 where person_id = any($1::uuid[])`, [people.map((p) => p.id)]);
    expect((await api(s.url, 'POST', `/api/v1/admin/announcements/${first}/cancel`, { headers: admin.headers, body: {} })).status).toBe(200);
    const installs = appInstallsRepo(s.db);
    // (Earlier tests' cancelled installs may be set aside by the same call.)
    expect(await installs.rest(TENANT)).toBeGreaterThanOrEqual(2);
    const rested = await s.db.query<{ status: string }>(`select status from app_installs where person_id = any($1::uuid[])`, [people.map((p) => p.id)]);
    expect(rested).toEqual([{ status: 'idle' }, { status: 'idle' }]);
    expect(await installs.hasWork(TENANT)).toBe(false);

    const id = await announceItem(dept);
    await eventually(() => announcement(id), (a) => a.status === 'sending' && a.counts.installing === 2);
    const armed = await s.db.query<{ status: string; attempts: number }>(`select status, attempts from app_installs where person_id = any($1::uuid[])`, [people.map((p) => p.id)]);
    expect(armed).toEqual([{ status: 'pending', attempts: 0 }, { status: 'pending', attempts: 0 }]);
    // What a process started without PROACTIVE_INSTALL does first (app.ts): nobody would install them.
    expect(await appInstallsRepo(s.db).failAll('install_off', null)).toBe(2);
    const done = await settled(id);
    expect(done.counts).toMatchObject({ total: 2, failed: 2, installing: 0 });
    expect(done.reasons).toEqual({ install_off: 2 });
  });
});

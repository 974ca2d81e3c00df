import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directorySync } from '../../bot/src/services/directory/directory-sync.js';
import { cachedToken, clientSecretToken, graphClient } from '../../bot/src/services/graph/graph.js';
import { reachable } from '../../bot/src/notifications/recipients.js';
import { wants } from '../../bot/src/notifications/wants.js';
import type { Db } from '../../bot/src/storage/db.js';
import { FakeGraph, type GraphUser } from '../support/fake-graph.js';
import { createTestDb } from '../support/test-db.js';
import { migrate } from '../../bot/src/storage/migrate.js';
import { startTestServer } from '../support/test-server.js';
import { anAdmin, aPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import { eventually } from '../support/eventually.js';

/**
 * Issue 14 §1: directory sync from a fake Microsoft Graph on loopback that follows the
 * documented protocol (pages with @odata.nextLink, @odata.deltaLink, $select, @removed, 410
 * Gone, 429 with Retry-After), against the real database. Waiting is recorded, not slept.
 */
const TENANT = '11111111-2222-3333-4444-555555555555';
let graph: FakeGraph;
let db: Db;
let drop: () => Promise<void>;
let waits: number[];
let now: Date;

const oid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const user = (n: number, fields: Partial<GraphUser> = {}): GraphUser => ({
  id: oid(n),
  displayName: `Person ${n}`,
  mail: `person${n}@contoso.example`,
  department: n % 2 === 0 ? 'Sales' : 'Engineering',
  officeLocation: 'Berlin',
  preferredLanguage: n % 3 === 0 ? 'de-DE' : 'en-US',
  employeeHireDate: '2020-01-15T00:00:00Z',
  accountEnabled: true,
  ...fields,
});

function sync(o: { groupId?: string; patienceMs?: number } = {}) {
  const client = graphClient({
    baseUrl: graph.graphUrl,
    token: cachedToken(clientSecretToken({ authorityHost: graph.url, tenantId: TENANT, clientId: 'app-id', secret: 'app-secret' }), () => now.getTime()),
    sleep: async (ms) => {
      waits.push(ms);
      now = new Date(now.getTime() + ms);
    },
    ...(o.patienceMs !== undefined ? { patienceMs: o.patienceMs } : {}),
  });
  return directorySync({ db, graph: client, log: pino({ level: 'silent' }), now: () => now, tenantId: TENANT, ...(o.groupId ? { groupId: o.groupId } : {}) });
}

const person = async (n: number) =>
  (
    await db.query<{ display_name: string; department: string | null; location: string | null; language: string; joined_at: Date | null; left_at: Date | null }>(
      'select display_name, department, location, language, joined_at, left_at from people where aad_object_id = $1',
      [oid(n)],
    )
  )[0];

beforeAll(async () => {
  graph = await new FakeGraph().start();
  ({ db, drop } = await createTestDb());
  await migrate(db);
});

afterAll(async () => {
  await graph?.stop();
  await drop?.();
});

beforeEach(() => {
  waits = [];
  now = new Date('2026-12-07T10:00:00Z');
});

describe('a full sync, then delta rounds', () => {
  it('creates everyone from pages of 999, matches people Chorus knew from Teams by object id, and stores the delta link', async () => {
    for (let n = 1; n <= 2500; n++) graph.put(user(n));
    // Known from Teams before: no department, location or join date.
    await db.query(`insert into people (aad_object_id, tenant_id, display_name, language) values ($1, $2, 'Person 7 (Teams)', 'en')`, [oid(7), TENANT]);

    const result = await sync().round();
    expect(result).toMatchObject({ status: 'ok', full: true, counts: { pages: 3, seen: 2500, created: 2499, skipped: 0, left: 0 } });
    expect(graph.requests[0]).toContain('/v1.0/users/delta?$select=id,displayName,mail,department,officeLocation,preferredLanguage,employeeHireDate,accountEnabled');
    expect(graph.tokenRequests).toBe(1); // one token for all pages
    expect(await person(7)).toMatchObject({ display_name: 'Person 7', department: 'Engineering', location: 'Berlin', left_at: null });
    expect(await person(6)).toMatchObject({ language: 'de', department: 'Sales' });
    expect((await person(6))!.joined_at?.toISOString()).toBe('2020-01-15T00:00:00.000Z');
    const [state] = await db.query<{ delta_link: string; last_status: string }>('select delta_link, last_status from directory_sync');
    expect(state).toMatchObject({ last_status: 'ok' });
    expect(state!.delta_link).toContain('$deltatoken=');
  });

  it('reads only what changed: a new department, a new hire, a removed and a disabled person (marked as left, out of every audience)', async () => {
    graph.put({ id: oid(10), department: 'Marketing' });
    graph.put(user(2501, { employeeHireDate: '2026-12-01T00:00:00Z' }));
    graph.remove(oid(11));
    graph.put({ id: oid(12), accountEnabled: false });
    // Person 11 and 12 can be reached before they leave.
    for (const n of [11, 12, 13]) {
      await db.query(
        `insert into conversations (id, kind, tenant_id, person_id, service_url, status, reference)
         select $1, 'personal', $2, id, 'http://127.0.0.1:1/', 'active', '{}'::jsonb from people where aad_object_id = $3`,
        [`a:personal-${n}`, TENANT, oid(n)],
      );
    }
    const requestsBefore = graph.requests.length;
    const result = await sync().round();
    expect(result).toMatchObject({ status: 'ok', full: false, counts: { pages: 1, seen: 4, created: 1, updated: 1, left: 2 } });
    expect(graph.requests[requestsBefore]).toContain('$deltatoken=');
    expect(await person(10)).toMatchObject({ department: 'Marketing', display_name: 'Person 10' });
    expect((await person(2501))!.joined_at?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect((await person(11))!.left_at).not.toBeNull();
    expect((await person(12))!.left_at).not.toBeNull();
    // Their data stays; they get no more cards.
    const recipients = await db.query<{ person_id: string }>(`${reachable({ where: 'true' }, wants('always'))}`);
    const reached = new Set(recipients.map((r) => r.person_id));
    const idOf = async (n: number) => (await db.query<{ id: string }>('select id from people where aad_object_id = $1', [oid(n)]))[0]!.id;
    expect(reached.has(await idOf(13))).toBe(true);
    expect(reached.has(await idOf(11))).toBe(false);
    expect(reached.has(await idOf(12))).toBe(false);
  });

  it('starts a full sync when the delta link expired (410 Gone), and marks people it no longer sees as left', async () => {
    graph.expireDeltaLinks();
    // Gone while the delta link was expired: only a full sync can notice.
    graph.users.delete(oid(20));
    const result = await sync().round();
    expect(result).toMatchObject({ status: 'ok', full: true });
    expect(result.status === 'ok' && result.counts.left).toBe(1);
    expect((await person(20))!.left_at).not.toBeNull();
    expect((await person(21))!.left_at).toBeNull();
  });

  it('brings back a person who is enabled again', async () => {
    graph.put({ id: oid(12), accountEnabled: true });
    expect(await sync().round()).toMatchObject({ status: 'ok', full: false });
    expect((await person(12))!.left_at).toBeNull();
  });
});

describe('a Graph that misbehaves', () => {
  it('waits for Retry-After on 429 and 503, then goes on', async () => {
    graph.put({ id: oid(30), department: 'Legal' });
    graph.fail(429, 2, '7');
    graph.fail(503, 1, '30');
    expect(await sync().round()).toMatchObject({ status: 'ok' });
    expect(waits).toEqual([7000, 7000, 30000]);
    expect((await person(30))!.department).toBe('Legal');
  });

  it('gives up a round after 5xx for longer than its patience: status error for the admin, the delta link kept, nothing half-written', async () => {
    const [before] = await db.query<{ delta_link: string }>('select delta_link from directory_sync');
    graph.put({ id: oid(31), department: 'Finance' });
    graph.fail(500, 50);
    const result = await sync({ patienceMs: 10 * 60_000 }).round();
    expect(result).toMatchObject({ status: 'error' });
    expect(result.status === 'error' && result.error).toContain('500');
    const [after] = await db.query<{ delta_link: string; last_status: string; last_error: string; running_since: Date | null }>(
      'select delta_link, last_status, last_error, running_since from directory_sync',
    );
    expect(after).toMatchObject({ delta_link: before!.delta_link, last_status: 'error', running_since: null });
    expect((await person(31))!.department).toBe('Engineering');
    // Graph is back: the next round picks the change up from the kept delta link.
    graph['faults'].length = 0;
    expect(await sync().round()).toMatchObject({ status: 'ok', full: false });
    expect((await person(31))!.department).toBe('Finance');
  });

  it('refuses a garbage page and a next link to another host, and says why', async () => {
    graph.fail(200, 1, undefined, '<html>not json</html>');
    expect(await sync().round()).toMatchObject({ status: 'error', error: 'Graph answered a page that is not JSON' });
    graph.fail(200, 1, undefined, JSON.stringify({ users: [] }));
    expect(await sync().round()).toMatchObject({ status: 'error', error: 'Graph answered a page without a "value" list' });

    graph.expireDeltaLinks();
    graph.pageSize = 1000;
    graph.linkOrigin = 'http://evil.example';
    try {
      const result = await sync().round();
      expect(result).toMatchObject({ status: 'error' });
      expect(result.status === 'error' && result.error).toBe('a link to another host (evil.example) was refused');
      expect(graph.requests.some((r) => r.includes('evil'))).toBe(false);
    } finally {
      graph.linkOrigin = null;
      graph.pageSize = 999;
    }
    // The full sync that follows works again.
    expect(await sync().round()).toMatchObject({ status: 'ok', full: true });
  });

  it('keeps a department of 500 characters with control characters as clean text of 100, and skips entries without an id', async () => {
    graph.put({ id: oid(40), department: `Sales\u0000\u0007 and\n\tmore ${'x'.repeat(500)}`, officeLocation: '\u202eHamburg' });
    graph.put({ id: 'not-a-user', displayName: 'Broken' });
    graph.put({ id: oid(41), displayName: 'Fine' });
    const result = await sync().round();
    graph.users.delete('not-a-user');
    expect(result).toMatchObject({ status: 'ok' });
    expect(result.status === 'ok' && result.counts.skipped).toBe(1);
    const p = await person(40);
    expect(p!.department).toBe(`Sales and more ${'x'.repeat(85)}`);
    expect(p!.location).toBe('Hamburg');
    expect((await person(41))!.display_name).toBe('Fine');
  });
});

describe('one round at a time', () => {
  it('a second round while one runs is told so and reads nothing', async () => {
    const run = await sync().start(); // the first round has its lease
    expect(run).toBeDefined();
    const requests = graph.requests.length;
    expect(await sync().round()).toEqual({ status: 'busy' });
    expect(graph.requests.length).toBe(requests);
    expect(await run!()).toMatchObject({ status: 'ok' });
    // The lease was given back: the next round runs.
    expect(await sync().round()).toMatchObject({ status: 'ok' });
  });
});

describe('a group instead of the whole directory', () => {
  it("reads the group's members in full every round and marks those who left the group as left", async () => {
    graph.groups.set('g-1', new Set([oid(1), oid(2), oid(3)]));
    expect(await sync({ groupId: 'g-1' }).round()).toMatchObject({ status: 'ok', full: true });
    expect(graph.requests.at(-1)).toContain('/v1.0/groups/g-1/transitiveMembers/microsoft.graph.user?$select=');
    // Everyone else the whole-directory rounds saw is no longer in scope.
    expect((await person(1))!.left_at).toBeNull();
    expect((await person(4))!.left_at).not.toBeNull();
    graph.groups.get('g-1')!.delete(oid(3));
    expect(await sync({ groupId: 'g-1' }).round()).toMatchObject({ status: 'ok', counts: { left: 1 } });
    expect((await person(3))!.left_at).not.toBeNull();
  });
});

describe('the Directory admin page', () => {
  it('shows the last round and counts to admins, starts a round with "Sync now", and refuses employees and a second start', async () => {
    const s = await startTestServer(graph.serverEnv(TENANT));
    try {
      const admin = await anAdmin(s.db);
      const employee = await aPerson(s.db);
      for (let n = 1; n <= 12; n++) graph.put(user(n));
      expect((await api(s.url, 'GET', '/api/v1/admin/directory', { headers: employee.headers })).status).toBe(403);
      expect((await api(s.url, 'POST', '/api/v1/admin/directory/sync', { headers: employee.headers })).status).toBe(403);
      const before = await api(s.url, 'GET', '/api/v1/admin/directory', { headers: admin.headers });
      expect(before.body).toMatchObject({ configured: true, everyMinutes: 0, groupId: null, running: false, lastStatus: null });

      // The round waits for Graph until the test lets it go: "Sync now" twice meanwhile.
      const release = graph.hold();
      try {
        const started = await api(s.url, 'POST', '/api/v1/admin/directory/sync', { headers: admin.headers });
        expect(started).toMatchObject({ status: 202, body: { started: true } });
        const again = await api(s.url, 'POST', '/api/v1/admin/directory/sync', { headers: admin.headers });
        expect(again.status).toBe(409);
      } finally {
        release();
      }
      const done = await eventually(
        async () => (await api(s.url, 'GET', '/api/v1/admin/directory', { headers: admin.headers })).body,
        (b) => b.lastStatus !== null && !b.running,
      );
      expect(done).toMatchObject({ lastStatus: 'ok', lastError: null, lastCounts: { created: expect.any(Number) }, people: { fromDirectory: expect.any(Number) } });
      expect(done.people.fromDirectory).toBeGreaterThanOrEqual(12);
    } finally {
      await s.close();
    }
  });

  it('ends a round that waits for a throttled Graph when Chorus stops, instead of holding the shutdown', async () => {
    const s = await startTestServer(graph.serverEnv(TENANT));
    const admin = await anAdmin(s.db);
    graph.fail(429, 1, '600'); // ten minutes
    expect((await api(s.url, 'POST', '/api/v1/admin/directory/sync', { headers: admin.headers })).status).toBe(202);
    await eventually(
      async () => (await api(s.url, 'GET', '/api/v1/admin/directory', { headers: admin.headers })).body.running,
      (running) => running === true,
    );
    // Resolves without waiting out the ten minutes (the test's own timeout would fail it).
    await s.close();
  });

  it('says when the sync is not set up', async () => {
    const s = await startTestServer({ WORKER: 'false' });
    try {
      const admin = await anAdmin(s.db);
      expect((await api(s.url, 'GET', '/api/v1/admin/directory', { headers: admin.headers })).body).toMatchObject({ configured: false, everyMinutes: null });
      const res = await api(s.url, 'POST', '/api/v1/admin/directory/sync', { headers: admin.headers });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('MicrosoftAppId');
    } finally {
      await s.close();
    }
  });
});

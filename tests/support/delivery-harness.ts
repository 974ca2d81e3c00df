import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { connectorClient, type ConnectorClient } from '../../bot/src/teams/connector-client.js';
import { eventually } from './eventually.js';
import { anAdmin, aTopic, type TestPerson } from './factories.js';
import { FakeBotConnector } from './fake-bot-connector.js';
import { api, validItem } from './http.js';
import { addReachablePeople, type ReachablePerson } from './reachable.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Announcements end to end for one test file: the real server and worker, real SQL, the
 * fake Bot Connector enforcing Teams' limits (50/s). Every test reaches its own department,
 * so earlier tests' people never get later cards. Call at the top of the file.
 */
export function deliveryHarness() {
  let connector!: FakeBotConnector;
  let s!: TestServer;
  /** When the worker handed each request to the network (the fake's clock). */
  const dispatched: number[] = [];
  let groups = 0;
  let team = '';
  let adminPerson!: TestPerson;

  /** Per conversation, when the worker handed each request to the network: the fake judges its limits by these. */
  const leaving = new Map<string, number[]>();
  const left = (conversationId: string) => {
    const now = performance.now();
    const queue = leaving.get(conversationId);
    if (queue) queue.push(now);
    else leaving.set(conversationId, [now]);
    return now;
  };

  beforeAll(async () => {
    connector = await new FakeBotConnector({ globalRps: 50, sentAt: (id) => leaving.get(id)?.shift() }).start();
    const real = connectorClient(async () => undefined);
    const recording: ConnectorClient = {
      send: (target, activity) => {
        dispatched.push(performance.timeOrigin + left(target.conversationId));
        return real.send(target, activity);
      },
      update: (target, activityId, activity) => {
        left(target.conversationId);
        return real.update(target, activityId, activity);
      },
    };
    s = await startTestServer(
      { TEAMS_RATE_LIMIT_RPS: '50' },
      {
        worker: { connector: recording, tickMs: 50, idleMs: 20, retry: { maxAttempts: 4, baseMs: 50, maxMs: 200 } },
        // Reminders are planned by the job runner: as often as the worker ticked before.
        jobs: { pollMs: 20, everyMs: { trainingReminders: 50, onboardingReminders: 50 } },
      },
    );
    adminPerson = await anAdmin(s.db);
    await aTopic(s.db, { id: 'culture' }); // validItem's topic
  });
  afterAll(async () => {
    await s?.close();
    await connector?.stop();
  });
  beforeEach(() => {
    connector.reset();
    dispatched.length = 0;
    leaving.clear();
    team = `team-${groups + 1}`;
  });

  const admin = () => adminPerson.headers;
  const forTeam = () => ({ audience: { departments: [team], locations: [] } });
  const announcement = async (id: string) => (await api(s.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin() })).body;
  type Card = Record<string, unknown>;

  return {
    get s() {
      return s;
    },
    get connector() {
      return connector;
    },
    get team() {
      return team;
    },
    dispatched,
    admin,
    forTeam,
    group: (count: number, o: Omit<Parameters<typeof addReachablePeople>[2], 'serviceUrl'> = {}) =>
      addReachablePeople(s.db, count, { serviceUrl: connector.url, prefix: `g${++groups}`, department: team, ...o }),
    async publishedItem(overrides: Record<string, unknown> = {}): Promise<string> {
      const created = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ ...forTeam(), ...overrides }) });
      expect(created.status).toBe(201);
      const published = await api(s.url, 'POST', `/api/v1/admin/items/${created.body.item.id}/publish`, { headers: admin(), body: {} });
      expect(published.status).toBe(200);
      return created.body.item.id as string;
    },
    announce: (itemId: string, body: Record<string, unknown> = {}) =>
      api(s.url, 'POST', `/api/v1/admin/items/${itemId}/announce`, { headers: admin(), body }),
    announcement,
    /** Generous: on a busy two-core machine PGlite sends 120 cards at ~10/s, not 50. */
    settled: (id: string, timeoutMs = 30_000) =>
      eventually(() => announcement(id), (a) => a.status === 'done' || a.status === 'cancelled', timeoutMs),
    /** The fake connector stamps with performance.timeOrigin + now(), which drifts from Date.now(). */
    wallClock: (at: number) => at + (Date.now() - (performance.timeOrigin + performance.now())),
    cardsTo: (p: ReachablePerson) =>
      connector.deliveredTo(p.conversationId).map((r) => (r.activity.attachments as Array<{ content: Card }>)[0]!.content),
  };
}

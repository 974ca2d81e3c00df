import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../bot/src/jobs/delivery-worker.js';
import { JobRunner } from '../../bot/src/jobs/job-runner.js';
import { chorusJobs } from '../../bot/src/jobs/planners.js';
import { deliveryRenderer } from '../../bot/src/jobs/render-delivery.js';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { eventually } from '../support/eventually.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api, validItem } from '../support/http.js';
import { addReachablePeople, type ReachablePerson } from '../support/reachable.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The digest runs on its schedule: here "every day at the minute that just began" in UTC,
// so it is due as the server starts. Items are back-dated to before that run.
let connector: FakeBotConnector;
let s: TestServer;
const boss = { authorization: 'Bearer dev.boss' };
let digestReaders: ReachablePerson[];
let everyItem: ReachablePerson[];
let elsewhere: ReachablePerson[];

async function item(title: string, department: string, publishedAgoMs: number): Promise<void> {
  const created = await api(s.url, 'POST', '/api/v1/admin/items', { headers: boss, body: validItem({ title, topics: [], audience: { departments: [department], locations: [] } }) });
  expect(created.status).toBe(201);
  expect((await api(s.url, 'POST', `/api/v1/admin/items/${created.body.item.id}/publish`, { headers: boss, body: {} })).status).toBe(200);
  await s.db.query(`update items set publish_at = now() - ($2::float8 * interval '1 millisecond') where id = $1`, [created.body.item.id, publishedAgoMs]);
}

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  const now = new Date();
  s = await startTestServer(
    // The server sends nothing itself: the test runs two workers, as two processes would.
    { WORKER: 'false', DIGEST_SCHEDULE: `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`, TENANT_TIME_ZONE: 'UTC' },
  );
  await s.db.query(`insert into people (display_name, dev_key, role) values ('Boss', 'boss', 'admin')`);
  digestReaders = await addReachablePeople(s.db, 3, { serviceUrl: connector.url, department: 'Design', prefix: 'digest', preferences: { notificationLevel: 'digest' } });
  everyItem = await addReachablePeople(s.db, 2, { serviceUrl: connector.url, department: 'Design', prefix: 'every' });
  elsewhere = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, department: 'Legal', prefix: 'legal', language: 'de', preferences: { notificationLevel: 'digest' } });
  // Nothing new and no session for Finance: no digest at all.
  await addReachablePeople(s.db, 1, { serviceUrl: connector.url, department: 'Finance', prefix: 'finance', preferences: { notificationLevel: 'digest' } });
  await item('Fresh this week', 'Design', 3_600_000);
  await item('Old news', 'Design', 3 * 86_400_000);
  // Sessions in the next two weeks meant for them join the digest; one for Legal does not reach Design.
  for (const [title, department, days] of [['Design sprint clinic', 'Design', 3], ['Far away', 'Design', 30], ['Legal only', 'Legal', 3]] as const) {
    const start = Date.now() + days * 86_400_000;
    const created = await api(s.url, 'POST', '/api/v1/admin/trainings', {
      headers: boss,
      body: {
        title, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), timeZone: 'UTC', room: 'Atrium',
        capacity: 10, language: 'en', host: 'Boss', audience: { departments: [department], locations: [] },
      },
    });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

describe('the weekly digest', () => {
  it('goes once per run to the people who chose it, with what is new for them', async () => {
    expect(s.app.worker).toBeUndefined();
    expect(s.app.jobs).toBeUndefined();
    const log = pino({ level: 'silent' });
    // Two processes: each plans with its job runner and sends with its delivery worker.
    const runners = [0, 1].map(
      () => new JobRunner({ db: s.db, log, jobs: chorusJobs({ db: s.db, digest: s.config.digest, held: () => false, onboardingDays: 60 }) }),
    );
    const workers = [0, 1].map(
      () =>
        new DeliveryWorker({
          db: s.db,
          log,
          connector: connectorClient(async () => undefined),
          render: deliveryRenderer(s.db, s.url),
          rps: 50,
          tickMs: 20,
          idleMs: 10,
        }),
    );
    try {
      // Both plan the run, twice over: still one digest for it.
      await Promise.all(runners.map((r) => r.register()));
      await Promise.all(runners.map((r) => r.runDue()));
      await Promise.all(runners.map((r) => r.runDue()));
      const digests = await s.db.query<{ id: string }>(`select id from announcements where kind = 'digest'`);
      expect(digests).toHaveLength(1);
      workers.forEach((w) => w.start());
      const id = digests[0]!.id;
      const done = await eventually(
        async () => (await api(s.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: boss })).body,
        (a) => a.status === 'done',
        10_000,
      );
      // Legal has no new item, but a session coming up: that is worth a digest too.
      expect(done).toMatchObject({ subject: 'digest', item: null, counts: { total: 5, sent: 4, skipped: 1 }, reasons: { nothing_new: 1 } });
      for (const p of digestReaders) {
        const cards = connector.deliveredTo(p.conversationId);
        expect(cards).toHaveLength(1);
        const json = JSON.stringify(cards[0]!.activity);
        expect(json).toContain('Your week with Chorus');
        expect(json).toContain('Fresh this week');
        expect(json).not.toContain('Old news'); // published before the previous run
        expect(json).toMatch(/\/s\/[A-Za-z0-9_-]+/);
        expect(json).toContain('Design sprint clinic');
        expect(json).toContain('/tab/?page=trainings');
        expect(json).not.toContain('Far away'); // more than two weeks ahead
        expect(json).not.toContain('Legal only');
      }
      const legal = JSON.stringify(connector.deliveredTo(elsewhere[0]!.conversationId)[0]?.activity);
      expect(legal).toContain('Legal only');
      expect(legal).not.toContain('Fresh this week');
      for (const p of everyItem) expect(connector.deliveredTo(p.conversationId)).toHaveLength(0);
    } finally {
      await Promise.all([...workers.map((w) => w.stop()), ...runners.map((r) => r.stop())]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { seedOnboarding } from '../../bot/src/storage/seed-onboarding.js';
import { eventually } from '../support/eventually.js';
import { aGuideline, anAdmin, anItem, aPerson, daysAgo, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api } from '../support/http.js';
import { addReachablePeople, type ReachablePerson } from '../support/reachable.js';
import { moreRuns } from '../support/job-runs.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Onboarding for new hires (issue 5): the checklist, steps that tick themselves, what
// admins define, and the one friendly reminder — real server and worker, real SQL.
let connector: FakeBotConnector;
let s: TestServer;
let admin: TestPerson;
/** Joined 12 days ago: a new hire. */
let newHire: TestPerson;
let colleague: TestPerson;
/** Aylin Demir, joined in 2023. */
let veteran: TestPerson;
beforeAll(async () => {
  connector = await new FakeBotConnector({ globalRps: 50 }).start();
  s = await startTestServer(
    { TEAMS_RATE_LIMIT_RPS: '50' },
    { worker: { connector: connectorClient(async () => undefined), tickMs: 50, idleMs: 20 }, jobs: { pollMs: 20, everyMs: { onboardingReminders: 50 } } },
  );
  // The starter checklist is what this file is about; the rest is made to measure.
  await seedOnboarding(s.db, s.url);
  admin = await anAdmin(s.db);
  newHire = await aPerson(s.db, { joinedAt: daysAgo(12) });
  colleague = await aPerson(s.db);
  veteran = await aPerson(s.db, { displayName: 'Aylin Demir', joinedAt: '2023-02-15T08:00:00.000Z' });
  await aGuideline(s.db, { by: admin });
  await anItem(s.db);
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

type Step = { id: string; kind: string; title: string; bodyHtml: string; done: boolean; automatic: boolean };
const mine = async (who: string, lang = 'en') =>
  (await api(s.url, 'GET', '/api/v1/onboarding', { headers: { ...s.as(who), 'accept-language': lang } })).body as {
    newHire: boolean; steps: Step[]; done: number; total: number;
  };
const step = async (who: string, kind: string) => (await mine(who)).steps.find((x) => x.kind === kind)!;

describe('onboarding', () => {
  it('shows a new hire the starter checklist in their language; long-standing colleagues are not new', async () => {
    const mia = await mine(newHire.devKey);
    expect(mia.newHire).toBe(true); // joined 12 days ago
    expect(mia.total).toBe(5);
    expect(mia.steps.map((x) => x.kind)).toEqual(['guidelines', 'manual', 'manual', 'training', 'first_share']);
    expect(mia.steps[1]!.title).toBe('Set up a professional LinkedIn profile');
    expect(mia.steps[1]!.bodyHtml).toContain('<li>');
    expect((await mine(newHire.devKey, 'de')).steps[1]!.title).toBe('Ein professionelles LinkedIn-Profil einrichten');
    expect((await mine(veteran.devKey)).newHire).toBe(false); // joined in 2023
  });

  it('ticks manual steps by hand and refuses to tick the ones Chorus observes', async () => {
    const profile = (await mine(newHire.devKey)).steps.find((x) => x.kind === 'manual')!;
    const ticked = await api(s.url, 'POST', `/api/v1/onboarding/steps/${profile.id}`, { headers: newHire.headers, body: { done: true } });
    expect(ticked.status).toBe(200);
    expect(ticked.body.steps.find((x: Step) => x.id === profile.id).done).toBe(true);
    expect((await mine(colleague.devKey)).steps.find((x) => x.id === profile.id)!.done).toBe(false); // per person
    const untick = await api(s.url, 'POST', `/api/v1/onboarding/steps/${profile.id}`, { headers: newHire.headers, body: { done: false } });
    expect(untick.body.steps.find((x: Step) => x.id === profile.id).done).toBe(false);
    const auto = await step(newHire.devKey, 'training');
    expect(auto.automatic).toBe(true);
    expect((await api(s.url, 'POST', `/api/v1/onboarding/steps/${auto.id}`, { headers: newHire.headers, body: { done: true } })).status).toBe(409);
    expect((await api(s.url, 'POST', `/api/v1/onboarding/steps/${profile.id}`, { headers: newHire.headers, body: { done: 'yes' } })).status).toBe(400);
  });

  it('ticks itself when Chorus sees the guidelines acknowledged, a training registered for and a first share', async () => {
    // Guidelines: confirm having read the first page.
    const pages = await api(s.url, 'GET', '/api/v1/guidelines', { headers: newHire.headers });
    expect(pages.status).toBe(200);
    const page = pages.body.items[0] as { id: string; version: number };
    const ack = await api(s.url, 'POST', `/api/v1/guidelines/${page.id}/acknowledge`, { headers: newHire.headers, body: { version: page.version } });
    expect(ack.status).toBe(200);
    expect((await step(newHire.devKey, 'guidelines')).done).toBe(true);

    // Training: register for a beginners' session.
    const start = Date.now() + 72 * 3_600_000;
    const created = await api(s.url, 'POST', '/api/v1/admin/trainings', {
      headers: admin.headers,
      body: { title: 'LinkedIn for beginners', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), timeZone: 'Europe/Berlin', room: 'Spree', capacity: 10, language: 'en', host: 'Petra' },
    });
    expect((await step(newHire.devKey, 'training')).done).toBe(false);
    expect((await api(s.url, 'POST', `/api/v1/trainings/${created.body.training.id}/register`, { headers: newHire.headers, body: {} })).status).toBe(200);
    expect((await step(newHire.devKey, 'training')).done).toBe(true);

    // First share: through her share page.
    const feed = await api(s.url, 'GET', '/api/v1/items?limit=1', { headers: newHire.headers });
    const link = await api(s.url, 'POST', `/api/v1/items/${feed.body.items[0].id}/share-link`, { headers: newHire.headers });
    expect((await step(newHire.devKey, 'first_share')).done).toBe(false);
    const shared = await fetch(link.body.url as string, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ network: 'linkedin', text: 'Proud to be part of this.' }) });
    expect(shared.status).toBe(200);
    expect((await step(newHire.devKey, 'first_share')).done).toBe(true);
  });

  it('lets admins shape the checklist and mark new hires; employees cannot', async () => {
    const body = { kind: 'manual', title: { de: 'Mentor treffen', en: 'Meet your mentor' }, body: { de: '', en: 'Coffee is on us.' }, position: 99 };
    const created = await api(s.url, 'POST', '/api/v1/admin/onboarding/steps', { headers: admin.headers, body });
    expect(created.status).toBe(201);
    expect((await mine(newHire.devKey)).steps.at(-1)!.title).toBe('Meet your mentor');
    for (const [bad, field] of [
      [{ ...body, title: { de: '', en: '' } }, 'title'],
      [{ ...body, kind: 'vibes' }, 'kind'],
      [{ ...body, linkUrl: 'javascript:alert(1)' }, 'linkUrl'],
      [{ ...body, extra: 1 }, 'extra'],
    ] as const) {
      const res = await api(s.url, 'POST', '/api/v1/admin/onboarding/steps', { headers: admin.headers, body: bad });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
    }
    expect((await api(s.url, 'POST', '/api/v1/admin/onboarding/steps', { headers: veteran.headers, body })).status).toBe(403);
    expect((await api(s.url, 'DELETE', `/api/v1/admin/onboarding/steps/${created.body.id}`, { headers: veteran.headers })).status).toBe(403);
    expect((await api(s.url, 'DELETE', `/api/v1/admin/onboarding/steps/${created.body.id}`, { headers: admin.headers })).status).toBe(204);
    expect((await mine(newHire.devKey)).total).toBe(5);

    const found = await api(s.url, 'GET', '/api/v1/admin/onboarding/people?q=ayl', { headers: admin.headers });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ displayName: 'Aylin Demir', newHire: false, marked: false })]);
    expect(JSON.stringify(found.body)).not.toMatch(/done|steps|progress/); // standing, never progress
    expect((await api(s.url, 'GET', '/api/v1/admin/onboarding/people?q=a', { headers: admin.headers })).status).toBe(400);
    expect((await api(s.url, 'GET', '/api/v1/admin/onboarding/people?q=ayl', { headers: veteran.headers })).status).toBe(403);
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await api(s.url, 'PUT', `/api/v1/admin/people/${veteran.id}/new-hire`, { headers: veteran.headers, body: { until } })).status).toBe(403);
    expect((await api(s.url, 'PUT', `/api/v1/admin/people/${veteran.id}/new-hire`, { headers: admin.headers, body: { until } })).status).toBe(204);
    expect((await mine(veteran.devKey)).newHire).toBe(true);
    expect((await api(s.url, 'PUT', `/api/v1/admin/people/${veteran.id}/new-hire`, { headers: admin.headers, body: { until: null } })).status).toBe(204);
    expect((await mine(veteran.devKey)).newHire).toBe(false);
  });

  it('sends one friendly reminder a week after the start when the checklist is unfinished, and only one', async () => {
    const joined = async (people: ReachablePerson[], daysAgo: number) =>
      // Joined and first talked to Chorus then (the week counts from the later of the two).
      s.db.query(`update people set joined_at = now() - ($2::int * interval '1 day'), created_at = now() - ($2::int * interval '1 day') where id = any($1::uuid[])`, [
        people.map((p) => p.id), daysAgo,
      ]);
    const week = await addReachablePeople(s.db, 2, { serviceUrl: connector.url, prefix: 'week', language: 'de' });
    const fresh = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'fresh' });
    const quiet = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'quiet', preferences: { notificationLevel: 'none' } });
    const veteran = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'veteran' });
    const lateInstall = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'late' });
    await joined(week, 8);
    await joined(fresh, 3);
    await joined(quiet, 8);
    await joined(veteran, 400);
    // Joined ten days ago but met Chorus today: the welcome now, the reminder a week later.
    await s.db.query(`update people set joined_at = now() - interval '10 days' where id = $1`, [lateInstall[0]!.id]);
    const cards = (p: ReachablePerson) => connector.deliveredTo(p.conversationId).map((r) => JSON.stringify(r.activity));
    await eventually(async () => week.every((p) => cards(p).length === 1), Boolean, 5_000);
    for (const p of week) {
      expect(cards(p)[0]).toContain('Gut angekommen?');
      expect(cards(p)[0]).toContain('von 5 Onboarding-Schritten');
      expect(cards(p)[0]).toContain('/tab/?page=onboarding');
    }
    await moreRuns(s.db, 'onboarding-reminders'); // more checks: still one
    for (const p of week) expect(cards(p)).toHaveLength(1);
    for (const p of [...fresh, ...quiet, ...veteran, ...lateInstall]) expect(cards(p)).toHaveLength(0);
    // A week on for the fresh one: their reminder comes then.
    await joined(fresh, 8);
    await eventually(async () => cards(fresh[0]!).length, (n) => n === 1, 5_000);
  });
});

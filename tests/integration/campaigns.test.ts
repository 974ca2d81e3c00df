import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, anItem, aPerson, aShare, aTopic, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api, READER } from '../support/http.js';
import { addReachablePeople, type ReachablePerson } from '../support/reachable.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Campaigns and disclosure (issue 12, points 6 and 8), through the real server, worker,
// job runner and the fake Bot Connector, on PGlite or Postgres (DATABASE_URL).
let connector: FakeBotConnector;
let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const campaign = (over: Record<string, unknown> = {}) => ({
  name: 'Spring hiring',
  startsAt: at(-HOUR),
  endsAt: at(24 * HOUR),
  topic: 'campaign-jobs',
  goal: { metric: 'shares', target: 10 },
  ...over,
});
const create = (body: unknown) => api(s.url, 'POST', '/api/v1/admin/campaigns', { headers: admin.headers, body });
const update = (id: string, body: unknown) => api(s.url, 'PUT', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers, body });
const count = async () => Number((await s.db.query<{ n: number }>('select count(*)::int as n from campaigns'))[0]!.n);
const running = async (who: TestPerson = employee) => (await api(s.url, 'GET', '/api/v1/campaigns', { headers: who.headers })).body;
const progressOf = async (id: string) => (await running()).items.find((c: { id: string }) => c.id === id)?.progress as number | undefined;
const shareToken = async (person: TestPerson, itemId: string) =>
  ((await api(s.url, 'POST', `/api/v1/items/${itemId}/share-link`, { headers: person.headers, body: {} })).body.url as string).split('/s/')[1] as string;
const post = (token: string, body: { network: string; text: string }) => api(s.url, 'POST', `/s/${token}`, { body, headers: { accept: 'application/json' } });
const resultAnnouncements = (campaignId: string) =>
  s.db.query<{ id: string; status: string }>(`select id, status from announcements where kind = 'campaign_result' and payload->>'campaignId' = $1`, [campaignId]);
const jobFinishedAt = async () => {
  const jobs = (await api(s.url, 'GET', '/api/v1/admin/jobs', { headers: admin.headers })).body.items as Array<{ name: string; lastFinishedAt: string | null }>;
  return jobs.find((j) => j.name === 'campaign-results')?.lastFinishedAt ?? null;
};
/** Waits until the campaign-results job has finished a run that started after now. */
const aJobRunPassed = async () => {
  const since = Date.now();
  await eventually(jobFinishedAt, (t) => t !== null && new Date(t).getTime() > since + 5, 10_000);
  await eventually(jobFinishedAt, (t) => t !== null && new Date(t).getTime() > since + 100, 10_000);
};

beforeAll(async () => {
  connector = await new FakeBotConnector({ globalRps: 50 }).start();
  s = await startTestServer(
    { TEAMS_RATE_LIMIT_RPS: '50' },
    {
      worker: { connector: connectorClient(async () => undefined), tickMs: 50, idleMs: 20 },
      jobs: { pollMs: 20, everyMs: { campaignResults: 50 } },
    },
  );
  admin = await anAdmin(s.db);
  employee = await aPerson(s.db);
  await aTopic(s.db, { id: 'campaign-jobs' });
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

describe('campaigns: the admin API', () => {
  it('creates, lists, changes and removes a campaign; employees may not', async () => {
    const item = await anItem(s.db);
    const created = await create(campaign({ topic: null, itemIds: [item.id], prize: 'Breakfast with the board', description: 'Our open roles' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Spring hiring', itemIds: [item.id], topic: null, status: 'running', progress: 0, prize: 'Breakfast with the board', resultsPlannedAt: null });
    const id = created.body.id as string;

    const list = await api(s.url, 'GET', '/api/v1/admin/campaigns', { headers: admin.headers });
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);

    const changed = await update(id, campaign({ topic: null, itemIds: [item.id], startsAt: created.body.startsAt, name: 'Spring hiring 2', goal: { metric: 'clicks', target: 100 } }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Spring hiring 2', goal: { metric: 'clicks', target: 100 }, prize: null });

    for (const [method, path] of [['GET', '/api/v1/admin/campaigns'], ['POST', '/api/v1/admin/campaigns'], ['PUT', `/api/v1/admin/campaigns/${id}`], ['DELETE', `/api/v1/admin/campaigns/${id}`], ['GET', '/api/v1/admin/disclosure']] as const) {
      expect((await api(s.url, method, path, { headers: employee.headers, body: method === 'GET' || method === 'DELETE' ? undefined : campaign() })).status).toBe(403);
    }

    expect((await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers })).status).toBe(204);
    expect((await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers })).status).toBe(404);
    expect((await update(id, campaign())).status).toBe(404);
  });

  it('refuses bad input with the field and the reason, and writes nothing', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [campaign({ endsAt: at(-2 * HOUR) }), 'endsAt'], // ends before it starts
      [campaign({ startsAt: at(-3 * HOUR), endsAt: at(-2 * HOUR) }), 'endsAt'], // over already
      [campaign({ goal: { metric: 'shares', target: 0 } }), 'goal.target'],
      [campaign({ goal: { metric: 'shares', target: -3 } }), 'goal.target'],
      [campaign({ goal: { metric: 'likes', target: 3 } }), 'goal.metric'],
      [campaign({ name: '' }), 'name'],
      [campaign({ name: 'n'.repeat(81) }), 'name'],
      [campaign({ prize: 'p'.repeat(201) }), 'prize'],
      [campaign({ topic: null }), 'itemIds'],
      [campaign({ topic: 'no-such-topic' }), 'topic'],
      [campaign({ topic: null, itemIds: ['5b1c0f3e-9a43-4c55-9d2a-0c9e2d1f4a11'] }), 'itemIds'],
      [campaign({ startsAt: 'next monday' }), 'startsAt'],
      // A window laid over last month's activity would thank people for what came before it.
      [campaign({ startsAt: at(-30 * 24 * HOUR) }), 'startsAt'],
      [campaign({ budget: 1000 }), 'budget'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    const german = await api(s.url, 'POST', '/api/v1/admin/campaigns', { headers: { ...admin.headers, 'accept-language': 'de' }, body: campaign({ endsAt: at(-2 * HOUR) }) });
    expect(german.body.error.fields.endsAt).toBe('muss nach dem Beginn liegen');
    expect(await count()).toBe(before);

    // A change that is refused leaves the campaign as it was.
    const id = (await create(campaign())).body.id as string;
    const refused = await update(id, campaign({ name: 'Renamed', goal: { metric: 'shares', target: 0 } }));
    expect(refused.status).toBe(400);
    const [row] = await s.db.query<{ name: string; goal_target: number }>('select name, goal_target from campaigns where id = $1', [id]);
    expect(row).toEqual({ name: 'Spring hiring', goal_target: 10 });
    // Running: its start cannot move, its end not into the past (ending now is fine).
    const created = (await api(s.url, 'GET', '/api/v1/admin/campaigns', { headers: admin.headers })).body.items.find((c: { id: string }) => c.id === id);
    expect(Object.keys((await update(id, campaign({ startsAt: at(-2 * HOUR) }))).body.error.fields)).toEqual(['startsAt']);
    expect(Object.keys((await update(id, campaign({ startsAt: created.startsAt, endsAt: at(-HOUR / 2) }))).body.error.fields)).toEqual(['endsAt']);
    expect((await s.db.query('select name from campaigns where id = $1', [id]))[0]).toEqual({ name: 'Spring hiring' });
    await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers });
  });
});

describe('campaign progress', () => {
  it('counts a share of a covered item within the window, and not of other items', async () => {
    const covered = await anItem(s.db, { topics: ['campaign-jobs'] });
    const other = await anItem(s.db);
    const id = (await create(campaign())).body.id as string;
    expect(await progressOf(id)).toBe(0);
    expect((await post(await shareToken(employee, covered.id), { network: 'linkedin', text: 'We are hiring!' })).status).toBe(200);
    expect((await post(await shareToken(employee, other.id), { network: 'linkedin', text: 'Other' })).status).toBe(200);
    expect(await progressOf(id)).toBe(1);
    // Posting again to the same network is the same share.
    await post(await shareToken(employee, covered.id), { network: 'linkedin', text: 'Again' });
    expect(await progressOf(id)).toBe(1);
    await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers });
  });

  it('counts unique readers of covered items on the days of its window, and no others', async () => {
    const covered = await anItem(s.db);
    const other = await anItem(s.db);
    const id = (await create(campaign({ topic: null, itemIds: [covered.id], goal: { metric: 'readers', target: 50 } }))).body.id as string;
    const { linkCode } = await aShare(s.db, { item: covered, person: employee });
    const { linkCode: otherCode } = await aShare(s.db, { item: other, person: employee });
    const today = new Date().toISOString().slice(0, 10);
    const lastWeek = new Date(Date.now() - 7 * 24 * HOUR).toISOString().slice(0, 10);
    await s.db.query(
      `insert into link_readers (link_code, day, item_id, network, readers) values ($1, $3, $4, 'linkedin', 7), ($1, $5, $4, 'linkedin', 40), ($2, $3, $6, 'linkedin', 9)`,
      [linkCode, otherCode, today, covered.id, lastWeek, other.id],
    );
    expect(await progressOf(id)).toBe(7); // today's readers of the covered item; not last week's, not the other item's
    await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers });
  });

  it('counts a reader’s click on a covered item’s tracked link', async () => {
    const covered = await anItem(s.db);
    const id = (await create(campaign({ topic: null, itemIds: [covered.id], goal: { metric: 'clicks', target: 5 } }))).body.id as string;
    const shared = await post(await shareToken(employee, covered.id), { network: 'x', text: 'Look' });
    expect(await progressOf(id)).toBe(0);
    expect((await fetch(shared.body.link, { redirect: 'manual', headers: READER })).status).toBe(302);
    expect(await eventually(() => progressOf(id), (n) => n === 1)).toBe(1);
    await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers });
  });
});

describe('disclosure', () => {
  it('is set by admins, refused when too long or on several lines, and applies only with a running prize campaign', async () => {
    expect((await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '#'.repeat(101), removable: true } })).body.error.fields).toHaveProperty('text');
    expect((await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '#A\n#B', removable: true } })).status).toBe(400);
    expect((await api(s.url, 'GET', '/api/v1/admin/disclosure', { headers: admin.headers })).body).toEqual({ text: '', removable: false, applies: false });

    const saved = await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '#WorkingAtContoso', removable: false } });
    expect(saved.body).toEqual({ text: '#WorkingAtContoso', removable: false, applies: false });
    expect((await running()).disclosure).toBeNull();

    const item = await anItem(s.db, { posts: { linkedin: 'Join us.', x: 'Join us' }, hashtags: [] });
    const id = (await create(campaign({ topic: null, itemIds: [item.id], prize: 'Lunch with the team' }))).body.id as string;
    expect((await running()).disclosure).toEqual({ text: '#WorkingAtContoso', removable: false });

    const token = await shareToken(employee, item.id);
    const page = await (await fetch(`${s.url}/s/${token}`)).text();
    expect(page).toContain('Join us.\n\n#WorkingAtContoso');
    expect(page).toContain('data-disclosure');
    expect(page).toContain('Lunch with the team');
    // Not removable: whatever the person writes, the post keeps it (once).
    const x = await post(token, { network: 'x', text: 'My own words' });
    expect(new URL(x.body.target).searchParams.get('text')).toBe('My own words\n\n#WorkingAtContoso');
    const kept = await post(token, { network: 'linkedin', text: 'Mine #workingatcontoso' });
    expect(kept.body.clipboard).toBe('Mine #workingatcontoso');

    // Removable: what the person wrote goes as written.
    await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '#WorkingAtContoso', removable: true } });
    const free = await post(token, { network: 'facebook', text: 'Without it' });
    expect(free.body.clipboard).toBe('Without it');

    await api(s.url, 'DELETE', `/api/v1/admin/campaigns/${id}`, { headers: admin.headers });
    await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '', removable: true } });
  });

  it('applies while the points programme is on, without any campaign', async () => {
    await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '#WorkingAtContoso', removable: true } });
    expect((await running()).disclosure).toBeNull();
    const { updatedAt: _at, ...rules } = (await api(s.url, 'GET', '/api/v1/admin/points/rules', { headers: admin.headers })).body;
    try {
      expect((await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: admin.headers, body: { ...rules, enabled: true } })).status).toBe(200);
      expect((await running()).disclosure).toEqual({ text: '#WorkingAtContoso', removable: true });
      expect((await api(s.url, 'GET', '/api/v1/admin/disclosure', { headers: admin.headers })).body.applies).toBe(true);
      // The item card's suggested post ends with it too, not only the share page.
      const item = await anItem(s.db, { posts: { linkedin: 'Proud of this team.' }, audience: { departments: ['Disclosure'], locations: [] } });
      const [reader] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'disc', department: 'Disclosure' });
      expect((await api(s.url, 'POST', `/api/v1/admin/items/${item.id}/announce`, { headers: admin.headers, body: {} })).status).toBe(201);
      const [card] = await eventually(async () => connector.deliveredTo(reader!.conversationId), (c) => c.length === 1, 10_000);
      expect(JSON.stringify(card!.activity)).toContain('Proud of this team.\\n\\n#WorkingAtContoso');
    } finally {
      await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: admin.headers, body: { ...rules, enabled: false } });
      await api(s.url, 'PUT', '/api/v1/admin/disclosure', { headers: admin.headers, body: { text: '', removable: true } });
    }
    expect((await running()).disclosure).toBeNull();
  });
});

describe('when a campaign ends', () => {
  const cards = (p: ReachablePerson) => connector.deliveredTo(p.conversationId).map((r) => JSON.stringify(r.activity));

  it('sends exactly one result card to each person who took part and wants it, never to those who said stop', async () => {
    // A topic of its own: earlier tests' shares of other topics' items do not count here.
    const item = await anItem(s.db, { topics: ['campaign-end'] });
    const [en] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'cr-en' });
    const [de] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'cr-de', language: 'de' });
    const [stopped] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'cr-stop', preferences: { notificationLevel: 'every', paused: true } });
    const [silent] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'cr-none', preferences: { notificationLevel: 'none' } });
    const [bystander] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'cr-by' });
    const body = campaign({ name: 'Hiring <b>week</b>', topic: 'campaign-end', goal: { metric: 'shares', target: 3 } });
    const created = await create(body);
    const id = created.body.id as string;
    for (const p of [en!, de!, stopped!, silent!]) await aShare(s.db, { item, person: p });
    await aShare(s.db, { item: await anItem(s.db), person: bystander! });
    // With points on, someone on the leaderboard also learns their own place; others do not.
    await s.db.query('update points_rules set enabled = true');
    await s.db.query(`insert into preferences (person_id, leaderboard_opt_in, board_id) values ($1, true, gen_random_uuid())`, [en!.id]);
    for (const p of [en!, de!]) {
      await s.db.query(`insert into points_ledger (person_id, points, reason, source_key, event_id, occurred_at) values ($1, 10, 'share', $2, 0, now())`, [p.id, `test:${p.id}`]);
    }

    // Ended by the admin now; the job plans it once.
    expect((await update(id, { ...body, startsAt: created.body.startsAt, endsAt: new Date().toISOString() })).status).toBe(200);
    const [announcement] = await eventually(() => resultAnnouncements(id), (rows) => rows.length === 1 && rows[0]!.status === 'done', 10_000);
    await s.db.query('update points_rules set enabled = false');
    expect(announcement).toBeDefined();
    expect(cards(en!)).toHaveLength(1);
    expect(cards(en!)[0]).toContain('Together we reached 4 of 3 shares.');
    expect(cards(en!)[0]).toContain('Hiring <b>week</b>');
    expect(cards(de!)[0]).toContain('Gemeinsam haben wir 4 von 3');
    expect(cards(en!)[0]).toContain('Your place on the leaderboard: 1');
    expect(cards(de!)[0]).not.toContain('Platz'); // not on the board: the team result only
    expect(cards(stopped!)).toHaveLength(0);
    expect(cards(silent!)).toHaveLength(0);
    expect(cards(bystander!)).toHaveLength(0);

    // Further runs plan nothing more; the ended campaign can no longer change.
    await aJobRunPassed();
    expect(await resultAnnouncements(id)).toHaveLength(1);
    expect(cards(en!)).toHaveLength(1);
    expect((await update(id, campaign())).status).toBe(409);
    const ended = await s.db.query<{ type: string }>(`select type from events where type = 'campaign.ended' and payload->>'campaignId' = $1`, [id]);
    expect(ended).toHaveLength(1);
  });

  it('sends nothing while crisis mode is on, and the cards once it is over', async () => {
    const item = await anItem(s.db, { topics: ['campaign-jobs'] });
    const [p] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'cr-crisis' });
    const created = await create(campaign());
    await aShare(s.db, { item, person: p! });
    const on = { reason: 'Recall', instructions: { de: 'Bitte nichts teilen.', en: 'Please share nothing.' } };
    expect((await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin.headers, body: on })).status).toBe(201);
    try {
      await update(created.body.id, { ...campaign(), startsAt: created.body.startsAt, endsAt: new Date().toISOString() });
      await aJobRunPassed();
      expect(await resultAnnouncements(created.body.id)).toHaveLength(0);
      expect(cards(p!).filter((c) => c.includes('Campaign result'))).toHaveLength(0);
    } finally {
      expect((await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin.headers, body: {} })).status).toBe(200);
    }
    await eventually(() => resultAnnouncements(created.body.id), (rows) => rows[0]?.status === 'done', 10_000);
    expect(cards(p!).filter((c) => c.includes('Campaign result'))).toHaveLength(1);
  });
});

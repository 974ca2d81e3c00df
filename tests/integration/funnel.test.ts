import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharingRepo } from '../../bot/src/storage/repos/sharing.js';
import { backfillAnalytics } from '../../bot/src/storage/repos/analytics-rollup.js';
import { botTraffic, type TeamsUser } from '../support/bot-traffic.js';
import { anAdmin, anItem, aPerson, aShare, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api, READER } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 13 §2: the funnel of an announcement and of an item — recipients → delivered → read
 * → share page opened → posted → clicks → conversions. Read receipts arrive as Teams sends
 * them, through the bot endpoint, and are kept as totals per announcement.
 */
const TENANT = '11111111-2222-3333-4444-555555555555';
let connector: FakeBotConnector;
let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;
let item: { id: string; title: string };
let announcementId: string;
const users: TeamsUser[] = Array.from({ length: 7 }, (_, i) => ({ id: `29:reader-${i}`, aadObjectId: `bbbbbbbb-0000-0000-0000-00000000000${i}`, name: `Reader ${i}` }));
const personOf = new Map<string, string>();
/** The card's message id in each chat (Teams' ids grow with time). */
const cardId = (i: number) => String(1_796_000_000_000 + i * 1000);

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  s = await startTestServer({ WORKER: 'false' });
  admin = await anAdmin(s.db);
  employee = await aPerson(s.db);
  item = await anItem(s.db, { title: 'Open day in Hamburg' });
  // Each reader has a personal chat with the bot (any activity is remembered).
  for (const user of users) {
    expect((await send(activity({ type: 'typing' }, user))).status).toBe(200);
    const [row] = await s.db.query<{ id: string }>('select id from people where aad_object_id = $1', [user.aadObjectId]);
    personOf.set(user.id, row!.id);
  }
  // The item's announcement went to all seven; six cards were delivered, one is still waiting.
  const [a] = await s.db.query<{ id: string }>(
    `insert into announcements (kind, payload, status, send_at, created_by) values ('item', jsonb_build_object('itemId', $1::text), 'sending', now(), $2) returning id`,
    [item.id, admin.id],
  );
  announcementId = a!.id;
  for (const [i, user] of users.entries()) {
    const sent = i < 6;
    await s.db.query(
      `insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, status, activity_id, sent_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [announcementId, personOf.get(user.id), `a:personal-${user.id}`, TENANT, sent ? 'sent' : 'pending', sent ? cardId(i) : null, sent ? new Date() : null],
    );
  }
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

const { activity, send } = botTraffic({ serviceUrl: () => connector.url, serverUrl: () => s.url, tenant: TENANT });
const receipt = (user: TeamsUser, lastReadMessageId: unknown, conversationType = 'personal') =>
  send(
    activity(
      {
        type: 'event',
        name: 'application/vnd.microsoft.readReceipt',
        value: { lastReadMessageId },
        conversation: { id: conversationType === 'personal' ? `a:personal-${user.id}` : '19:general@thread.tacv2', conversationType, tenantId: TENANT },
      },
      user,
    ),
  );
const funnel = async (query: string, who: TestPerson = admin) => api(s.url, 'GET', `/api/v1/analytics/funnel?${query}`, { headers: who.headers });
const stage = (body: { stages: Array<{ stage: string; value: number | null; gap: string | null }> }, name: string) => body.stages.find((x) => x.stage === name);

describe('the funnel', () => {
  it('says "not available" for read until a read receipt ever arrived — not 0', async () => {
    const res = await funnel(`announcementId=${announcementId}`);
    expect(res.status).toBe(200);
    expect(res.body.subject).toEqual({ type: 'announcement', id: announcementId, title: 'Open day in Hamburg', kind: 'item' });
    expect(res.body.stages.map((x: { stage: string }) => x.stage)).toEqual(['recipients', 'delivered', 'read', 'opened', 'posted', 'clicks', 'conversions']);
    expect(stage(res.body, 'recipients')).toEqual({ stage: 'recipients', value: 7, gap: null });
    expect(stage(res.body, 'delivered')).toEqual({ stage: 'delivered', value: 6, gap: null });
    expect(stage(res.body, 'read')).toEqual({ stage: 'read', value: null, gap: 'no_read_receipts' });
    expect(stage(res.body, 'conversions')).toMatchObject({ value: null });
  });

  it('counts each card read once from the receipts Teams sends to the bot, as a total', async () => {
    for (let i = 0; i < 5; i++) expect((await receipt(users[i]!, cardId(i))).status).toBe(200);
    // Another device says the same again; a newer message read later; an older one only; garbage; a channel.
    await receipt(users[0]!, cardId(0));
    await receipt(users[1]!, String(Number(cardId(1)) + 5000));
    await receipt(users[5]!, String(Number(cardId(5)) - 1));
    expect((await receipt(users[5]!, 'not-a-message-id')).status).toBe(200);
    await receipt(users[5]!, undefined);
    await receipt(users[5]!, cardId(5), 'channel');
    const res = await funnel(`announcementId=${announcementId}`);
    expect(stage(res.body, 'read')).toEqual({ stage: 'read', value: 5, gap: null });
    // Kept as a total per announcement; a chat remembers only the newest message read.
    expect(await s.db.query('select announcement_id, reads from announcement_reads')).toEqual([{ announcement_id: announcementId, reads: 5 }]);
  });

  it('counts share pages opened and posts by the people reached, and hides stages of fewer than five people', async () => {
    const sharing = sharingRepo(s.db);
    for (let i = 0; i < 5; i++) {
      const token = await sharing.shareToken(item.id, personOf.get(users[i]!.id)!);
      expect((await fetch(`${s.url}/s/${token}`, { headers: READER })).status).toBe(200);
      // Opening twice is one person.
      if (i === 0) await fetch(`${s.url}/s/${token}`, { headers: READER });
    }
    for (let i = 0; i < 2; i++) await aShare(s.db, { item, person: { id: personOf.get(users[i]!.id)! }, clicks: 3 });
    await backfillAnalytics(s.db, 'Europe/Berlin');
    let res = await funnel(`announcementId=${announcementId}`);
    expect(stage(res.body, 'opened')).toEqual({ stage: 'opened', value: 5, gap: null });
    // Two posters are two colleagues: not shown, nor what their links brought.
    expect(stage(res.body, 'posted')).toEqual({ stage: 'posted', value: null, gap: 'too_few' });
    expect(stage(res.body, 'clicks')).toEqual({ stage: 'clicks', value: null, gap: 'too_few' });

    for (let i = 2; i < 5; i++) await aShare(s.db, { item, person: { id: personOf.get(users[i]!.id)! }, clicks: 2 });
    await backfillAnalytics(s.db, 'Europe/Berlin');
    res = await funnel(`announcementId=${announcementId}`);
    expect(stage(res.body, 'posted')).toEqual({ stage: 'posted', value: 5, gap: null });
    expect(stage(res.body, 'clicks')).toEqual({ stage: 'clicks', value: 2 * 3 + 3 * 2, gap: null });
    expect(stage(res.body, 'conversions')).toEqual({ stage: 'conversions', value: null, gap: 'not_measured' });

    // Someone the card never reached shares too: the item's breakdown row minus this funnel
    // would be that one person's, so posts and clicks are hidden until more join them.
    await aShare(s.db, { item, person: employee, clicks: 50 });
    await backfillAnalytics(s.db, 'Europe/Berlin');
    res = await funnel(`announcementId=${announcementId}`);
    expect(stage(res.body, 'posted')).toEqual({ stage: 'posted', value: null, gap: 'too_few' });
    expect(stage(res.body, 'clicks')).toEqual({ stage: 'clicks', value: null, gap: 'too_few' });
  });

  it('answers per item over its announcements, and as CSV', async () => {
    const byItem = await funnel(`itemId=${item.id}`);
    expect(byItem.status).toBe(200);
    expect(byItem.body.subject).toMatchObject({ type: 'item', id: item.id, title: 'Open day in Hamburg' });
    const byAnnouncement = await funnel(`announcementId=${announcementId}`);
    expect(byItem.body.stages).toEqual(byAnnouncement.body.stages);
    const csv = await fetch(`${s.url}/api/v1/analytics/funnel/export.csv?itemId=${item.id}`, { headers: admin.headers });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toEqual(['stage,value,not_shown_because', 'recipients,7,', 'delivered,6,', 'read,5,', 'opened,5,', 'posted,,too_few', 'clicks,,too_few', 'conversions,,too_few']);
  });

  it('hides everything after "recipients" when fewer than five were reached', async () => {
    const small = await anItem(s.db, { title: 'Team lunch' });
    const [a] = await s.db.query<{ id: string }>(
      `insert into announcements (kind, payload, status, send_at, created_by) values ('item', jsonb_build_object('itemId', $1::text), 'done', now(), $2) returning id`,
      [small.id, admin.id],
    );
    for (const user of users.slice(0, 3)) {
      await s.db.query(
        `insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, status, activity_id, sent_at) values ($1, $2, $3, $4, 'sent', $5, now())`,
        [a!.id, personOf.get(user.id), `a:personal-${user.id}`, TENANT, String(1_797_000_000_000)],
      );
    }
    const res = await funnel(`announcementId=${a!.id}`);
    expect(res.body.stages.map((x: { value: number | null }) => x.value)).toEqual([3, null, null, null, null, null, null]);
    expect(new Set(res.body.stages.slice(1).map((x: { gap: string }) => x.gap))).toEqual(new Set(['too_few']));
  });

  it('refuses bad questions and employees, and changes nothing', async () => {
    const before = await s.db.query('select * from announcement_reads');
    const both = await funnel(`announcementId=${announcementId}&itemId=${item.id}`);
    expect(both.status).toBe(400);
    expect(both.body.error.fields).toHaveProperty('announcementId');
    expect((await funnel('')).status).toBe(400);
    expect((await funnel('itemId=42')).status).toBe(400);
    expect((await funnel('announcementId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await funnel(`itemId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await funnel(`itemId=${item.id}`, employee)).status).toBe(403);
    expect((await fetch(`${s.url}/api/v1/analytics/funnel/export.csv?itemId=${item.id}`, { headers: employee.headers })).status).toBe(403);
    expect(await s.db.query('select * from announcement_reads')).toEqual(before);
  });
});

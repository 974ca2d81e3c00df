import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adaptiveCard } from '../../bot/src/cards/adaptive-card.js';
import { plain, run, text } from '../../bot/src/cards/card-parts.js';
import { WANTS, type NotificationLevel, type WantsRule } from '../../bot/src/domain/delivery/recipients.js';
import { enqueueIn, notificationQueue } from '../../bot/src/notifications/enqueue.js';
import { defineKind, idRef } from '../../bot/src/notifications/kind.js';
import { NAMED, reachable } from '../../bot/src/notifications/recipients.js';
import { CHORUS_KINDS, kindRegistry } from '../../bot/src/notifications/registry.js';
import { wants } from '../../bot/src/notifications/wants.js';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import type { Db } from '../../bot/src/storage/db.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api } from '../support/http.js';
import { addReachablePeople } from '../support/reachable.js';
import { createTestDb } from '../support/test-db.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Notification kinds as a registry (issue 11): a kind is one file plus its registration.
// This test adds one that Chorus does not have — thanks from a colleague — with no
// migration and no change to the delivery engine, and sends it through the real server,
// worker and the fake Bot Connector.
const thanks = defineKind({
  name: 'test_thanks',
  payload: z.object({ thanksId: idRef, from: z.string().min(1).max(80) }).strict(),
  audience: ['people'],
  wants: wants('unlessSilenced'),
  recipients: reachable(NAMED, wants('unlessSilenced')),
  onceKey: (p) => p.thanksId,
  view: () => ({}),
  async render(d) {
    const words = d.person.language === 'de' ? { title: 'Danke!', says: 'sagt danke für Ihren Beitrag.' } : { title: 'Thank you!', says: 'says thanks for your post.' };
    return adaptiveCard({ body: [text(words.title, { weight: 'bolder' }), plain([run(d.payload.from), run(` ${words.says}`)])] });
  },
});

describe('a notification kind added in a test', () => {
  let connector: FakeBotConnector;
  let s: TestServer;
  let admin: TestPerson;
  beforeAll(async () => {
    connector = await new FakeBotConnector({ globalRps: 50 }).start();
    s = await startTestServer(
      { TEAMS_RATE_LIMIT_RPS: '50' },
      { kinds: kindRegistry([...CHORUS_KINDS, thanks]), worker: { connector: connectorClient(async () => undefined), tickMs: 50, idleMs: 20 } },
    );
    admin = await anAdmin(s.db);
  });
  afterAll(async () => {
    await s?.close();
    await connector?.stop();
  });

  it('is sent by the engine to the people named who want it, in their language, and shown to admins', async () => {
    const [de] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'thanks-de', language: 'de' });
    const [en] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'thanks-en' });
    const [silent] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'thanks-silent', preferences: { notificationLevel: 'none' } });
    const [stranger] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'thanks-other' });
    const thanksId = '6F1C2D3E-4B5A-4C6D-8E7F-90A1B2C3D4E5';
    const id = await notificationQueue(s.db).enqueue(thanks, { thanksId, from: 'Jonas' }, { people: [de!.id, en!.id, silent!.id] }, 'now');
    expect(id).toBeDefined();
    // Once per key, however it is written.
    expect(await notificationQueue(s.db).enqueue(thanks, { thanksId: thanksId.toLowerCase(), from: 'Jonas' }, { people: [en!.id] }, 'now')).toBeUndefined();

    const done = await eventually(
      async () => (await api(s.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin.headers })).body,
      (a) => a.status === 'done',
      10_000,
    );
    expect(done).toMatchObject({ subject: 'test_thanks', item: null, training: null, counts: { total: 2, sent: 2 } });
    const card = (p: { conversationId: string }) => JSON.stringify(connector.deliveredTo(p.conversationId).map((r) => r.activity));
    expect(card(de!)).toContain('sagt danke');
    expect(card(en!)).toContain('says thanks');
    expect(connector.deliveredTo(silent!.conversationId)).toHaveLength(0);
    expect(connector.deliveredTo(stranger!.conversationId)).toHaveLength(0);
  });

  it('refuses a payload its schema does not allow, or an audience it does not take, before anything is stored', async () => {
    const before = (await s.db.query<{ n: number }>('select count(*)::int as n from announcements'))[0]!.n;
    await expect(enqueueIn(s.db, thanks, { thanksId: 'not-an-id', from: 'Jonas' }, { people: [] }, 'now')).rejects.toThrow();
    await expect(enqueueIn(s.db, thanks, { thanksId: crypto.randomUUID(), from: 'Jonas' }, { departments: [], locations: [] }, 'now')).rejects.toThrow(/audience/);
    expect((await s.db.query<{ n: number }>('select count(*)::int as n from announcements'))[0]!.n).toBe(before);
  });

  it('is held while crisis mode is on, like every card that is not urgent', async () => {
    const [p] = await addReachablePeople(s.db, 1, { serviceUrl: connector.url, prefix: 'thanks-held' });
    const on = await api(s.url, 'POST', '/api/v1/admin/crisis', {
      headers: admin.headers,
      body: { reason: 'Test', instructions: { de: 'Bitte nichts teilen.', en: 'Please share nothing.' }, notifyEveryone: false, redirectLinks: false },
    });
    expect(on.status).toBe(201);
    try {
      const id = await notificationQueue(s.db).enqueue(thanks, { thanksId: crypto.randomUUID(), from: 'Mia' }, { people: [p!.id] }, 'now');
      for (let tick = 0; tick < 3; tick++) await s.app.worker!.tick();
      expect(connector.deliveredTo(p!.conversationId)).toHaveLength(0);
      expect((await api(s.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin.headers })).body.status).toBe('scheduled');
    } finally {
      expect((await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin.headers, body: {} })).status).toBe(200);
    }
    await eventually(async () => connector.deliveredTo(p!.conversationId).length, (n) => n === 1, 10_000);
  });
});

describe('whether a person wants a card', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await createTestDb()));
  afterAll(async () => drop?.());

  // The recipients' SQL picks who gets a card when the send starts; the check in code runs
  // again just before each card goes out. The two must never disagree.
  it('is decided the same in SQL as in code, for every preference and with none stored', async () => {
    const levels: NotificationLevel[] = ['every', 'digest', 'none'];
    for (const rule of Object.keys(WANTS) as WantsRule[]) {
      for (const notificationLevel of levels) {
        for (const paused of [false, true]) {
          for (const resultsCards of [true, false]) {
            const [row] = await db.query<{ yes: boolean }>(
              `select (${wants(rule).sql}) as yes from (select $1::text as notification_level, $2::boolean as paused, $3::boolean as results_cards) pr`,
              [notificationLevel, paused, resultsCards],
            );
            expect(row?.yes, `${rule}, ${notificationLevel}, paused ${paused}, results cards ${resultsCards}`).toBe(WANTS[rule]({ notificationLevel, paused, resultsCards }));
          }
        }
      }
      // No preferences stored (a left join finds none): every new item, not paused, results cards on.
      const [none] = await db.query<{ yes: boolean }>(
        `select (${wants(rule).sql}) as yes from (select 1) x left join (select 'x'::text as notification_level, true as paused, false as results_cards) pr on false`,
      );
      expect(none?.yes, `${rule}, no preferences`).toBe(WANTS[rule]({ notificationLevel: 'every', paused: false, resultsCards: true }));
    }
  });
});

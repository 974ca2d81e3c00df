import { renderForTest } from '../../bot/src/cards/render-for-test.js';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../bot/src/storage/db.js';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { deliveryHarness } from '../support/delivery-harness.js';
import { eventually } from '../support/eventually.js';
import { anAdmin } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api } from '../support/http.js';
import { addReachablePeople, type ReachablePerson } from '../support/reachable.js';
import { createTestDb, usingPostgres } from '../support/test-db.js';
import { startTestServer } from '../support/test-server.js';

// The cards of crisis mode (issue 4): the crisis notice to everybody reachable, cards
// already delivered paused in place and restored afterwards, the all-clear. All through
// the one queue, at the tenant's pace, with the real server and worker and real SQL.
const h = deliveryHarness();
const { group, publishedItem, announce, announcement, settled, cardsTo, admin } = h;

const ON = { reason: 'Product recall', instructions: { de: 'Bitte **nichts** teilen.', en: 'Please share **nothing**.' } };
const crisisOn = async (extra: Record<string, unknown> = {}) => {
  const res = await api(h.s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { ...ON, ...extra } });
  expect([200, 201]).toContain(res.status);
};
const crisisOff = async () => expect((await api(h.s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} })).status).toBe(200);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Listed = { id: string; subject: string; status: string; cardState: string | null; item: { id: string } | null; counts: { total: number; sent: number; skipped: number; pending: number }; reasons: Record<string, number> };
const announcements = async (): Promise<Listed[]> =>
  (await api(h.s.url, 'GET', '/api/v1/admin/announcements?limit=100', { headers: admin() })).body.items;
const textOf = (card: unknown) => JSON.stringify(card);
const updatesTo = (p: ReachablePerson) => h.connector.updates.filter((u) => u.conversationId === p.conversationId);
const updatedCard = (u: { activity: Record<string, unknown> }) => (u.activity.attachments as Array<{ content: unknown }>)[0]!.content;
const shareLinks = (card: unknown) => textOf(card).match(/\/s\/[A-Za-z0-9_-]+/g) ?? [];

/** Delivers one item card to each of `people` and waits until all are sent. */
async function deliverItem(people: ReachablePerson[]): Promise<{ itemId: string; announcementId: string }> {
  const itemId = await publishedItem();
  const res = await announce(itemId);
  expect(res.status).toBe(201);
  const done = await settled(res.body.id);
  expect(done.counts.sent).toBe(people.length);
  return { itemId, announcementId: res.body.id };
}

describe('crisis cards', () => {
  it('notify everyone: the crisis card reaches everybody reachable who did not say stop, in their language; the all-clear follows to exactly them', async () => {
    const english = await group(3);
    const german = await group(2, { language: 'de' });
    const wantsNothing = await group(2, { preferences: { notificationLevel: 'none' } });
    const digestOnly = await group(1, { preferences: { notificationLevel: 'digest' } });
    const stopped = await group(2, { preferences: { notificationLevel: 'every', paused: true } });
    const blocked = await group(1, { conversationStatus: 'blocked' });
    const reached = [...english, ...german, ...wantsNothing, ...digestOnly];

    await crisisOn({ notifyEveryone: true, statementUrl: 'https://example.com/statement', spokesperson: 'Press office, +49 30 1234' });
    await crisisOn({ notifyEveryone: true }); // twice: harmless, still one notice
    await eventually(async () => reached.every((p) => cardsTo(p).length === 1), Boolean, 5_000);
    try {
      for (const p of [...english, ...wantsNothing, ...digestOnly]) {
        const card = textOf(cardsTo(p)[0]);
        expect(card).toContain('Sharing is paused');
        // The instructions under the one Markdown policy: shown with their emphasis, no Markdown left for Teams.
        expect(renderForTest(cardsTo(p)[0] as never).text).toContain('Please share nothing.');
        expect(card).not.toContain('**');
        expect(card).toContain('https://example.com/statement');
        expect(card).toContain('Press office, +49 30 1234');
        expect(card).toContain('/tab/?page=crisis');
      }
      for (const p of german) expect(renderForTest(cardsTo(p)[0] as never).text).toContain('Bitte nichts teilen.');
      for (const p of [...stopped, ...blocked]) expect(cardsTo(p)).toHaveLength(0);
      const notices = (await announcements()).filter((a) => a.subject === 'crisis_notice');
      expect(notices).toHaveLength(1);
    } finally {
      await crisisOff();
    }
    const latecomer = await group(1); // installed Chorus after the notice went out
    await eventually(async () => reached.every((p) => cardsTo(p).length === 2), Boolean, 5_000);
    for (const p of english) expect(textOf(cardsTo(p)[1])).toContain('All clear');
    for (const p of german) expect(textOf(cardsTo(p)[1])).toContain('Entwarnung');
    await pause(300);
    for (const p of [...stopped, ...blocked, ...latecomer]) expect(cardsTo(p)).toHaveLength(0);
    expect((await announcements()).filter((a) => a.subject === 'all_clear')).toHaveLength(1);
  });

  it('cards delivered in the last 14 days are paused in place and restored afterwards; older and deleted cards are left alone', async () => {
    const people = await group(6);
    const { itemId, announcementId } = await deliverItem(people);
    const [recent1, recent2, recent3, old1, old2, deleter] = people as [ReachablePerson, ReachablePerson, ReachablePerson, ReachablePerson, ReachablePerson, ReachablePerson];
    const recent = [recent1, recent2, recent3];
    await h.s.db.query(
      `update deliveries set sent_at = now() - interval '15 days' where announcement_id = $1 and person_id = any($2::uuid[])`,
      [announcementId, [old1.id, old2.id]],
    );
    const original = new Map(people.map((p) => [p.id, h.connector.deliveredTo(p.conversationId)[0]!.activityId]));
    h.connector.deleteActivity(deleter.conversationId, original.get(deleter.id)!);
    expect(shareLinks(cardsTo(recent1)[0]).length).toBeGreaterThan(0);

    await crisisOn();
    let paused: Listed;
    try {
      paused = await eventually(
        async () => (await announcements()).find((a) => a.subject === 'card_update' && a.item?.id === itemId && a.cardState === 'paused'),
        (a) => a?.status === 'done',
        5_000,
      ) as Listed;
      for (const p of recent) {
        const [update] = updatesTo(p);
        expect(updatesTo(p)).toHaveLength(1);
        expect(update!.activityId).toBe(original.get(p.id)); // the card they have, not a new one
        expect(textOf(updatedCard(update!))).toContain('Sharing is paused right now.');
        expect(shareLinks(updatedCard(update!))).toEqual([]); // no share buttons
      }
      for (const p of [old1, old2, deleter]) expect(updatesTo(p)).toHaveLength(0);
      expect(paused.counts).toMatchObject({ total: 4, sent: 3, skipped: 1 });
      expect(paused.reasons).toEqual({ card_gone: 1 });
      // A deleted card is not a lost chat: the person still gets what comes next.
      const [chat] = await h.s.db.query<{ status: string }>('select status from conversations where id = $1', [deleter.conversationId]);
      expect(chat?.status).toBe('active');
    } finally {
      await crisisOff();
    }
    await eventually(async () => recent.every((p) => updatesTo(p).length === 2), Boolean, 5_000);
    for (const p of recent) {
      const restored = updatedCard(updatesTo(p)[1]!);
      expect(updatesTo(p)[1]!.activityId).toBe(original.get(p.id));
      expect(textOf(restored)).not.toContain('paused');
      expect(shareLinks(restored).length).toBeGreaterThan(0);
    }
    await pause(300);
    for (const p of [old1, old2, deleter]) expect(updatesTo(p)).toHaveLength(0);
    for (const p of people) expect(cardsTo(p)).toHaveLength(1); // updates only, nothing new sent
  });

  it('the crisis card goes ahead of the card updates, and both keep the tenant pace', async () => {
    const people = await group(60);
    await deliverItem(people);
    const before = h.connector.timeline.length;
    await crisisOn({ notifyEveryone: true });
    let phase: typeof h.connector.timeline;
    try {
      await eventually(async () => people.every((p) => updatesTo(p).length === 1 && cardsTo(p).length === 2), Boolean, 30_000);
      phase = h.connector.timeline.slice(before); // before the switch-off sends its all-clears
    } finally {
      await crisisOff();
    }
    // Judged by when the worker handed each request to the network (the fake's `at`), not
    // by arrival order: on a busy machine a notice that left first can arrive after an
    // update that left 20 ms later, which says nothing about the queue's order.
    const lastNotice = Math.max(...phase.filter((t) => t.kind === 'send').map((t) => t.at));
    const firstUpdate = Math.min(...phase.filter((t) => t.kind === 'update').map((t) => t.at));
    expect(phase.filter((t) => t.kind === 'send').length).toBeGreaterThanOrEqual(60);
    expect(lastNotice).toBeLessThan(firstUpdate);
    expect(h.connector.stats().throttled).toBe(0);
    expect(h.connector.stats().maxAcceptedRps).toBeLessThanOrEqual(50);
    // Let the all-clear and the restores finish before the next test.
    await eventually(async () => people.every((p) => updatesTo(p).length === 2 && cardsTo(p).length === 3), Boolean, 30_000);
  });

  it('switching off midway stops the pausing, and restores every card that was paused', async () => {
    const people = await group(120);
    const { itemId } = await deliverItem(people);
    await crisisOn();
    try {
      // (earlier tests' cards are recent too and get paused as well: count only this group's)
      await eventually(async () => people.filter((p) => updatesTo(p).length > 0).length, (n) => n >= 20, 30_000, 5);
    } finally {
      await crisisOff();
    }
    const list = await eventually(
      async () => (await announcements()).filter((a) => a.subject === 'card_update' && a.item?.id === itemId),
      (l) => l.some((a) => a.cardState === 'normal' && a.status === 'done'),
      30_000,
    );
    const paused = list.find((a) => a.cardState === 'paused')!;
    const restored = list.find((a) => a.cardState === 'normal')!;
    expect(paused.status).toBe('cancelled');
    expect(paused.counts.sent).toBeGreaterThanOrEqual(20);
    expect(paused.counts.sent).toBeLessThan(120);
    expect(paused.reasons).toMatchObject({ crisis_over: paused.counts.skipped });
    // Exactly the paused cards are restored, including those still on their way at the
    // switch-off (the restore waits until the sender has let go of them).
    expect(restored.counts).toMatchObject({ total: paused.counts.sent, sent: paused.counts.sent });
    const pausedPeople = people.filter((p) => updatesTo(p).some((u) => textOf(updatedCard(u)).includes('Sharing is paused')));
    expect(pausedPeople).toHaveLength(paused.counts.sent);
    for (const p of pausedPeople) {
      const last = updatesTo(p).at(-1)!;
      expect(textOf(updatedCard(last))).not.toContain('Sharing is paused');
      expect(shareLinks(updatedCard(last)).length).toBeGreaterThan(0);
    }
    expect(people.filter((p) => updatesTo(p).length > 0)).toHaveLength(restored.counts.total);
  });

  it('on, off, on, off in quick succession: every paused card ends restored, everyone who got a crisis card gets one all-clear', async () => {
    const people = await group(100);
    await deliverItem(people);
    const toggles: Array<() => Promise<void>> = [
      () => crisisOn({ notifyEveryone: true }), crisisOff, () => crisisOn({ notifyEveryone: true }), crisisOff,
    ];
    for (const toggle of toggles) {
      await toggle();
      await pause(400); // each switch gets some of its cards out before the next one
    }
    const settledAll = async () => (await announcements()).every((a) => a.status !== 'sending' && a.status !== 'scheduled');
    await eventually(settledAll, Boolean, 20_000);
    for (const p of people) {
      const last = updatesTo(p).at(-1);
      if (last) expect(textOf(updatedCard(last))).not.toContain('Sharing is paused'); // not left paused
      const cards = cardsTo(p).map(textOf);
      const notices = cards.filter((c) => c.includes('Sharing is paused')).length;
      const allClears = cards.filter((c) => c.includes('All clear')).length;
      // everyone who got a crisis card has heard the all-clear after the last one, once per crisis card at most
      if (notices > 0) expect(cards.at(-1)).toContain('All clear');
      expect(allClears).toBeLessThanOrEqual(notices);
    }
  });

  it('a held announcement the admin cancels during the crisis stays cancelled after it', async () => {
    const people = await group(5);
    await crisisOn();
    let id: string;
    try {
      const res = await announce(await publishedItem());
      expect(res.status).toBe(201);
      id = res.body.id;
      expect((await api(h.s.url, 'POST', `/api/v1/admin/announcements/${id}/cancel`, { headers: admin(), body: {} })).status).toBe(200);
    } finally {
      await crisisOff();
    }
    await pause(600);
    expect((await announcement(id)).status).toBe('cancelled');
    for (const p of people) expect(cardsTo(p)).toHaveLength(0);
  });
});

// Needs two server processes' worth of database: PGlite allows one process per data
// directory, so this runs in CI's Postgres pass.
describe.runIf(usingPostgres())('crisis cards sent by another instance', () => {
  it('the worker of a second instance sends the crisis card and the all-clear right after a switch it only hears about', async () => {
    const connector = await new FakeBotConnector({ globalRps: 50 }).start();
    const { db, url, drop } = await createTestDb();
    const web = await startTestServer({ WORKER: 'false' }, { db });
    const admin = (await anAdmin(db)).headers;
    // Its own pool, as another instance would have; it ticks fast, so it starts the crisis
    // card before its own view of the switch (read 4× a second) has caught up.
    const worker = await startTestServer(
      { TEAMS_RATE_LIMIT_RPS: '50' },
      { db: openPostgres(url as string), worker: { connector: connectorClient(async () => undefined), tickMs: 20, idleMs: 10 } },
    );
    try {
      const people = await addReachablePeople(db, 10, { serviceUrl: connector.url, prefix: 'second' });
      const cards = (p: ReachablePerson) => connector.deliveredTo(p.conversationId).map((r) => JSON.stringify(r.activity));
      const on = await api(web.url, 'POST', '/api/v1/admin/crisis', { headers: admin, body: { ...ON, notifyEveryone: true } });
      expect(on.status).toBe(201);
      await eventually(async () => people.every((p) => cards(p).length === 1), Boolean, 5_000);
      // The instructions under the one Markdown policy: their words, no Markdown left for Teams.
      for (const p of people) {
        const card = (connector.deliveredTo(p.conversationId)[0]!.activity.attachments as Array<{ content: unknown }>)[0]!.content;
        expect(renderForTest(card as never).text).toContain('Please share nothing.');
        expect(cards(p)[0]).not.toContain('**');
      }
      expect((await api(web.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin, body: {} })).status).toBe(200);
      await eventually(async () => people.every((p) => cards(p).length === 2), Boolean, 5_000);
      for (const p of people) expect(cards(p)[1]).toContain('All clear');
    } finally {
      await worker.close();
      await web.close();
      await drop();
      await connector.stop();
    }
  });
});

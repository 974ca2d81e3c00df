import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForTest } from '../../bot/src/cards/render-for-test.js';
import { connectorClient, type ConnectorClient } from '../../bot/src/teams/connector-client.js';
import { botTraffic, type Card, type TeamsUser } from '../support/bot-traffic.js';
import { eventually } from '../support/eventually.js';
import { anOnboardingStep } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 14 §4: a rollout by Teams admin policy installs Chorus for hundreds of people at
// once. Every install is answered at once with nothing sent inline; the welcome cards go
// through the send queue at the tenant's pace (TEAMS_RATE_LIMIT_RPS 50, the fake connector
// enforcing Teams' 50/s), exactly one per person.

const TENANT = '14141414-0000-4000-8000-000000000004';
const WAVE = 200;
/** Teams retries an activity it got no quick answer for: some installs arrive twice. */
const TWICE = 20;
/** Installs posted at once, as Teams' many front ends would. */
const PARALLEL = 16;

let connector: FakeBotConnector;
let s: TestServer;
/** Per conversation, when the worker handed each request to the network: the fake judges its limits by these. */
const leaving = new Map<string, number[]>();

beforeAll(async () => {
  connector = await new FakeBotConnector({ globalRps: 50, sentAt: (id) => leaving.get(id)?.shift() }).start();
  const real = connectorClient(async () => undefined);
  const left = (conversationId: string) => {
    const queue = leaving.get(conversationId) ?? [];
    queue.push(performance.now());
    leaving.set(conversationId, queue);
  };
  const recording: ConnectorClient = {
    send: (target, activity) => (left(target.conversationId), real.send(target, activity)),
    update: (target, activityId, activity) => (left(target.conversationId), real.update(target, activityId, activity)),
  };
  s = await startTestServer({ TEAMS_RATE_LIMIT_RPS: '50' }, { worker: { connector: recording, tickMs: 50, idleMs: 20 } });
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

const { activity, send } = botTraffic({ serviceUrl: () => connector.url, serverUrl: () => s.url, tenant: TENANT });
const user = (i: number, prefix = 'wave'): TeamsUser => ({
  id: `29:${prefix}-${i}`,
  aadObjectId: `${prefix === 'wave' ? 'cccccccc' : 'dddddddd'}-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `${prefix === 'wave' ? 'Wave' : 'Late'} ${i}`,
});
const chatOf = (u: TeamsUser) => `a:personal-${u.id}`;
const install = (u: TeamsUser, locale = 'en-US') => send(activity({ type: 'installationUpdate', action: 'add', locale }, u));
const cardOf = (a: { activity: { attachments?: unknown } }) => (a.activity.attachments as Array<{ content: Card }>)[0]!.content;
const shown = (a: { activity: { attachments?: unknown } }) => renderForTest(cardOf(a) as never).text;
const welcomesQueued = async () =>
  (await s.db.query<{ n: number }>(`select count(*)::int as n from announcements where kind = 'welcome'`))[0]!.n;
const allWelcomesDone = () =>
  eventually(
    async () => (await s.db.query<{ n: number }>(`select count(*)::int as n from announcements where kind = 'welcome' and status <> 'done'`))[0]!.n,
    (n) => n === 0,
    30_000,
  );

/** Runs `tasks` with at most `width` at a time. */
async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

describe('an install wave', () => {
  const people = Array.from({ length: WAVE }, (_, i) => user(i));
  const german = (i: number) => i % 3 === 0;

  it(`answers ${WAVE} installs at once without sending anything inline, then welcomes each person exactly once, never bouncing off the limit`, async () => {
    const tasks = [
      ...people.map((u, i) => () => install(u, german(i) ? 'de-DE' : 'en-US')),
      ...people.slice(0, TWICE).map((u, i) => () => install(u, german(i) ? 'de-DE' : 'en-US')),
    ];
    const answers = await pool(tasks, PARALLEL);
    expect(answers.every((a) => a.status === 200 && a.body === undefined)).toBe(true);
    // Answered from the database alone: no reply to an install (an inline card is a reply,
    // with replyToId), no other request of the turn. (How fast the answers are is the
    // machine's business, not a test's: under the full suite a wave answer took up to 11 s.)
    expect(connector.timeline.filter((r) => r.kind !== 'send')).toEqual([]);
    expect(connector.received.filter((r) => r.replyToId !== undefined)).toEqual([]);

    await allWelcomesDone();
    expect(await welcomesQueued()).toBe(WAVE);
    for (const [i, u] of people.entries()) {
      const got = connector.deliveredTo(chatOf(u));
      expect(got, u.name).toHaveLength(1);
      expect(got[0]!.replyToId).toBeUndefined();
      expect(shown(got[0]!)).toContain(german(i) ? `Willkommen bei Chorus, ${u.name}!` : `Welcome to Chorus, ${u.name}!`);
    }
    const stats = connector.stats();
    expect(stats.throttled).toBe(0);
    expect(stats.byStatus[429]).toBeUndefined();
    expect(stats.accepted).toBe(WAVE);
  }, 60_000);

  it('sends no second welcome on a reinstall, even after the app was removed', async () => {
    const before = connector.received.length;
    for (const u of people.slice(0, 5)) {
      expect((await send(activity({ type: 'installationUpdate', action: 'remove' }, u))).status).toBe(200);
      expect((await install(u)).status).toBe(200);
    }
    for (const u of people.slice(5, 10)) expect((await install(u)).status).toBe(200);
    // Nothing queued, so nothing can follow; and nothing was sent inline.
    expect(await welcomesQueued()).toBe(WAVE);
    expect(connector.received.length).toBe(before);
    const [chat] = await s.db.query<{ status: string }>('select status from conversations where id = $1', [chatOf(people[0]!)]);
    expect(chat?.status).toBe('active');
  });

  it('still answers what a person types inline, at once', async () => {
    const u = people[1]!;
    const res = await send(activity({ type: 'message', text: 'help' }, u));
    expect(res.status).toBe(200);
    const got = connector.deliveredTo(chatOf(u));
    expect(got).toHaveLength(2);
    expect(got[1]!.replyToId).toBeDefined(); // a reply to the message: sent inline
    expect(shown(got[1]!)).toMatch(/settings/);
  });
});

describe('the welcome card', () => {
  it('leads a new hire to onboarding while the checklist has steps, and not a colleague who joined long ago', async () => {
    await anOnboardingStep(s.db);
    const newHire = user(1, 'late');
    const veteran = user(2, 'late');
    // The veteran wrote to Chorus before installing it (answered inline), and the directory says they joined years ago.
    await send(activity({ type: 'message', text: 'help' }, veteran));
    await s.db.query(`update people set joined_at = now() - interval '3 years' where aad_object_id = $1`, [veteran.aadObjectId]);
    await install(newHire);
    await install(veteran);
    await allWelcomesDone();
    const welcomeTo = (u: TeamsUser) => connector.deliveredTo(chatOf(u)).filter((r) => r.replyToId === undefined);
    expect(welcomeTo(newHire)).toHaveLength(1);
    expect(shown(welcomeTo(newHire)[0]!)).toContain('New here? Your onboarding shows you around');
    expect(JSON.stringify(cardOf(welcomeTo(newHire)[0]!))).toContain('page=onboarding');
    expect(welcomeTo(veteran)).toHaveLength(1);
    expect(shown(welcomeTo(veteran)[0]!)).toContain(`Welcome to Chorus, ${veteran.name}!`);
    expect(shown(welcomeTo(veteran)[0]!)).not.toContain('New here?');
  });

  it('comes with the next install when the first never reached the person', async () => {
    const u = user(3, 'late');
    connector.block(chatOf(u)); // e.g. the person blocked the bot before the card went out
    await install(u);
    await allWelcomesDone();
    const [chat] = await s.db.query<{ status: string }>('select status from conversations where id = $1', [chatOf(u)]);
    expect(chat?.status).toBe('blocked');
    expect(connector.deliveredTo(chatOf(u))).toHaveLength(0);

    connector.reset(); // unblocked: they add Chorus again
    await install(u);
    await allWelcomesDone();
    const got = connector.deliveredTo(chatOf(u));
    expect(got).toHaveLength(1);
    expect(shown(got[0]!)).toContain(`Welcome to Chorus, ${u.name}!`);
  });
});

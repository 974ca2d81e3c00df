import { afterEach, describe, expect, it } from 'vitest';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { FakeBotConnector, TEAMS_THREAD_WINDOWS, type FakeBotConnectorOptions } from '../support/fake-bot-connector.js';
import { SlidingLog, retryAfterHeader } from '../support/fake-bot-connector-limits.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
const running: FakeBotConnector[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
});

async function fake(options?: FakeBotConnectorOptions) {
  const connector = await new FakeBotConnector(options).start();
  running.push(connector);
  return connector;
}

interface Answer { status: number; retryAfter: string | null; body: { id?: string; activityId?: string; error?: { code: string; message: string } } }

async function call(c: FakeBotConnector, path: string, body: unknown, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const res = await fetch(new URL(path, c.url), {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

const activity = (text: string, tenantId = TENANT) => ({ type: 'message', text, conversation: { id: 'ignored', tenantId } });
const send = (c: FakeBotConnector, conversationId: string, text = 'hi', tenantId = TENANT) =>
  call(c, `v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity(text, tenantId));
const createParams = (memberId: string, tenantId = TENANT) =>
  ({ isGroup: false, bot: { id: '28:chorus-bot' }, members: [{ id: memberId }], tenantId, channelData: { tenant: { id: tenantId } } });

/** Most timestamps inside any window of `ms`. */
function maxInWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

const statuses = (answers: Answer[]) => answers.map((a) => a.status);
const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the fake Bot Connector: Bot Connector v3 routes', () => {
  it('creates a 1:1 conversation with an id that is stable per tenant and member', async () => {
    const c = await fake();
    const first = await call(c, 'v3/conversations', createParams('29:user-1'));
    const again = await call(c, 'v3/conversations', createParams('29:user-1'));
    const other = await call(c, 'v3/conversations', createParams('29:user-2'));
    expect(first).toMatchObject({ status: 201, body: { id: 'a:1on1-29:user-1' } });
    expect(again.body.id).toBe('a:1on1-29:user-1');
    expect(other.body.id).toBe('a:1on1-29:user-2');
    expect(c.created.map((x) => [x.conversationId, x.tenantId, x.memberId, x.botId])).toEqual([
      ['a:1on1-29:user-1', TENANT, '29:user-1', '28:chorus-bot'],
      ['a:1on1-29:user-1', TENANT, '29:user-1', '28:chorus-bot'],
      ['a:1on1-29:user-2', TENANT, '29:user-2', '28:chorus-bot'],
    ]);
  });

  it('refuses what Teams refuses when creating: group chats, no tenant, no member', async () => {
    const c = await fake();
    const group = await call(c, 'v3/conversations', { ...createParams('29:user-1'), isGroup: true });
    const noTenant = await call(c, 'v3/conversations', { isGroup: false, bot: { id: '28:b' }, members: [{ id: '29:user-1' }] });
    const noMember = await call(c, 'v3/conversations', { ...createParams('29:user-1'), members: [] });
    expect(statuses([group, noTenant, noMember])).toEqual([400, 400, 400]);
    expect(noTenant.body.error?.code).toBe('BadArgument');
    expect(c.created).toEqual([]);
  });

  it('records sends and replies with their activity, and answers with the activity id', async () => {
    const c = await fake();
    const sent = await send(c, 'a:1on1-29:user-1', 'hello');
    const replied = await call(c, `v3/conversations/${encodeURIComponent('19:abc@thread.tacv2;messageid=42')}/activities/act-7`, activity('a reply'));
    expect(sent.status).toBe(200);
    expect(replied.status).toBe(200);
    expect(c.received.map((r) => [r.conversationId, r.replyToId, r.activityId, r.tenantId, r.activity.text])).toEqual([
      ['a:1on1-29:user-1', undefined, sent.body.id, TENANT, 'hello'],
      ['19:abc@thread.tacv2;messageid=42', 'act-7', replied.body.id, TENANT, 'a reply'],
    ]);
    expect(c.deliveredTo('a:1on1-29:user-1').map((r) => r.activity.text)).toEqual(['hello']);
    expect(c.received.every((r) => Math.abs(r.at - Date.now()) < 5_000)).toBe(true);
  });

  it('records updates (PUT) of an activity', async () => {
    const c = await fake();
    const sent = await send(c, 'a:1on1-29:user-1', 'v1');
    const updated = await call(c, `v3/conversations/a%3A1on1-29%3Auser-1/activities/${sent.body.id}`, { ...activity('v2'), id: sent.body.id }, { method: 'PUT' });
    expect(updated).toMatchObject({ status: 200, body: { id: sent.body.id } });
    expect(c.updates.map((u) => [u.conversationId, u.activityId, u.activity.text])).toEqual([['a:1on1-29:user-1', sent.body.id, 'v2']]);
    expect(c.timeline.map((t) => t.kind)).toEqual(['send', 'update']);
  });

  it('answers GET member with a registered account, else 404 ConversationNotFound', async () => {
    const c = await fake();
    c.addMember({ id: '29:nia', name: 'Nia', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ee', tenantId: TENANT });
    const team = encodeURIComponent('19:team-general@thread.tacv2');
    const known = await fetch(new URL(`v3/conversations/${team}/members/29%3Ania`, c.url));
    const unknown = await fetch(new URL(`v3/conversations/${team}/members/29%3Astranger`, c.url));
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual({ id: '29:nia', name: 'Nia', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ee', tenantId: TENANT, userRole: 'user' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'ConversationNotFound' } });
    expect(c.timeline.map((t) => [t.kind, t.conversationId])).toEqual([['member', '19:team-general@thread.tacv2']]);
    expect(c.received).toEqual([]);
  });

  it('accepts an Authorization header without validating it, and refuses oversized or broken bodies', async () => {
    const c = await fake();
    const authorized = await call(c, 'v3/conversations/a%3Ax/activities', activity('hi'), { headers: { authorization: 'Bearer not.a.token' } });
    const huge = await send(c, 'a:x', 'x'.repeat(101 * 1024));
    const broken = await call(c, 'v3/conversations/a%3Ax/activities', '{not json');
    const unknown = await call(c, 'v3/nothing-here', {});
    expect(statuses([authorized, huge, broken, unknown])).toEqual([200, 413, 400, 404]);
    expect(huge.body.error?.code).toBe('MessageSizeTooBig');
    expect(c.received).toHaveLength(1);
  });
});

describe('the fake Bot Connector: Teams rate limits', () => {
  it('holds the global limit per tenant: 120 at once with globalRps 50 → 50 accepted, the rest 429 + Retry-After', async () => {
    const c = await fake({ globalRps: 50, perThread: false });
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => send(c, `a:1on1-29:user-${i}`)));
    const stats = c.stats();
    expect(count(answers, 200) + count(answers, 429)).toBe(120);
    expect(stats).toMatchObject({ accepted: count(answers, 200), throttled: count(answers, 429), faults: 0 });
    if (stats.maxObservedRps === 120) expect(stats.accepted).toBe(50); // the whole burst arrived within one second
    expect(stats.maxAcceptedRps).toBe(50);
    expect(maxInWindow(c.received.map((r) => r.at), 1_000)).toBeLessThanOrEqual(50);
    expect(c.received).toHaveLength(stats.accepted); // a 429 is not recorded
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.every((a) => a.retryAfter === '1' && a.body.error?.code === 'Throttled')).toBe(true);
    // Another tenant has its own budget.
    expect((await send(c, 'a:1on1-29:elsewhere', 'hi', OTHER_TENANT)).status).toBe(200);
  });

  it('holds the per-thread limit: 10 quick sends to one conversation → 7 accepted, 3 throttled; then 8 per 2 s', async () => {
    const c = await fake({ retryAfter: 'fractional' });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(c, 'a:1on1-29:user-1', `m${i}`)));
    expect(count(answers, 200)).toBe(7);
    expect(count(answers, 429)).toBe(3);
    expect(c.deliveredTo('a:1on1-29:user-1')).toHaveLength(7);
    const wait = Number(answers.find((a) => a.status === 429)?.retryAfter);
    expect(wait).toBeGreaterThan(0.5);
    expect(wait).toBeLessThanOrEqual(1);
    // Other conversations are not affected.
    expect((await send(c, 'a:1on1-29:user-2')).status).toBe(200);
    await sleep(wait * 1000 + 20);
    const eighth = await send(c, 'a:1on1-29:user-1', 'm8');
    const ninth = await send(c, 'a:1on1-29:user-1', 'm9');
    expect(statuses([eighth, ninth])).toEqual([200, 429]); // the 1 s window has room, the 2 s window (8) is full
    expect(Number(ninth.retryAfter)).toBeGreaterThan(0.5);
    expect(c.stats().throttled).toBe(4);
  });

  it('models all of Teams’ thread windows exactly (synthetic clock): 7/1 s, 8/2 s, 60/30 s', () => {
    const log = new SlidingLog(TEAMS_THREAD_WINDOWS);
    const admitted: number[] = [];
    for (let t = 0; t < 30_000; ) {
      const wait = log.waitMs(t);
      if (wait > 0) t += wait;
      else admitted.push((log.record(t), t));
    }
    expect(admitted.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000]);
    expect(admitted[8]).toBe(2_000);
    expect(admitted).toHaveLength(60);
    expect(maxInWindow(admitted, 1_000)).toBe(7);
    expect(maxInWindow(admitted, 2_000)).toBe(8);
    expect(log.waitMs(29_999)).toBeGreaterThan(0);
    expect(log.waitMs(30_000)).toBe(0);
  });

  it('writes Retry-After as integer seconds like Teams by default, fractional on request', () => {
    expect([retryAfterHeader(20, 'integer'), retryAfterHeader(1_000, 'integer'), retryAfterHeader(1_001, 'integer')]).toEqual(['1', '1', '2']);
    expect([retryAfterHeader(250, 'fractional'), retryAfterHeader(0.2, 'fractional'), retryAfterHeader(1_500, 'fractional')]).toEqual(['0.25', '0.001', '1.5']);
  });

  it('judges the limits by when a sender in another process stamped its requests (sentAtHeader), not by when they arrived', async () => {
    const c = await fake({ globalRps: 50, perThread: false, sentAtHeader: 'x-sent-at' });
    const stamped = (conversationId: string, at: number, tenantId = TENANT) =>
      call(c, `v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity('hi', tenantId), { headers: { 'x-sent-at': String(at) } });
    const past = performance.timeOrigin + performance.now() - 5_000;
    // 60 sent 25 ms apart (40 in any second) that reach the fake all at once: all accepted.
    const spaced = await Promise.all(Array.from({ length: 60 }, (_, i) => stamped(`a:1on1-29:spaced-${i}`, past + i * 25)));
    expect(count(spaced, 200)).toBe(60);
    expect(c.stats().maxObservedRps).toBe(40);
    // 60 sent within one millisecond by another tenant: the limit holds.
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => stamped(`a:1on1-29:burst-${i}`, past + 3_000, OTHER_TENANT)));
    expect([count(burst, 200), count(burst, 429)]).toEqual([50, 10]);
  });

  it('stays exact under hundreds of parallel requests', async () => {
    const c = await fake({ globalRps: Infinity });
    const answers = await Promise.all(Array.from({ length: 400 }, (_, i) => send(c, `a:1on1-29:user-${i % 40}`, `m${i}`)));
    const stats = c.stats();
    expect(stats.accepted + stats.throttled).toBe(400);
    expect(new Set(c.received.map((r) => r.activityId)).size).toBe(stats.accepted);
    expect(answers.filter((a) => a.status === 200).map((a) => a.body.id).sort()).toEqual(c.received.map((r) => r.activityId).sort());
    for (let i = 0; i < 40; i++) {
      expect(maxInWindow(c.deliveredTo(`a:1on1-29:user-${i}`).map((r) => r.at), 1_000)).toBeLessThanOrEqual(7);
    }
    expect(stats.maxObservedRps).toBeGreaterThanOrEqual(stats.maxAcceptedRps);
  });
});

describe('the fake Bot Connector: faults on demand', () => {
  it('answers 403 MessageWritesBlocked for a blocked conversation and 404 for a gone one, recording nothing', async () => {
    const c = await fake();
    c.block('a:1on1-29:blocked').gone('a:1on1-29:gone');
    const blocked = await send(c, 'a:1on1-29:blocked');
    const gone = await send(c, 'a:1on1-29:gone');
    const goneUpdate = await call(c, 'v3/conversations/a%3A1on1-29%3Agone/activities/activity-1', activity('v2'), { method: 'PUT' });
    const blockedCreate = await call(c, 'v3/conversations', createParams('29:blocked'));
    expect(blocked).toMatchObject({ status: 403, body: { error: { code: 'MessageWritesBlocked' } } });
    expect(gone).toMatchObject({ status: 404, body: { error: { code: 'ConversationNotFound' } } });
    expect(statuses([goneUpdate, blockedCreate])).toEqual([404, 403]);
    expect([c.received, c.updates, c.created]).toEqual([[], [], []]);
    expect(c.stats().byStatus).toEqual({ 403: 2, 404: 2 });
  });

  it('failNext(2, 503) → two 503, then OK; an injected 429 carries Retry-After', async () => {
    const c = await fake();
    c.failNext(2, 503);
    const answers = [await send(c, 'a:x', '1'), await send(c, 'a:x', '2'), await send(c, 'a:x', '3')];
    expect(statuses(answers)).toEqual([503, 503, 200]);
    expect(c.received.map((r) => r.activity.text)).toEqual(['3']);
    c.failNext(1, 412).failNext(1, 429, 250);
    const [precondition, throttled] = [await send(c, 'a:y'), await send(c, 'a:y')];
    expect(precondition).toMatchObject({ status: 412, body: { error: { code: 'PreconditionFailed' } } });
    expect(throttled).toMatchObject({ status: 429, retryAfter: '1' });
    expect(c.stats()).toMatchObject({ accepted: 1, faults: 4, throttled: 0, byStatus: { 200: 1, 412: 1, 429: 1, 503: 2 } });
  });

  it('injects 5xx at faultRate from a seeded PRNG: the same seed gives the same run', async () => {
    const run = async (c: FakeBotConnector) => {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await send(c, `a:1on1-29:user-${i}`)).status);
      return out;
    };
    const a = await run(await fake({ faultRate: 0.3, seed: 42 }));
    const b = await run(await fake({ faultRate: 0.3, seed: 42 }));
    const other = await run(await fake({ faultRate: 0.3, seed: 7 }));
    expect(a).toEqual(b);
    expect(other).not.toEqual(a);
    expect(a.filter((s) => s >= 500).length).toBeGreaterThan(3);
    expect(a.every((s) => s === 200 || [500, 502, 503, 504].includes(s))).toBe(true);
    const again = running[0] as FakeBotConnector;
    expect(again.stats().faults).toBe(a.filter((s) => s >= 500).length);
    again.reset();
    expect(await run(again)).toEqual(a); // reset() reseeds
  });

  it('slow(ms) delays answers; slow(0) restores them', async () => {
    const c = await fake();
    c.slow(200);
    let started = performance.now();
    expect((await send(c, 'a:x')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    c.slow(0);
    started = performance.now();
    await send(c, 'a:x');
    expect(performance.now() - started).toBeLessThan(150);
  });

  it('reset() forgets records, counters, limits and faults', async () => {
    const c = await fake();
    const received = c.received;
    c.block('a:x').failNext(5, 500);
    await Promise.all(Array.from({ length: 12 }, () => send(c, 'a:y')));
    c.reset();
    expect(c.stats()).toEqual({ requests: 0, accepted: 0, throttled: 0, faults: 0, byStatus: {}, maxObservedRps: 0, maxAcceptedRps: 0 });
    expect(statuses(await Promise.all([send(c, 'a:x'), send(c, 'a:y')]))).toEqual([200, 200]);
    expect(received).toBe(c.received);
    expect(received).toHaveLength(2);
  });
});

/** As the app builds it for local development: no app id, so botbuilder sends no token. */
const localAdapter = () => new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }));

describe('the fake Bot Connector with the real botbuilder CloudAdapter (no app id)', () => {
  it('creates a conversation, sends and updates, the way the bot will', async () => {
    const c = await fake();
    const adapter = localAdapter();
    let reference: Partial<ConversationReference> | undefined;
    const parameters = createParams('29:user-1') as unknown as ConversationParameters;
    await adapter.createConversationAsync('', 'msteams', c.url, 'https://api.botframework.com', parameters, async (turn) => {
      reference = TurnContext.getConversationReference(turn.activity);
    });
    expect(reference?.conversation?.id).toBe('a:1on1-29:user-1');
    await adapter.continueConversationAsync('', reference as Partial<ConversationReference>, async (turn) => {
      const sent = await turn.sendActivity('a card would go here');
      await turn.updateActivity({ type: 'message', id: sent?.id, text: 'edited' });
    });
    expect(c.created.map((x) => x.conversationId)).toEqual(['a:1on1-29:user-1']);
    expect(c.deliveredTo('a:1on1-29:user-1').map((r) => r.activity.text)).toEqual(['a card would go here']);
    expect(c.updates.map((u) => [u.activityId, u.activity.text])).toEqual([[c.received[0]?.activityId, 'edited']]);
  });

  it('shows that botbuilder itself retries a 429 after Retry-After (the fake counts both attempts)', async () => {
    const c = await fake({ perThread: [{ limit: 1, ms: 150 }], retryAfter: 'fractional' });
    const adapter = localAdapter();
    const reference = { channelId: 'msteams', serviceUrl: c.url, conversation: { id: 'a:1on1-29:user-1', tenantId: TENANT, isGroup: false, conversationType: 'personal', name: '' } };
    await adapter.continueConversationAsync('', reference, async (turn) => {
      await turn.sendActivity('one');
      await turn.sendActivity('two'); // 429 Retry-After ≈ 0.15, retried inside botbuilder, then accepted
    });
    expect(c.received.map((r) => r.activity.text)).toEqual(['one', 'two']);
    expect(c.stats()).toMatchObject({ accepted: 2, throttled: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { FakeBotFrameworkAuth } from '../support/fake-bot-framework-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { botTraffic, type TeamsUser } from '../support/bot-traffic.js';

/**
 * Issue 14 §5: with MicrosoftAppId set, every call to /api/messages must carry a valid Bot
 * Framework token — checked by botbuilder itself, pointed (BOT_OPENID_METADATA_URL) at a fake
 * Bot Framework OpenID metadata document and key set on loopback. Each refused call is a 401
 * and stores nothing: not the conversation, not the person.
 */
const TENANT = '11111111-2222-3333-4444-555555555555';
const APP_ID = '0f3c7a52-6d1e-4b8a-9c2f-5e7d8a9b0c1d';
let s: TestServer;
let connector: FakeBotConnector;
let bf: FakeBotFrameworkAuth;

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  bf = await new FakeBotFrameworkAuth().start();
  s = await startTestServer({
    WORKER: 'false',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-without-replies',
    MicrosoftAppType: 'MultiTenant',
    BOT_OPENID_METADATA_URL: bf.metadataUrl,
  });
});

afterAll(async () => {
  await s?.close();
  await connector?.stop();
  await bf?.stop();
});

const { activity } = botTraffic({ serviceUrl: () => connector.url, serverUrl: () => s.url, tenant: TENANT });
let users = 0;
const aUser = (): TeamsUser => {
  users++;
  return { id: `29:auth-${users}`, aadObjectId: `aaaaaaaa-0000-0000-0000-${String(users).padStart(12, '0')}`, name: `Auth ${users}` };
};

/** A read receipt: stored as the conversation and its person, answered with nothing (no reply needs a token of ours). */
const receipt = (user: TeamsUser, fields: Record<string, unknown> = {}) =>
  activity({ type: 'event', name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId: '1700000000001' }, ...fields }, user);

async function post(body: Record<string, unknown>, token: string | undefined): Promise<number> {
  const res = await fetch(`${s.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

const stored = async (user: TeamsUser) => {
  const [row] = await s.db.query<{ conversations: number; people: number }>(
    `select (select count(*) from conversations where id = $1)::int as conversations, (select count(*) from people where aad_object_id = $2)::int as people`,
    [`a:personal-${user.id}`, user.aadObjectId],
  );
  return row;
};

describe('the bot endpoint with a real app id', () => {
  it('accepts an activity with a valid Bot Framework token and remembers the conversation', async () => {
    const user = aUser();
    expect(await post(receipt(user), await bf.token(APP_ID, connector.url))).toBe(200);
    expect(await stored(user)).toEqual({ conversations: 1, people: 1 });
    expect(bf.requests).toBeGreaterThanOrEqual(2); // the metadata document and the keys were read
  });

  it('refuses with 401 and stores nothing: no token, a forged signature, another audience, expired, another issuer, another serviceUrl', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, () => Promise<string | undefined>, Record<string, unknown>?]> = [
      ['no token', async () => undefined],
      ['not a token', async () => 'not-a-jwt'],
      ['a forged signature', async () => bf.token(APP_ID, connector.url, { key: await FakeBotFrameworkAuth.otherKey() })],
      ['a key nobody published', async () => bf.token(APP_ID, connector.url, { kid: 'unknown-key' })],
      ['another audience', async () => bf.token(APP_ID, connector.url, { audience: 'another-bot-app-id' })],
      // Beyond botbuilder's five minutes of clock tolerance.
      ['expired', async () => bf.token(APP_ID, connector.url, { expiresAt: now - 600 })],
      ['another issuer', async () => bf.token(APP_ID, connector.url, { issuer: 'https://evil.example' })],
      // The token was issued for the connector; the activity names another serviceUrl to post to.
      ['another serviceUrl', async () => bf.token(APP_ID, connector.url), { serviceUrl: 'http://127.0.0.1:9/evil/' }],
    ];
    for (const [why, token, fields] of cases) {
      const user = aUser();
      expect(await post(receipt(user, fields), await token()), why).toBe(401);
      expect(await stored(user), why).toEqual({ conversations: 0, people: 0 });
    }
  });
});

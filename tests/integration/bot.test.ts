import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
let connector: FakeBotConnector;
let s: TestServer;

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

function message(text: string, locale: string, id: string) {
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: '29:user-1', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Ada' },
    conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: TENANT },
    recipient: { id: '28:chorus-bot', name: 'Chorus' },
    text,
    locale,
    channelData: { tenant: { id: TENANT } },
  };
}

describe('the bot endpoint (real botbuilder CloudAdapter over HTTP)', () => {
  it('answers a personal message through the Bot Connector, in the sender’s language', async () => {
    const texts = () => connector.received.map((r) => JSON.stringify(r.activity.attachments ?? r.activity.text));
    const en = await fetch(`${s.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message('hi', 'en-US', 'act-1')) });
    expect(en.status).toBe(200);
    const de = await fetch(`${s.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message('hallo', 'de-DE', 'act-2')) });
    expect(de.status).toBe(200);
    expect(connector.received.map((r) => [r.conversationId, r.replyToId])).toEqual([
      ['a:personal-chat-1', 'act-1'],
      ['a:personal-chat-1', 'act-2'],
    ]);
    // Greetings get the help card: English, then German.
    expect(texts()[0]).toMatch(/settings/);
    expect(texts()[1]).toMatch(/einstellungen/i);
  });

  it('refuses unsigned activities once an app id is configured', async () => {
    const secured = await startTestServer({
      MicrosoftAppId: '00000000-0000-0000-0000-00000000b075',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: TENANT,
    });
    try {
      const before = connector.received.length;
      const res = await fetch(`${secured.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message('hi', 'en-US', 'act-3')) });
      expect(res.status).toBe(401);
      expect(connector.received.length).toBe(before);
    } finally {
      await secured.close();
    }
  });
});

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

let seq = 0;
function activity(fields: Record<string, unknown>, user = { id: '29:ada', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ad', name: 'Ada' }) {
  return {
    id: `act-${++seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: user,
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT },
    recipient: { id: '28:chorus-bot', name: 'Chorus' },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    ...fields,
  };
}

async function send(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${s.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

type Card = { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> };
const lastCard = (): Card => {
  const act = connector.received[connector.received.length - 1]?.activity as { attachments?: Array<{ content: Card }> };
  return act.attachments?.[0]?.content as Card;
};
const cardText = (card: Card) => JSON.stringify(card);
/** Every Action.OpenUrl target in a card, wherever it sits (actions, ActionSets, fallbacks). */
function openUrls(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(openUrls);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'Action.OpenUrl' && typeof o.url === 'string' ? [o.url] : [];
  return [...own, ...Object.values(o).flatMap(openUrls)];
}
const prefs = async (aad: string) =>
  (await s.db.query<{ notification_level: string; paused: boolean }>(
    'select p.notification_level, p.paused from preferences p join people x on x.id = p.person_id where x.aad_object_id = $1',
    [aad],
  ))[0];

describe('the bot in conversations', () => {
  it('remembers a personal install and welcomes the person, voluntarily', async () => {
    const res = await send(activity({ type: 'installationUpdate', action: 'add' }));
    expect(res.status).toBe(200);
    const [row] = await s.db.query<{ kind: string; status: string; service_url: string }>(
      `select kind, status, service_url from conversations where id = 'a:personal-29:ada'`,
    );
    expect(row).toEqual({ kind: 'personal', status: 'active', service_url: connector.url });
    expect(cardText(lastCard())).toMatch(/voluntary/i);
  });

  it('answers help, and unknown text with the help card rather than silence', async () => {
    await send(activity({ type: 'message', text: 'hlep' }));
    const help = cardText(lastCard());
    await send(activity({ type: 'message', text: 'what is the weather' }));
    expect(cardText(lastCard())).toBe(help);
    expect(help).toMatch(/settings/);
  });

  it('speaks German to German Teams clients', async () => {
    const hans = { id: '29:hans', aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000000d', name: 'Hans' };
    await send(activity({ type: 'message', text: 'hilfe', locale: 'de-DE' }, hans));
    expect(cardText(lastCard())).toMatch(/einstellungen/i);
  });

  it('shows the latest items as cards with share buttons leading to the person’s share pages', async () => {
    const before = connector.received.length;
    await send(activity({ type: 'message', text: 'latest' }));
    const cards = connector.received.slice(before).map((r) => (r.activity as { attachments: Array<{ content: Card }> }).attachments[0]!.content);
    expect(cards.length).toBeGreaterThan(0);
    const urls = cards.flatMap(openUrls).filter((u) => u.includes('/s/'));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => /\/s\/[A-Za-z0-9_-]{24}\?network=(linkedin|x|facebook|xing)$/.test(u))).toBe(true);
    expect((await fetch(urls[0] as string)).status).toBe(200);
  });

  it('pauses on "stop" and resumes on "start"', async () => {
    await send(activity({ type: 'message', text: 'STOPP' }));
    expect((await prefs('aaaaaaaa-0000-0000-0000-0000000000ad'))?.paused).toBe(true);
    await send(activity({ type: 'message', text: 'start' }));
    expect((await prefs('aaaaaaaa-0000-0000-0000-0000000000ad'))?.paused).toBe(false);
  });

  it('saves settings from the card (Action.Execute) and answers with the updated card', async () => {
    const res = await send(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'settings.save', data: { notificationLevel: 'digest', language: 'de' } } },
      }),
    );
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: Card };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toMatch(/gespeichert/i);
    expect((await prefs('aaaaaaaa-0000-0000-0000-0000000000ad'))?.notification_level).toBe('digest');
  });

  it('keeps the language chosen in the settings even when the Teams client speaks another', async () => {
    await send(activity({ type: 'message', text: 'help', locale: 'en-US' }));
    expect(cardText(lastCard())).toMatch(/einstellungen/i);
  });

  it('refuses a settings card with bad values and changes nothing', async () => {
    await send(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'settings.save', data: { notificationLevel: 'hourly', language: 'fr' } } },
      }),
    );
    expect((await prefs('aaaaaaaa-0000-0000-0000-0000000000ad'))?.notification_level).toBe('digest');
  });

  it('records "Not for me" once and shows the thank-you state', async () => {
    const [item] = await s.db.query<{ id: string }>(`select id from items where status = 'published' order by publish_at desc limit 1`);
    for (let i = 0; i < 2; i++) {
      const res = await send(
        activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'item.notForMe', data: { itemId: item!.id } } } }),
      );
      expect((res.body as { statusCode: number }).statusCode).toBe(200);
    }
    const [row] = await s.db.query<{ n: number }>('select count(*)::int as n from feedback where item_id = $1', [item!.id]);
    expect(row?.n).toBe(1);
  });

  it('opens a 1:1 chat for people who join a team the bot is in', async () => {
    const newcomer = { id: '29:newcomer', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ee', name: 'Nia' };
    // Teams' connector knows the team's members; botbuilder looks each new one up.
    connector.addMember({ ...newcomer, tenantId: TENANT });
    await send(
      activity({
        type: 'conversationUpdate',
        membersAdded: [newcomer],
        conversation: { id: '19:team-general@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: '19:team-general@thread.tacv2' }, eventType: 'teamMemberAdded' },
      }),
    );
    const [row] = await s.db.query<{ kind: string; status: string }>(
      `select c.kind, c.status from conversations c join people p on p.id = c.person_id where p.aad_object_id = $1`,
      [newcomer.aadObjectId],
    );
    expect(row).toEqual({ kind: 'personal', status: 'active' });
    expect(connector.created.length).toBeGreaterThan(0);
  });

  it('marks the conversation gone when the app is uninstalled', async () => {
    await send(activity({ type: 'installationUpdate', action: 'remove' }));
    const [row] = await s.db.query<{ status: string }>(`select status from conversations where id = 'a:personal-29:ada'`);
    expect(row?.status).toBe('gone');
  });
});

import { renderForTest } from '../../bot/src/cards/render-for-test.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botTraffic, type Card } from '../support/bot-traffic.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, anItem, daysAgo, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
let connector: FakeBotConnector;
let s: TestServer;
let adminPerson: TestPerson;

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  s = await startTestServer();
  adminPerson = await anAdmin(s.db);
  // The newest items are for everyone to see and share; a draft and an older one for
  // Engineering, which nobody here may see.
  await anItem(s.db, { title: 'What we learned from our first accessibility audit', publishAt: daysAgo(1) });
  await anItem(s.db, { title: 'A day in the life of our apprentices', publishAt: daysAgo(2) });
  await anItem(s.db, { title: 'Customer story: how a bakery chain plans 40 shops', status: 'draft' });
  await anItem(s.db, { title: 'Einblick: So testen wir unsere Software', audience: { departments: ['Engineering'], locations: [] }, publishAt: daysAgo(9) });
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

const { activity, send } = botTraffic({ serviceUrl: () => connector.url, serverUrl: () => s.url, tenant: TENANT });

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
  it('remembers a personal install and welcomes the person, voluntarily — through the queue, not inline', async () => {
    const res = await send(activity({ type: 'installationUpdate', action: 'add' }));
    expect(res.status).toBe(200);
    const [row] = await s.db.query<{ kind: string; status: string; service_url: string }>(
      `select kind, status, service_url from conversations where id = 'a:personal-29:ada'`,
    );
    expect(row).toEqual({ kind: 'personal', status: 'active', service_url: connector.url });
    // Nothing answered inline (a reply to the install activity); the delivery worker sends it.
    expect(connector.received.filter((r) => r.replyToId !== undefined)).toEqual([]);
    const [welcome] = await eventually(async () => connector.deliveredTo('a:personal-29:ada'), (got) => got.length > 0);
    expect(welcome?.replyToId).toBeUndefined();
    expect(JSON.stringify(welcome?.activity)).toMatch(/voluntary/i);
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
    const res = await send(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'settings.save', data: { notificationLevel: 'hourly', language: 'fr' } } },
      }),
    );
    expect((res.body as { statusCode: number }).statusCode).toBe(200);
    expect(cardText((res.body as { value: Card }).value)).not.toMatch(/gespeichert/i);
    expect((await prefs('aaaaaaaa-0000-0000-0000-0000000000ad'))?.notification_level).toBe('digest');
  });

  it('records "Not for me" once and shows the thank-you state', async () => {
    const [item] = await s.db.query<{ id: string }>(`select id from items where status = 'published' order by publish_at desc limit 1`);
    for (let i = 0; i < 2; i++) {
      const res = await send(
        activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'item.notForMe', data: { itemId: item!.id } } } }),
      );
      const body = res.body as { statusCode: number; value: Card };
      expect(body.statusCode).toBe(200);
      // The thank-you state: no share buttons left on the card.
      expect(openUrls(body.value).filter((u) => u.includes('/s/'))).toEqual([]);
    }
    const [row] = await s.db.query<{ n: number }>('select count(*)::int as n from feedback where item_id = $1', [item!.id]);
    expect(row?.n).toBe(1);
  });

  it('stores the optional reason of "Not for me", keeps it when sent again without, and ignores unknown reasons', async () => {
    const [item] = await s.db.query<{ id: string }>(`select id from items where title = 'A day in the life of our apprentices'`);
    const notForMe = (data: Record<string, unknown>) =>
      send(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'item.notForMe', data: { itemId: item!.id, ...data } } } }));
    const reason = async () => (await s.db.query<{ reason: string | null }>('select reason from feedback where item_id = $1', [item!.id]))[0]?.reason;
    expect(((await notForMe({ reason: '<b>spam</b>' })).body as { statusCode: number }).statusCode).toBe(200);
    expect(await reason()).toBeNull();
    await notForMe({ reason: 'not_my_network' });
    expect(await reason()).toBe('not_my_network');
    await notForMe({});
    expect(await reason()).toBe('not_my_network');
    const rows = await s.db.query('select 1 from feedback where item_id = $1', [item!.id]);
    expect(rows).toHaveLength(1);
  });

  it('opens a 1:1 chat for people who join a team the bot is in, and welcomes them through the queue', async () => {
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
    const chat = connector.created.find((c) => c.memberId === newcomer.id)!.conversationId;
    const welcomes = await eventually(async () => connector.deliveredTo(chat), (got) => got.length > 0);
    expect(welcomes).toHaveLength(1);
    const card = (welcomes[0]!.activity.attachments as Array<{ content: Card }>)[0]!.content;
    expect(renderForTest(card as never).text).toContain('Welcome to Chorus, Nia!');
  });

  it('marks the conversation gone when the app is uninstalled', async () => {
    await send(activity({ type: 'installationUpdate', action: 'remove' }));
    const [row] = await s.db.query<{ status: string }>(`select status from conversations where id = 'a:personal-29:ada'`);
    expect(row?.status).toBe('gone');
  });
});

describe('the bot keeps personal things personal', () => {
  const invoke = (verb: string, data: Record<string, unknown>, user?: { id: string; aadObjectId: string; name: string }) =>
    send(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, user));
  const bo = { id: '29:bo', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000b0', name: 'Bo' };

  it('never shows a draft or an item meant for others, and mints no share link for it', async () => {
    const [draft] = await s.db.query<{ id: string }>(`select id from items where status = 'draft' limit 1`);
    const [engineeringOnly] = await s.db.query<{ id: string }>(`select id from items where 'Engineering' = any(audience_departments) limit 1`);
    const tokensBefore = (await s.db.query<{ n: number }>('select count(*)::int as n from share_tokens'))[0]?.n;
    for (const id of [draft!.id, engineeringOnly!.id]) {
      const res = await invoke('item.refresh', { itemId: id }, bo);
      expect((res.body as { statusCode: number }).statusCode).toBe(400);
      expect(JSON.stringify(res.body)).not.toMatch(/Customer story|So testen wir/);
    }
    expect((await s.db.query<{ n: number }>('select count(*)::int as n from share_tokens'))[0]?.n).toBe(tokensBefore);
  });

  it('answers a bad item id with an error body, not a failure message in the chat', async () => {
    const before = connector.received.length;
    for (const itemId of ['-'.repeat(36), '00000000-0000-4000-8000-000000000000', 42]) {
      const res = await invoke('item.notForMe', { itemId }, bo);
      // botbuilder answers the HTTP call with the invoke response's own status code.
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    }
    expect(connector.received.length).toBe(before);
  });

  it('does not post share links or settings into a channel', async () => {
    const before = connector.received.length;
    await send(
      activity(
        {
          type: 'message',
          text: '<at>Chorus</at> latest',
          conversation: { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', tenantId: TENANT },
          channelData: { tenant: { id: TENANT }, team: { id: '19:general@thread.tacv2' } },
        },
        bo,
      ),
    );
    const posted = connector.received.slice(before).map((r) => JSON.stringify(r.activity));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatch(/1:1 chat/);
    expect(posted[0]).not.toMatch(/\/s\//);
    // The channel is remembered once, without the thread suffix and without who spoke.
    const rows = await s.db.query<{ id: string; reference: { user?: unknown } }>(`select id, reference from conversations where kind = 'channel'`);
    expect(rows.map((r) => r.id)).toContain('19:general@thread.tacv2');
    expect(rows.every((r) => !r.id.includes(';messageid=') && r.reference.user === undefined)).toBe(true);
  });

  it('treats app upgrades as upgrades: no second welcome, the chat stays active', async () => {
    await send(activity({ type: 'installationUpdate', action: 'add' }, bo));
    const welcomes = () => connector.received.filter((r) => r.conversationId === 'a:personal-29:bo' && /voluntary/i.test(JSON.stringify(r.activity))).length;
    await eventually(async () => welcomes(), (n) => n === 1);
    await send(activity({ type: 'installationUpdate', action: 'add-upgrade' }, bo));
    await send(activity({ type: 'installationUpdate', action: 'remove-upgrade' }, bo));
    // One welcome queued for Bo, ever; the upgrades queued nothing (and sent nothing inline).
    const [queued] = await s.db.query<{ n: number }>(
      `select count(*)::int as n from announcements a join people p on p.id::text = a.payload->>'personId' where a.kind = 'welcome' and p.aad_object_id = $1`,
      [bo.aadObjectId],
    );
    expect(queued?.n).toBe(1);
    expect(welcomes()).toBe(1);
    const [row] = await s.db.query<{ status: string }>(`select status from conversations where id = 'a:personal-29:bo'`);
    expect(row?.status).toBe('active');
  });

  it('ignores activities from tenants it does not serve', async () => {
    const scoped = await startTestServer({ ENTRA_TENANT_IDS: TENANT });
    try {
      const stranger = { ...activity({ type: 'message', text: 'help' }), conversation: { id: 'a:x', conversationType: 'personal', tenantId: '99999999-0000-0000-0000-000000000000' }, channelData: { tenant: { id: '99999999-0000-0000-0000-000000000000' } } };
      const before = connector.received.length;
      await fetch(`${scoped.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stranger) });
      expect(connector.received.length).toBe(before);
      expect((await scoped.db.query<{ n: number }>('select count(*)::int as n from conversations'))[0]?.n).toBe(0);
    } finally {
      await scoped.close();
    }
  });
});

describe('the bot in crisis mode', () => {
  const admin = () => ({ ...adminPerson.headers, 'content-type': 'application/json' });
  const crisis = (path: string, body: unknown) => fetch(`${s.url}/api/v1/admin/crisis${path}`, { method: 'POST', headers: admin(), body: JSON.stringify(body) });

  const cleo = { id: '29:cleo', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000c1', name: 'Cleo' };

  it('answers "latest" with the instructions, and cards refresh to "paused" without share buttons; all back after', async () => {
    const [item] = await s.db.query<{ id: string }>(
      `select id from items where status = 'published' and cardinality(audience_departments) = 0 and cardinality(audience_locations) = 0 limit 1`,
    );
    const refresh = async () => {
      const res = await send(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'item.refresh', data: { itemId: item!.id } } } }, cleo));
      return (res.body as { value: Card }).value;
    };
    await send(activity({ type: 'message', text: 'help' }, cleo)); // Cleo is known to the bot
    expect(openUrls(await refresh()).some((u) => u.includes('/s/'))).toBe(true);

    expect((await crisis('', { reason: 'Recall', instructions: { de: 'Bitte nichts teilen.', en: 'Please share **nothing**; ask the press office.' } })).status).toBe(201);
    try {
      const before = connector.received.length;
      await send(activity({ type: 'message', text: 'latest' }, cleo));
      const replies = connector.received.slice(before).map((r) => r.activity);
      expect(replies).toHaveLength(1);
      // The crisis card: the instructions under the one Markdown policy (no Markdown left for
      // Teams to interpret), the way to the Crisis page, and no share button.
      const notice = (replies[0]!.attachments as Array<{ content: Card }> | undefined)?.[0]?.content as Card;
      const shown = renderForTest(notice as never).text;
      expect(shown).toMatch(/Sharing is paused/);
      expect(shown).toContain('Please share nothing; ask the press office.');
      expect(JSON.stringify(notice)).not.toContain('**');
      expect(openUrls(notice).some((u) => u.includes('crisis'))).toBe(true);
      expect(openUrls(notice).filter((u) => u.includes('/s/'))).toEqual([]);

      const paused = await refresh();
      expect(cardText(paused)).toContain('Sharing is paused right now.');
      expect(openUrls(paused).filter((u) => u.includes('/s/'))).toEqual([]);
    } finally {
      expect((await crisis('/off', {})).status).toBe(200);
    }
    expect(openUrls(await refresh()).some((u) => u.includes('/s/'))).toBe(true);
  });
});

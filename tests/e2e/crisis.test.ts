// Crisis "one voice" mode: Clara (admin) switches it on from the Crisis page after the
// server refused an incomplete form, with everyone in Teams notified; Aylin's open tab shows
// the banner within seconds, the instructions on the Crisis page and no share buttons, and a
// share link she posted earlier answers 423 with the instructions. Two people reachable
// through the fake Bot Connector get the crisis message and see their card paused; the
// Announcements page lists both (in English and German). Clara switches it off: all is
// back, the card restored and an all-clear sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { addReachablePeople, type ReachablePerson } from '../support/reachable.js';
import { browserSuite, callApi, chooseLanguage, eventually, extraSandbox, openTabAs } from './helpers.js';

const INSTRUCTIONS = 'Please **do not** comment on the outage in public.\n\n- Refer journalists to the press office.\n\n<script>window.pwned = 1</script>';
const SPOKESPERSON = 'Petra Press';
const BANNER = 'One voice: please do not share right now';
const BANNER_DE = 'Eine Stimme: Bitte teilen Sie gerade nichts';
/** An item announced to the reachable people before the crisis: its delivered cards get paused. */
const DESK_TITLE = 'Our crisis desk: who answers the phone at night';
const NOTIFY_SENTENCE = 'Everyone in Teams gets a message with these instructions, before anything else.';
const CARDS_SENTENCE = 'Item cards delivered in the last 14 days are updated to show sharing is paused.';

const suite = browserSuite({ viewport: { width: 1200, height: 900 } });
/** Aylin's own browser, next to Clara's. */
const employee = extraSandbox(suite, { viewport: { width: 1000, height: 800 } });
/** Where the reachable people's Teams chats live. */
let connector: FakeBotConnector;
beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});
afterAll(async () => {
  await connector?.stop();
});

const api = <T>(method: string, path: string, person: string, body?: unknown) => callApi<T>(suite.server, person, method, path, body);
const shareButtons = (page: Page) => page.getByRole('main').getByRole('button', { name: /^Share / });

interface Listed {
  subject: string;
  status: string;
  item: { id: string; title: string } | null;
  cardState: string | null;
  counts: { total: number; sent: number };
}
const announcements = async () => (await api<{ items: Listed[] }>('GET', '/admin/announcements', 'clara')).body.items;
/** Waits until every announcement of `subject` (and card state) is done, and returns them. */
const finished = async (subject: string, cardState: string | null = null) => {
  const match = (a: Listed) => a.subject === subject && a.cardState === cardState;
  const all = await eventually(announcements, (items) => items.some(match) && items.filter(match).every((a) => a.status === 'done'), 20_000);
  return all.filter(match);
};

const updatesTo = (p: ReachablePerson) => connector.updates.filter((u) => u.conversationId === p.conversationId).length;

/** Two people with Chorus in their Teams chat, who got the DESK_TITLE card. */
let reachable: ReachablePerson[];
let deskItemId: string;

/** A share page Aylin opened before the crisis: its address is what she may have posted. */
let sharePageUrl: string;

describe('crisis mode', () => {
  it('shows Aylin share buttons and no banner while all is calm', async () => {
    reachable = await addReachablePeople(suite.server.db, 2, { serviceUrl: connector.url, department: 'Crisis Desk', prefix: 'cd' });
    const created = await api<{ item: { id: string } }>('POST', '/admin/items', 'clara', {
      kind: 'article',
      title: DESK_TITLE,
      url: 'https://www.contoso.example/en/blog/crisis-desk',
      why: 'Shows the night shift that keeps customers informed.',
      language: 'en',
      audience: { departments: ['Crisis Desk'], locations: [] },
    });
    deskItemId = created.body.item.id;
    expect((await api('POST', `/admin/items/${deskItemId}/publish`, 'clara', {})).status).toBe(200);
    expect((await api('POST', `/admin/items/${deskItemId}/announce`, 'clara', {})).status).toBe(201);

    const feed = await api<{ items: Array<{ id: string }> }>('GET', '/items', 'aylin');
    const item = feed.body.items[0];
    expect(item).toBeDefined();
    const link = await api<{ url: string }>('POST', `/items/${item?.id}/share-link`, 'aylin', {});
    sharePageUrl = link.body.url;
    expect(sharePageUrl).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
    expect((await fetch(sharePageUrl)).status).toBe(200);

    const { page } = employee.box;
    await openTabAs(suite.server, page, '?page=share', 'Aylin Demir');
    await shareButtons(page).first().waitFor();
    expect(await page.getByText(BANNER).count()).toBe(0);
    // Employees see no Crisis tab while it is off.
    expect(await page.getByRole('navigation').getByRole('tab', { name: 'Crisis' }).count()).toBe(0);

    const [announced] = await finished('item');
    expect(announced?.counts.sent).toBe(2);
    for (const p of reachable) expect(connector.deliveredTo(p.conversationId)).toHaveLength(1);
    // The first of them deletes the card: it cannot be paused (or restored) in place.
    const [gone] = connector.deliveredTo(reachable[0]!.conversationId);
    connector.deleteActivity(reachable[0]!.conversationId, gone!.activityId);
  });

  it('lets Clara switch it on, notifying everyone, after the server points at the missing fields', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=crisis', 'Clara Schmidt', 'English');
    await page.getByRole('heading', { level: 1, name: 'Crisis: one voice' }).waitFor();
    await page.getByRole('heading', { name: 'No crisis right now' }).waitFor();
    await page.getByText('Crisis mode has never been switched on.').waitFor();

    const form = page.getByRole('form', { name: 'Switch crisis mode on' });
    const dialog = page.getByRole('dialog');
    // "Notify everyone" is off until Clara ticks it.
    expect(await form.getByRole('checkbox', { name: 'Notify everyone in Teams' }).isChecked()).toBe(false);
    // Nothing filled in: the dialog says what would happen, the server says what is missing.
    await form.getByRole('button', { name: 'Switch crisis mode on' }).click();
    await dialog.getByText('Sharing pauses everywhere at once').waitFor();
    await dialog.getByText('Links already posted keep leading to the content').waitFor();
    await dialog.getByText('Announcements wait until crisis mode ends; weekly digests due meanwhile are skipped.').waitFor();
    await dialog.getByText(CARDS_SENTENCE).waitFor();
    expect(await dialog.getByText(NOTIFY_SENTENCE).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Switch crisis mode on' }).click();
    await form.getByText(/^is required: why/).waitFor();
    await form.getByText(/^are required: what employees should say/).first().waitFor();
    expect((await api<{ active: boolean }>('GET', '/admin/crisis', 'clara')).body.active).toBe(false);

    await form.getByRole('textbox', { name: /^Reason/ }).fill('Data-centre outage in the news');
    await form.getByRole('textbox', { name: 'Instructions in English (Markdown)' }).fill(INSTRUCTIONS);
    await form.getByRole('textbox', { name: 'Spokesperson' }).fill(SPOKESPERSON);
    await form.getByRole('textbox', { name: 'Statement URL' }).fill('https://www.contoso.example/en/statement');
    await form.getByRole('checkbox', { name: 'Notify everyone in Teams' }).check();
    await form.getByRole('button', { name: 'Switch crisis mode on' }).click();
    await dialog.getByText(NOTIFY_SENTENCE, { exact: false }).waitFor();
    await dialog.getByText(CARDS_SENTENCE, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Switch crisis mode on' }).click();

    await page.getByRole('button', { name: 'Switch off' }).waitFor();
    await page.getByText(/^On since /).waitFor();
    await page.getByText('0 shares refused').waitFor();
    await page.getByText('Switched on by Clara Schmidt').waitFor();
    // Clara's own tab shows the banner and the instructions at once.
    await page.getByText(BANNER).waitFor();
    await page.getByText('Please do not comment on the outage in public.', { exact: false }).waitFor();
    expect((await api<{ notifyEveryone: boolean }>('GET', '/admin/crisis', 'clara')).body.notifyEveryone).toBe(true);
  });

  it('sends the crisis message to everyone reachable, pauses their card, and lists both, in English and German', async () => {
    const [notice] = await finished('crisis_notice');
    expect(notice?.counts.sent).toBe(2);
    const [paused] = await finished('card_update', 'paused');
    expect(paused?.item).toEqual({ id: deskItemId, title: DESK_TITLE });
    expect(paused?.counts).toMatchObject({ total: 2, sent: 1, skipped: 1 });
    for (const p of reachable) expect(connector.deliveredTo(p.conversationId)).toHaveLength(2);
    expect(updatesTo(reachable[0]!)).toBe(0);
    expect(updatesTo(reachable[1]!)).toBe(1);

    const { page } = suite.box;
    await page.getByRole('tab', { name: 'Admin · Announcements' }).click();
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Announcements' }).waitFor();
    const noticeRow = main.getByRole('article', { name: 'Crisis message to everyone' });
    await noticeRow.getByText('Finished', { exact: true }).waitFor();
    // The paused cards' row leads to their item, like an item announcement's.
    const pausedRow = main.getByRole('article', { name: `Cards paused: ${DESK_TITLE}` });
    expect(await pausedRow.getByRole('link', { name: `Cards paused: ${DESK_TITLE}` }).getAttribute('href')).toBe(`#/admin/items/${deskItemId}`);
    await pausedRow.getByText('Card deleted in Teams: 1').waitFor();

    await chooseLanguage(page, 'Deutsch');
    await page.getByText(BANNER_DE).waitFor();
    await main.getByRole('article', { name: 'Krisennachricht an alle' }).getByText('Abgeschlossen', { exact: true }).waitFor();
    await main.getByRole('article', { name: `Karten pausiert: ${DESK_TITLE}` }).getByText('Karte in Teams gelöscht: 1').waitFor();
    await chooseLanguage(page, 'English');
    await page.getByRole('tab', { name: 'Crisis' }).click();
    await page.getByRole('button', { name: 'Switch off' }).waitFor();
  });

  it('shows Aylin the banner and the instructions, hides share buttons, and refuses her posted link', async () => {
    const { page } = employee.box;
    // Her tab polls: no reload needed.
    await page.getByText(BANNER).waitFor({ timeout: 15_000 });
    await shareButtons(page).first().waitFor({ state: 'detached' });
    expect(await shareButtons(page).count()).toBe(0);
    await page.getByText('Sharing is paused during crisis mode.').first().waitFor();

    await page.getByRole('link', { name: 'Read the instructions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Crisis: one voice' }).waitFor();
    expect(page.url()).toMatch(/#\/crisis$/);
    const instructions = page.getByTestId('crisis-instructions');
    // Markdown rendered, raw HTML shown as text and never run.
    expect(await instructions.locator('strong').innerText()).toBe('do not');
    expect(await instructions.locator('li').innerText()).toBe('Refer journalists to the press office.');
    expect(await instructions.innerText()).toContain('<script>window.pwned = 1</script>');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.getByText(`Refer questions to ${SPOKESPERSON}`).waitFor();
    expect(await page.getByRole('link', { name: 'Official statement' }).getAttribute('href')).toBe('https://www.contoso.example/en/statement');
    await page.getByText(/^Since /).waitFor();
    // Employees get no admin controls.
    expect(await page.getByRole('button', { name: 'Switch off' }).count()).toBe(0);

    const refused = await fetch(sharePageUrl);
    expect(refused.status).toBe(423);
    expect(await refused.text()).toContain('Refer journalists to the press office.');
  });

  it('lets Clara switch it off: everything is back for Aylin, cards restored, an all-clear sent', async () => {
    const { page } = suite.box;
    await page.getByRole('button', { name: 'Switch off' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Sharing is back for everyone').waitFor();
    await dialog.getByText('Held announcements resume, and paused cards in Teams are restored.', { exact: false }).waitFor();
    await dialog.getByText('Everyone who got the crisis message gets an all-clear.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Switch off' }).click();
    await page.getByRole('form', { name: 'Switch crisis mode on' }).waitFor();
    await page.getByText('Switched off by Clara Schmidt').waitFor();
    await page.getByRole('heading', { name: 'No crisis right now' }).waitFor();

    const aylin = employee.box.page;
    await aylin.getByText(BANNER).waitFor({ state: 'detached', timeout: 15_000 });
    await aylin.getByRole('heading', { name: 'No crisis right now' }).waitFor();
    await aylin.getByRole('tab', { name: 'Share', exact: true }).click();
    await shareButtons(aylin).first().waitFor();
    expect((await fetch(sharePageUrl)).status).toBe(200);

    const audit = await api<{ items: Array<{ action: string }> }>('GET', '/admin/crisis/audit', 'clara');
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['off', 'on']);

    const [allClear] = await finished('all_clear');
    expect(allClear?.counts.sent).toBe(2);
    const [restored] = await finished('card_update', 'normal');
    // Only the card that was paused comes back; the deleted one is not tried again.
    expect(restored?.counts).toMatchObject({ total: 1, sent: 1 });
    expect(restored?.item?.id).toBe(deskItemId);
    for (const p of reachable) expect(connector.deliveredTo(p.conversationId)).toHaveLength(3);
    expect(updatesTo(reachable[0]!)).toBe(0);
    expect(updatesTo(reachable[1]!)).toBe(2);
    await page.getByRole('tab', { name: 'Admin · Announcements' }).click();
    const main = page.getByRole('main');
    await main.getByRole('article', { name: 'All clear' }).getByText('Finished', { exact: true }).waitFor();
    await main.getByRole('article', { name: `Cards restored: ${DESK_TITLE}` }).waitFor();
  });
});

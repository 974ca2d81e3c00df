// Clara announces items to employees: "Announce now" while publishing, "Announce" later
// at a time she then cancels, an item announced when its schedule makes it live; the
// Announcements page with counts, live updates, errors, paging, German and 320 px; and an
// employee who gets no admin view. The demo people have no Teams chats, so their
// announcements reach nobody; one test adds people reachable through the fake Bot Connector
// to see sent cards and the reasons some did not arrive.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { addReachablePeople } from '../support/reachable.js';
import { browserSuite, callApi, choose, chooseLanguage, eventually, localInputValue, openTabAs, pickPerson } from './helpers.js';

const NOW_TITLE = 'Our new office in Leipzig opens its doors';
const LATER_TITLE = 'Hackathon results: three prototypes we are building next';
const SOON_TITLE = 'Five questions for our new head of engineering';
const SCHEDULED_TITLE = 'Open day in Leipzig: meet the team';
const REACHED_TITLE = 'Field sales kick-off: the new season in one page';

/** For the one test where people are reachable in Teams: the fake Bot Connector on loopback. */
let connector: FakeBotConnector;
beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});
afterAll(async () => {
  await connector?.stop();
});

const suite = browserSuite({ viewport: { width: 1200, height: 900 } });

/** Page code as a string: the test files are type-checked without the DOM library. */
const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

const api = <T>(method: string, path: string, person: string, body?: unknown) => callApi<T>(suite.server, person, method, path, body);

/** Clara creates an English item (a draft) through the API, as a test's starting point. */
const createItem = (item: { kind: 'article' | 'event'; title: string; url: string; why: string; audience?: { departments: string[]; locations: string[] } }) =>
  api<{ item: { id: string } }>('POST', '/admin/items', 'clara', { ...item, language: 'en' });

describe('announcements', () => {
  it('shows Clara an empty Announcements page in German, as a tab and as the ?page= entry point', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=share', 'Clara Schmidt');

    const tabs = page.getByRole('navigation').getByRole('tab');
    await page.getByRole('tab', { name: 'Verwaltung · Ankündigungen' }).waitFor();
    // Next to the item list.
    const names = await tabs.allInnerTexts();
    expect(names.indexOf('Verwaltung · Ankündigungen')).toBe(names.indexOf('Verwaltung · Inhalte') + 1);

    // The first answer fails: the page says so and offers to try again.
    const list = /\/api\/v1\/admin\/announcements(\?|$)/;
    await page.route(list, (route) => route.fulfill({ status: 500, json: { error: { code: 'internal', message: 'Datenbank weg' } } }), { times: 1 });
    await page.getByRole('tab', { name: 'Verwaltung · Ankündigungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ankündigungen' }).waitFor();
    expect(page.url()).toMatch(/#\/admin\/announcements$/);
    const alert = page.getByRole('alert');
    await alert.getByText('Etwas ist schiefgelaufen').waitFor();
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.getByRole('heading', { name: 'Noch nichts angekündigt – veröffentlichen Sie einen Inhalt und wählen Sie „Ankündigen“' }).waitFor();
    await page.unroute(list);

    await page.goto(`${suite.server.url}/tab/?page=announcements`);
    await page.getByRole('heading', { level: 1, name: 'Ankündigungen' }).waitFor();
    await page.getByRole('button', { name: 'Zu den Inhalten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inhalte' }).waitFor();
  });

  it('publishes a new item with “Announce now” and lists the announcement with its counts', async () => {
    const { page } = suite.box;
    await chooseLanguage(page, 'English');
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('heading', { level: 1, name: 'New item' }).waitFor();

    const main = page.getByRole('main');
    await main.getByRole('textbox', { name: 'Title' }).fill(NOW_TITLE);
    await main.getByRole('textbox', { name: 'Destination URL' }).fill('https://www.contoso.example/en/news/leipzig-office');
    await main.getByRole('textbox', { name: 'Why share' }).fill('Leipzig is our fourth location; people there may not know we are hiring.');

    // Publishing offers all three; "Announce now" is the default.
    expect(await main.getByRole('radio', { name: 'Announce now' }).isChecked()).toBe(true);
    await main.getByRole('radio', { name: 'Announce at …' }).waitFor();
    await main.getByRole('radio', { name: 'Don’t announce' }).waitFor();

    await main.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published: employees can share it now. Announcement started: the cards are going out.').first().waitFor();
    await main.getByRole('heading', { level: 1, name: 'Edit item' }).waitFor();

    // Announced: the editor shows the announcement instead of the choice.
    const section = main.getByRole('region', { name: 'Announcement' });
    await section.getByText(/^Send time: /).waitFor();
    expect(await main.getByRole('radio', { name: 'Announce now' }).count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Announce' }).count()).toBe(0);

    await section.getByRole('link', { name: 'See all announcements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Announcements' }).waitFor();
    const row = main.getByRole('article', { name: NOW_TITLE });
    const counts = row.getByRole('definition');
    await row.getByRole('term').first().waitFor();
    expect(await row.getByRole('term').allInnerTexts()).toEqual(['Recipients', 'Sent', 'Waiting', 'Failed', 'Skipped']);
    expect(await counts.allInnerTexts()).toEqual(['0', '0', '0', '0', '0']);
    await row.getByRole('progressbar').waitFor();

    // Nobody can be reached, so it finishes on its own: the page polls and shows it without a reload.
    await row.getByText('Finished', { exact: true }).waitFor({ timeout: 20_000 });
    await row.getByText('Nobody in the audience could be reached in Teams.').waitFor();
    expect(await row.getByRole('button', { name: /^Cancel announcement/ }).count()).toBe(0);

    const listed = await api<{ items: Array<{ item: { title: string } | null; status: string }> }>('GET', '/admin/announcements', 'clara');
    expect(listed.body.items.map((a) => [a.item?.title, a.status])).toEqual([[NOW_TITLE, 'done']]);
  });

  it('keeps a shown announcement up to date while it is scheduled, without a reload', async () => {
    const { page } = suite.box;
    const created = await createItem({
      kind: 'article',
      title: SOON_TITLE,
      url: 'https://www.contoso.example/en/blog/five-questions',
      why: 'A face for the team many candidates ask about.',
    });
    const id = created.body.item.id;
    expect((await api('POST', `/admin/items/${id}/publish`, 'clara', {})).status).toBe(200);
    const at = new Date(Date.now() + 5_000).toISOString();
    expect((await api('POST', `/admin/items/${id}/announce`, 'clara', { at })).status).toBe(201);

    await page.reload();
    const row = page.getByRole('main').getByRole('article', { name: SOON_TITLE });
    await row.getByText('Scheduled', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Cancel announcement: ${SOON_TITLE}` }).waitFor();
    await row.getByText('Finished', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await row.getByRole('button', { name: /^Cancel announcement/ }).count()).toBe(0);
  });

  it('announces a published item later from the editor, and cancels it after a confirmation', async () => {
    const { page } = suite.box;
    const created = await createItem({
      kind: 'article',
      title: LATER_TITLE,
      url: 'https://www.contoso.example/en/blog/hackathon-results',
      why: 'Shows what our engineers build when they choose the problem.',
    });
    expect(created.status).toBe(201);
    const id = created.body.item.id;

    await page.goto(`${suite.server.url}/tab/#/admin/items/${id}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Edit item' }).waitFor();
    await main.getByRole('radio', { name: 'Don’t announce' }).check();
    await main.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published: employees can share it now.').first().waitFor();

    // Published without an announcement: "Announce" offers the same choice.
    const section = main.getByRole('region', { name: 'Announcement' });
    await section.getByRole('button', { name: 'Announce' }).click();
    const dialog = page.getByRole('dialog', { name: 'Announce this item?' });
    await dialog.getByRole('radio', { name: 'Announce at …' }).check();
    const when = dialog.getByLabel('Announcement time');
    await when.fill(localInputValue(new Date(Date.now() - 2 * 3600_000)));
    await dialog.getByRole('button', { name: 'Announce' }).click();
    await dialog.getByText('Choose a time in the future, not before the item goes live.').waitFor();

    const sendAt = new Date(Date.now() + 2 * 86_400_000);
    await when.fill(localInputValue(sendAt));
    await dialog.getByRole('button', { name: 'Announce' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/^Announcement scheduled for /).first().waitFor();
    await section.getByText('Scheduled', { exact: true }).waitFor();

    await section.getByRole('link', { name: 'See all announcements' }).click();
    const row = main.getByRole('article', { name: LATER_TITLE });
    await row.getByText('Scheduled', { exact: true }).waitFor();
    await row.getByText('The recipients are fixed when sending starts.').waitFor();

    // The confirmation says what cancelling cannot undo; "Keep it" changes nothing.
    const cancel = row.getByRole('button', { name: `Cancel announcement: ${LATER_TITLE}` });
    await cancel.click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this announcement?' });
    await confirm.getByText('Cards already sent stay sent', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Scheduled', { exact: true }).waitFor();

    await cancel.click();
    await confirm.getByRole('button', { name: 'Cancel announcement' }).click();
    await page.getByText('Announcement cancelled').first().waitFor();
    await row.getByText('Cancelled', { exact: true }).waitFor();
    await row.getByText(/^Send time: .* · Cancelled /).waitFor();
    expect(await cancel.count()).toBe(0);

    const stored = await eventually(
      () => api<{ items: Array<{ status: string; sendAt: string }> }>('GET', `/admin/announcements?itemId=${id}`, 'clara'),
      (r) => r.body.items[0]?.status === 'cancelled',
    );
    expect(Math.abs(new Date(stored.body.items[0]!.sendAt).getTime() - sendAt.getTime())).toBeLessThan(60_000);
  });

  it('schedules an item and announces it when it goes live, never before', async () => {
    const { page } = suite.box;
    const created = await createItem({
      kind: 'event',
      title: SCHEDULED_TITLE,
      url: 'https://www.contoso.example/en/events/leipzig-open-day',
      why: 'Neighbours and candidates can see where we work.',
    });
    const id = created.body.item.id;
    await page.goto(`${suite.server.url}/tab/#/admin/items/${id}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Edit item' }).waitFor();

    const publishAt = new Date(Date.now() + 2 * 86_400_000);
    await main.getByLabel('Publish at').fill(localInputValue(publishAt));
    // An announcement a day before the item goes live is refused in the browser; nothing is published.
    await main.getByRole('radio', { name: 'Announce at …' }).check();
    await main.getByLabel('Announcement time').fill(localInputValue(new Date(Date.now() + 86_400_000)));
    await main.getByRole('button', { name: 'Schedule' }).click();
    await main.getByText('Choose a time in the future, not before the item goes live.').waitFor();
    expect((await api<{ status: string }>('GET', `/admin/items/${id}`, 'clara')).body.status).toBe('draft');

    await main.getByRole('radio', { name: 'Announce now' }).check();
    await main.getByText('A scheduled item is announced when it goes live.').waitFor();
    await main.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText(/^Scheduled for .*\. It will be announced when it goes live\.$/).first().waitFor();
    const section = main.getByRole('region', { name: 'Announcement' });
    await section.getByText('Scheduled', { exact: true }).waitFor();

    const [announcement] = (await api<{ items: Array<{ status: string; sendAt: string }> }>('GET', `/admin/announcements?itemId=${id}`, 'clara')).body.items;
    const item = (await api<{ publishAt: string }>('GET', `/admin/items/${id}`, 'clara')).body;
    expect(announcement?.status).toBe('scheduled');
    expect(announcement?.sendAt).toBe(item.publishAt);
  });

  it('shows the list in German, a page at a time, fitting 320 px in high contrast', async () => {
    const { page } = suite.box;
    // 20 more, announced through the API: one page holds 20, so four are behind "Mehr laden".
    for (let n = 1; n <= 20; n++) {
      const created = await createItem({
        kind: 'article',
        title: `Bulk item ${n}`,
        url: `https://www.contoso.example/en/bulk/${n}`,
        why: 'Filler for paging.',
      });
      expect((await api('POST', `/admin/items/${created.body.item.id}/publish`, 'clara', {})).status).toBe(200);
      expect((await api('POST', `/admin/items/${created.body.item.id}/announce`, 'clara', {})).status).toBe(201);
    }
    // Nobody to reach: the worker finishes them all.
    await eventually(
      () => api<{ items: unknown[] }>('GET', '/admin/announcements?status=done&limit=100', 'clara'),
      (r) => r.body.items.length === 22,
      30_000,
    );
    await chooseLanguage(page, 'Deutsch');
    await page.goto(`${suite.server.url}/tab/#/admin/announcements`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Ankündigungen' }).waitFor();
    await main.getByRole('article', { name: 'Bulk item 20' }).waitFor();
    expect(await main.getByRole('article').count()).toBe(20);
    await main.getByRole('button', { name: 'Mehr laden' }).click();
    await eventually(() => main.getByRole('article').count(), (n) => n === 24);
    expect(await main.getByRole('button', { name: 'Mehr laden' }).count()).toBe(0);

    const later = main.getByRole('article', { name: LATER_TITLE });
    await later.getByText('Abgebrochen', { exact: true }).waitFor();
    await later.getByText(/^Sendezeit: /).waitFor();
    const done = main.getByRole('article', { name: NOW_TITLE });
    await done.getByText('Abgeschlossen', { exact: true }).waitFor();
    expect(await done.getByRole('term').allInnerTexts()).toEqual(['Empfangende', 'Gesendet', 'Ausstehend', 'Fehlgeschlagen', 'Übersprungen']);
    await done.getByText('Niemand in der Zielgruppe war in Teams erreichbar.').waitFor();

    await choose(page, main, 'Status', 'Abgebrochen');
    await eventually(() => main.getByRole('article').count(), (n) => n === 1);
    await later.waitFor();
    await choose(page, main, 'Status', 'Wird gesendet');
    await main.getByRole('heading', { name: 'Keine Ankündigungen mit diesem Status.' }).waitFor();
    await choose(page, main, 'Status', 'Alle');
    await eventually(() => main.getByRole('article').count(), (n) => n === 20);

    await choose(page, page.getByRole('banner'), 'Darstellung', 'Hoher Kontrast');
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  });

  it('counts the cards sent and says why some did not arrive, for people reachable in Teams', async () => {
    const { page } = suite.box;
    // Five people with Chorus in their Teams chat, in a department no other test announces to.
    const people = await addReachablePeople(suite.server.db, 5, { serviceUrl: connector.url, department: 'Field Sales', prefix: 'fs' });
    connector.block(people[0]!.conversationId).gone(people[1]!.conversationId);
    const created = await createItem({
      kind: 'article',
      title: REACHED_TITLE,
      url: 'https://www.contoso.example/en/sales/kick-off',
      why: 'Customers read what our sales people post.',
      audience: { departments: ['Field Sales'], locations: [] },
    });
    const id = created.body.item.id;
    expect((await api('POST', `/admin/items/${id}/publish`, 'clara', {})).status).toBe(200);
    expect((await api('POST', `/admin/items/${id}/announce`, 'clara', {})).status).toBe(201);

    await openTabAs(suite.server, page, '?page=announcements', 'Clara Schmidt', 'English');
    const row = page.getByRole('main').getByRole('article', { name: REACHED_TITLE });
    await row.getByText('Finished', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await row.getByRole('term').allInnerTexts()).toEqual(['Recipients', 'Sent', 'Waiting', 'Failed', 'Skipped']);
    expect(await row.getByRole('definition').allInnerTexts()).toEqual(['5', '3', '0', '0', '2']);
    await row.getByText('5 of 5 handled').waitFor();
    await row.getByText('Not delivered, by reason').waitFor();
    expect(await row.getByRole('listitem').allInnerTexts()).toEqual(['Blocked the app: 1', 'Chat no longer exists: 1']);
    expect(connector.deliveredTo(people[2]!.conversationId)).toHaveLength(1);
  });

  it('gives an employee no Announcements tab and no page, and the API answers 403', async () => {
    const { page } = suite.box;
    await page.setViewportSize({ width: 1200, height: 900 });
    await pickPerson(page, 'Jonas Weber');
    await page.getByRole('tab', { name: 'Teilen' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Verwaltung · Ankündigungen' }).count()).toBe(0);

    await page.goto(`${suite.server.url}/tab/#/admin/announcements`);
    await page.getByRole('alert').getByText('Das dürfen nur Admins').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Ankündigungen' }).count()).toBe(0);

    const refused = await api<{ error: { code: string } }>('GET', '/admin/announcements', 'jonas');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });
});

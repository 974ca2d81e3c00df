// Jonas finds an item in the tab, shares it on X in his own words through the share page,
// somebody clicks his link, and Jonas sees that click in "My impact" and on the card.
import { READER } from '../support/http.js';
import { describe, expect, it } from 'vitest';
import { browserSuite, cardTitles, eventually, openTabAs } from './helpers.js';

const JOB = 'Werkstudent:in Marketing (m/w/d) in Hamburg';
const JOB_DESTINATION = 'https://www.contoso.example/karriere/werkstudent-marketing-hamburg';
const CAREERS_FOR_JONAS = [JOB, 'Senior Backend Engineer (TypeScript, Postgres), remote in Germany', 'A day in the life of our apprentices'];

const suite = browserSuite();

describe('sharing from the tab', () => {
  let linkUrl: string;
  let code: string;
  const myWords = 'Mein Team sucht Verstärkung in Hamburg – ich arbeite gern hier. Kennt ihr jemanden?';

  it('shows Jonas his feed and filters it by topic and by search text', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=share', 'Jonas Weber');

    // Jonas's language is German: the tab switches to it.
    await page.getByRole('heading', { level: 1, name: 'Lohnt sich zu teilen' }).waitFor();
    const all = await eventually(() => cardTitles(page), (titles) => titles.length > 0);
    expect(all).toContain(JOB);
    // Audience rules: the Hamburg open day is not for Jonas (München); the Engineering-only article is.
    expect(all).not.toContain('Tag der offenen Tür in Hamburg am 14. März');
    expect(all).toContain('Einblick: So testen wir unsere Software, bevor Sie sie sehen');

    await page.getByRole('group', { name: 'Themen' }).getByRole('button', { name: 'Karriere' }).click();
    const careers = await eventually(() => cardTitles(page), (titles) => titles.length === CAREERS_FOR_JONAS.length);
    expect([...careers].sort()).toEqual([...CAREERS_FOR_JONAS].sort());

    const search = page.getByRole('searchbox', { name: 'Suchen' });
    await search.fill('Quantencomputer');
    await page.getByRole('heading', { name: 'Für diese Filter gibt es nichts' }).waitFor();
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    expect(await eventually(() => cardTitles(page), (titles) => titles.length === all.length)).toEqual(all);

    await page.getByRole('group', { name: 'Themen' }).getByRole('button', { name: 'Karriere' }).click();
    await search.fill('Werkstudent');
    const found = await eventually(() => cardTitles(page), (titles) => titles.length === 1);
    expect(found).toEqual([JOB]);
  });

  it('opens the share page and posts to X with his own words and the tracked link', async () => {
    const { page, context } = suite.box;
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: `Teilen: ${JOB}` }).click();
    const sharePage = await popup;
    await sharePage.waitForLoadState();
    expect(sharePage.url()).toMatch(new RegExp(`^${suite.server.url}/s/[A-Za-z0-9_-]+$`));
    await sharePage.getByRole('heading', { level: 1, name: JOB }).waitFor();

    await sharePage.getByRole('tab', { name: 'X', exact: true }).click();
    const text = sharePage.getByRole('textbox', { name: 'Ihr Text · X', exact: true });
    await text.fill(myWords);
    const intent = suite.box.nextNetworkRequest('x.com');
    await sharePage.getByRole('button', { name: 'Auf X posten' }).click();
    const target = new URL(await intent);

    expect(target.origin + target.pathname).toBe('https://x.com/intent/tweet');
    expect(target.searchParams.get('text')).toBe(myWords);
    linkUrl = target.searchParams.get('url') ?? '';
    expect(linkUrl).toMatch(new RegExp(`^${suite.server.url}/l/[A-Za-z0-9_-]+$`));
    code = linkUrl.split('/l/')[1] as string;
    expect(target.searchParams.get('hashtags')).toBe('Werkstudent,Hamburg,Jobs');
  });

  it('opens on the network a card button names (?network=xing), and copies the text for Xing', async () => {
    const { context } = suite.box;
    // Mia (English), so Jonas's own share history in the next tests stays as it is.
    const feed = await fetch(`${suite.server.url}/api/v1/items?q=Werkstudent`, { headers: suite.server.as('mia') });
    const itemId = ((await feed.json()) as { items: Array<{ id: string }> }).items[0]?.id;
    const link = await fetch(`${suite.server.url}/api/v1/items/${itemId}/share-link`, { method: 'POST', headers: suite.server.as('mia') });
    const url = ((await link.json()) as { url: string }).url;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const page = await context.newPage();
    await page.goto(`${url}?network=xing`);
    await page.getByRole('tab', { name: 'Xing' }).and(page.locator('[aria-selected="true"]')).waitFor();
    const intent = suite.box.nextNetworkRequest('www.xing.com');
    await page.getByRole('button', { name: 'Post on Xing' }).click();
    await page.getByText('Text copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toMatch(/#Werkstudent #Hamburg #Jobs$/);
    expect(new URL(await intent).searchParams.get('url')).toMatch(new RegExp(`^${suite.server.url}/l/`));
    await page.close();
  });

  it('redirects a reader of the tracked link to the destination with UTM tags', async () => {
    const res = await fetch(linkUrl, { redirect: 'manual', headers: READER });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(JOB_DESTINATION);
    expect(location.searchParams.get('ref')).toBe('jobs');
    expect(location.searchParams.get('utm_source')).toBe('x');
    expect(location.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(location.searchParams.get('utm_campaign')).toMatch(/^werkstudent-in-marketing/);
    expect(location.searchParams.get('utm_content')).toBe(code);
  });

  it('shows Jonas the click on "My impact" and on the feed card', async () => {
    const { page } = suite.box;
    await page.bringToFront();
    await page.getByRole('tab', { name: 'Meine Wirkung' }).click();
    await page.getByText('Nur Sie sehen das.').waitFor();

    // Clicks are written in short batches: reload until this one is in.
    const entry = page.getByRole('article', { name: JOB });
    const summary = await eventually(
      async () => {
        await page.reload();
        await entry.waitFor();
        return entry.innerText();
      },
      (text) => text.includes('1 Klick'),
    );
    expect(summary).toMatch(/X · .+ · 1 Klick/);

    await page.getByRole('tab', { name: 'Teilen' }).click();
    const card = page.getByRole('main').getByRole('article', { name: JOB });
    await card.getByText('Geteilt ✓ auf X · 1 Klick').waitFor();
  });
});

// Crisis "one voice" mode: Clara (admin) switches it on from the Crisis page after the
// server refused an incomplete form; Aylin's open tab shows the banner within seconds, the
// instructions on the Crisis page and no share buttons, and a share link she posted
// earlier answers 423 with the instructions. Clara switches it off: all is back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, callApi, choose, openSandbox, pickPerson, type Sandbox } from './helpers.js';

const INSTRUCTIONS = 'Please **do not** comment on the outage in public.\n\n- Refer journalists to the press office.\n\n<script>window.pwned = 1</script>';
const SPOKESPERSON = 'Petra Press';
const BANNER = 'One voice: please do not share right now';

const suite = browserSuite({ viewport: { width: 1200, height: 900 } });
/** Aylin's own browser, next to Clara's. */
let employee: Sandbox;
beforeAll(async () => {
  employee = await openSandbox(suite.browser, { viewport: { width: 1000, height: 800 } });
});
afterAll(async () => {
  await employee?.context.close();
});

const api = <T>(method: string, path: string, person: string, body?: unknown) => callApi<T>(suite.server, person, method, path, body);
const shareButtons = (page: Page) => page.getByRole('main').getByRole('button', { name: /^Share / });

/** A share page Aylin opened before the crisis: its address is what she may have posted. */
let sharePageUrl: string;

describe('crisis mode', () => {
  it('shows Aylin share buttons and no banner while all is calm', async () => {
    const feed = await api<{ items: Array<{ id: string }> }>('GET', '/items', 'aylin');
    const item = feed.body.items[0];
    expect(item).toBeDefined();
    const link = await api<{ url: string }>('POST', `/items/${item?.id}/share-link`, 'aylin', {});
    sharePageUrl = link.body.url;
    expect(sharePageUrl).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
    expect((await fetch(sharePageUrl)).status).toBe(200);

    const { page } = employee;
    await page.goto(`${suite.server.url}/tab/?page=share`);
    await pickPerson(page, 'Aylin Demir');
    await shareButtons(page).first().waitFor();
    expect(await page.getByText(BANNER).count()).toBe(0);
    // Employees see no Crisis tab while it is off.
    expect(await page.getByRole('navigation').getByRole('tab', { name: 'Crisis' }).count()).toBe(0);
  });

  it('lets Clara switch it on after the server points at the missing fields', async () => {
    const { page } = suite.box;
    await page.goto(`${suite.server.url}/tab/?page=crisis`);
    await pickPerson(page, 'Clara Schmidt');
    await choose(page, page.getByRole('banner'), /^(Sprache|Language)$/, 'English');
    await page.getByRole('heading', { level: 1, name: 'Crisis: one voice' }).waitFor();
    await page.getByRole('heading', { name: 'No crisis right now' }).waitFor();
    await page.getByText('Crisis mode has never been switched on.').waitFor();

    const form = page.getByRole('form', { name: 'Switch crisis mode on' });
    const dialog = page.getByRole('dialog');
    // Nothing filled in: the dialog says what would happen, the server says what is missing.
    await form.getByRole('button', { name: 'Switch crisis mode on' }).click();
    await dialog.getByText('Sharing stops for everyone at once').waitFor();
    await dialog.getByText('Links already posted keep leading to the content').waitFor();
    await dialog.getByText('Announcements and digests wait until crisis mode ends.').waitFor();
    await dialog.getByRole('button', { name: 'Switch crisis mode on' }).click();
    await form.getByText(/^is required: why/).waitFor();
    await form.getByText(/^are required: what employees should say/).first().waitFor();
    expect((await api<{ active: boolean }>('GET', '/admin/crisis', 'clara')).body.active).toBe(false);

    await form.getByRole('textbox', { name: /^Reason/ }).fill('Data-centre outage in the news');
    await form.getByRole('textbox', { name: 'Instructions in English (Markdown)' }).fill(INSTRUCTIONS);
    await form.getByRole('textbox', { name: 'Spokesperson' }).fill(SPOKESPERSON);
    await form.getByRole('textbox', { name: 'Statement URL' }).fill('https://www.contoso.example/en/statement');
    await form.getByRole('button', { name: 'Switch crisis mode on' }).click();
    await dialog.getByRole('button', { name: 'Switch crisis mode on' }).click();

    await page.getByRole('button', { name: 'Switch off' }).waitFor();
    await page.getByText(/^On since /).waitFor();
    await page.getByText('0 shares refused').waitFor();
    await page.getByText('Switched on by Clara Schmidt').waitFor();
    // Clara's own tab shows the banner and the instructions at once.
    await page.getByText(BANNER).waitFor();
    await page.getByText('Please do not comment on the outage in public.', { exact: false }).waitFor();
  });

  it('shows Aylin the banner and the instructions, hides share buttons, and refuses her posted link', async () => {
    const { page } = employee;
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

  it('lets Clara switch it off, and everything is back for Aylin', async () => {
    const { page } = suite.box;
    await page.getByRole('button', { name: 'Switch off' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Sharing works again for everyone').waitFor();
    await dialog.getByRole('button', { name: 'Switch off' }).click();
    await page.getByRole('form', { name: 'Switch crisis mode on' }).waitFor();
    await page.getByText('Switched off by Clara Schmidt').waitFor();
    await page.getByRole('heading', { name: 'No crisis right now' }).waitFor();

    const aylin = employee.page;
    await aylin.getByText(BANNER).waitFor({ state: 'detached', timeout: 15_000 });
    await aylin.getByRole('heading', { name: 'No crisis right now' }).waitFor();
    await aylin.getByRole('tab', { name: 'Share', exact: true }).click();
    await shareButtons(aylin).first().waitFor();
    expect((await fetch(sharePageUrl)).status).toBe(200);

    const audit = await api<{ items: Array<{ action: string }> }>('GET', '/admin/crisis/audit', 'clara');
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['off', 'on']);
  });
});

// Guidelines: Aylin reads "When you are unsure" and confirms she read it. Clara (admin) edits
// it — with a <script> in the Markdown — and saves a new version with a note; the history
// shows her what changed. Aylin, on a phone-narrow screen in the dark theme, sees "updated
// on", the note and "updated since you read it" with the changes; the script shows as text
// and never runs; she confirms the new version.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, callApi, choose, extraSandbox, openTabAs } from './helpers.js';

const TITLE = 'When you are unsure';
const ADDED = 'Call the social media desk on +49 30 1234 5678.';
const NOTE = 'Added the phone number of the social media desk';
const SCRIPT = '<script>window.pwned = 1</script>';

const suite = browserSuite({ viewport: { width: 1100, height: 900 } });
const employee = extraSandbox(suite, { viewport: { width: 320, height: 700 } });

const article = (page: Page, title: string) => page.getByRole('main').getByRole('article', { name: title });
const pwned = (page: Page) => page.evaluate('window.pwned') as Promise<unknown>;

describe('guidelines', () => {
  it('lets Aylin read a guideline and confirm it, from the Guidelines tab', async () => {
    const { page } = employee.box;
    await openTabAs(suite.server, page, '?page=share', 'Aylin Demir');
    await page.getByRole('navigation').getByRole('tab', { name: 'Guidelines' }).click();
    await page.getByRole('heading', { level: 1, name: 'Guidelines' }).waitFor();
    expect(page.url()).toMatch(/#\/guidelines$/);
    const unsure = article(page, TITLE);
    await unsure.getByText('Updated on', { exact: false }).waitFor();
    await unsure.getByRole('button', { name: `I have read this: ${TITLE}` }).click();
    await unsure.getByText(/^You confirmed reading this version on /).waitFor();
  });

  it('lets Clara save a new version with a note, and see the change in the history', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=guidelines', 'Clara Schmidt', 'English');
    const admin = page.getByRole('region', { name: 'Manage guidelines (admins)' });
    await admin.getByRole('button', { name: `Edit ${TITLE}` }).click();
    const form = admin.getByRole('form', { name: `Edit guideline: ${TITLE}` });
    const body = form.getByRole('textbox', { name: 'Text in English (Markdown)' });
    const before = await body.inputValue();
    await body.fill(`${before}\n\n**${ADDED}**\n\n${SCRIPT}`);
    await form.getByRole('textbox', { name: 'What changed (English)' }).fill(NOTE);
    await form.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Saved as version 2.').first().waitFor();
    await form.waitFor({ state: 'detached' });

    await admin.getByRole('button', { name: `History of ${TITLE}` }).click();
    await admin.getByText(NOTE).waitFor();
    await admin.getByRole('button', { name: 'Compare version 2 with the previous one' }).click();
    const diff = admin.getByRole('region', { name: 'Changes from version 1 to 2' });
    // The diff arrives from the API after the click: wait for it instead of reading at once.
    await diff.getByTestId('diff').locator('ins').first().waitFor();
    const added = await diff.getByTestId('diff').locator('ins').allInnerTexts();
    expect(added.join(' ')).toContain(ADDED);
    expect(added.join(' ')).toContain(SCRIPT);
    expect(await pwned(page)).toBeUndefined();

    const stored = await callApi<{ items: Array<{ current: { version: number; title: { en: string } } }> }>(suite.server, 'clara', 'GET', '/admin/guidelines');
    expect(stored.body.items.find((p) => p.current.title.en === TITLE)?.current.version).toBe(2);
  });

  it('shows Aylin the new version on a phone, in the dark theme: updated on, the note, the changes; the script never runs', async () => {
    const { page } = employee.box;
    await choose(page, page.getByRole('banner'), 'Theme', 'Dark');
    await page.reload();
    const unsure = article(page, TITLE);
    await unsure.getByText(`What changed: ${NOTE}`).waitFor();
    await unsure.getByText(/^Updated on .* · Version 2$/).waitFor();
    await unsure.getByText('Updated since you read it').waitFor();
    const body = unsure.getByTestId('guideline-body');
    expect(await body.locator('strong').innerText()).toBe(ADDED);
    expect(await body.innerText()).toContain(SCRIPT);
    expect(await body.locator('script').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();

    await unsure.getByRole('button', { name: 'Show the changes' }).click();
    expect((await unsure.getByTestId('diff').locator('ins').allInnerTexts()).join(' ')).toContain(ADDED);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    await unsure.getByRole('button', { name: `I have read this: ${TITLE}` }).click();
    await unsure.getByText(/^You confirmed reading this version on /).waitFor();
    await unsure.getByText('Updated since you read it').waitFor({ state: 'detached' });
    expect(await pwned(page)).toBeUndefined();
  });
});

// Onboarding: Mia joined twelve days ago. On a phone-narrow screen she opens Onboarding, is
// welcomed and sees 0 of 5; she ticks the LinkedIn step (it stays ticked after a reload),
// follows the guidelines step into the app, confirms a page and comes back to find that step
// ticked by itself; steps Chorus observes have no checkbox. Clara (admin, no new hire) sees
// the neutral title, gets a field error for a link without https, adds a step, and Mia sees
// it — in German and in the dark theme too. On a 320 px screen Clara finds Aylin (long past
// her start) by typing "Ayl", marks her as new — Aylin is then welcomed — and clears it again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, callApi, choose, extraSandbox, localInputValue, openSandbox, openTabAs } from './helpers.js';

const LINKEDIN = 'Set up a professional LinkedIn profile';
const GUIDELINES = 'Read the social media guidelines';
const ADDED = { en: 'Say hello in the Chorus channel', de: 'Im Chorus-Kanal Hallo sagen' };

const suite = browserSuite({ viewport: { width: 1100, height: 900 } });
const mia = extraSandbox(suite, { viewport: { width: 320, height: 700 } });

const main = (page: Page) => page.getByRole('main');
const step = (page: Page, title: string) => main(page).getByRole('article', { name: title });
const progress = (page: Page) => main(page).getByTestId('onboarding-progress');
const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('onboarding', () => {
  it('welcomes Mia, a new hire, and keeps the step she ticks', async () => {
    const { page } = mia.box;
    await openTabAs(suite.server, page, '?page=share', 'Mia Fischer');
    await page.getByRole('navigation').getByRole('tab', { name: 'Onboarding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome aboard' }).waitFor();
    expect(page.url()).toMatch(/#\/onboarding$/);
    await progress(page).getByText('0 of 5 done').waitFor();
    expect(await main(page).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('0 of 5 done');

    // Steps that Chorus observes tick themselves: a hint, no checkbox.
    const guidelines = step(page, GUIDELINES);
    await guidelines.getByText('Ticks itself when you confirm the guidelines.').waitFor();
    expect(await guidelines.getByRole('checkbox').count()).toBe(0);
    // The tips arrive as HTML rendered from Markdown.
    expect(await step(page, LINKEDIN).getByTestId('onboarding-tips').locator('li').count()).toBeGreaterThan(1);

    const saved = page.waitForResponse((r) => r.url().includes('/api/v1/onboarding/steps/') && r.request().method() === 'POST');
    await step(page, LINKEDIN).getByRole('checkbox', { name: `I have done this: ${LINKEDIN}` }).check();
    await progress(page).getByText('1 of 5 done').waitFor();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await progress(page).getByText('1 of 5 done').waitFor();
    expect(await step(page, LINKEDIN).getByRole('checkbox').isChecked()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  });

  it('ticks the guidelines step by itself once Mia confirms a guideline', async () => {
    const { page } = mia.box;
    // The step's link is a Chorus page: it opens inside the app, not in a new window.
    await step(page, GUIDELINES).getByRole('button', { name: `Read the guidelines: ${GUIDELINES}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Guidelines' }).waitFor();
    expect(page.url()).toMatch(/#\/guidelines$/);
    const first = main(page).getByRole('article').first();
    await first.getByRole('button', { name: /^I have read this: / }).click();
    await first.getByText(/^You confirmed reading this version on /).waitFor();

    await page.getByRole('navigation').getByRole('tab', { name: 'Onboarding' }).click();
    await progress(page).getByText('2 of 5 done').waitFor();
    await step(page, GUIDELINES).getByText('Done ✓').waitFor();
    expect(await step(page, GUIDELINES).getByRole('checkbox').count()).toBe(0);
  });

  it('lets Clara add a step, with the server’s message next to a bad link', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=onboarding', 'Clara Schmidt', 'English');
    // Not a new hire: the same checklist, titled neutrally.
    await page.getByRole('heading', { level: 1, name: 'Getting started with Chorus' }).waitFor();
    const admin = page.getByRole('region', { name: 'Manage the checklist (admins)' });
    await admin.getByText(LINKEDIN).waitFor();
    await admin.getByRole('button', { name: 'New step' }).click();
    const form = admin.getByRole('form', { name: 'New step' });
    await form.getByRole('textbox', { name: /^Title in English/ }).fill(ADDED.en);
    await form.getByRole('textbox', { name: /^Title in German/ }).fill(ADDED.de);
    await form.getByRole('textbox', { name: /^Tips in English/ }).fill('Tell us **one thing** you would like to share.');
    const link = form.getByRole('textbox', { name: /^Link/ });
    await link.fill('http://example.com/channel');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.getByText('must start with https://').waitFor();
    expect(await link.getAttribute('aria-invalid')).toBe('true');

    await link.fill('https://example.com/channel');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.waitFor({ state: 'detached' });
    await admin.getByText(ADDED.en).waitFor();
    // Added after the last step, and on Clara's own checklist too.
    await step(page, ADDED.en).waitFor();
    const stored = await callApi<{ items: Array<{ title: { en: string } }> }>(suite.server, 'clara', 'GET', '/admin/onboarding/steps');
    expect(stored.body.items.map((s) => s.title.en).at(-1)).toBe(ADDED.en);
  });

  it('lets Clara mark Aylin as new, which welcomes her, and clear it again', async () => {
    const { page } = suite.box;
    await page.setViewportSize({ width: 320, height: 800 });
    const searches: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/api/v1/admin/onboarding/people')) searches.push(new URL(r.url()).searchParams.get('q') ?? '');
    };
    page.on('request', onRequest);
    const part = page.getByRole('region', { name: 'New colleagues' });
    await part.getByText('A new hire sees the welcome on the Onboarding page and gets one reminder after a week; admins never see anyone’s progress.').waitFor();
    const box = part.getByRole('searchbox', { name: 'Find a colleague' });
    await box.pressSequentially('Ayl', { delay: 20 });
    const aylin = part.getByRole('listitem').filter({ hasText: 'Aylin Demir' });
    await aylin.getByText('not new').waitFor();
    await aylin.getByText('Sales').waitFor();
    // Debounced, and never below 2 characters (the server answers 400 there).
    expect(searches).toEqual(['Ayl']);
    expect(await aylin.getByRole('button', { name: 'Clear the mark for Aylin Demir' }).count()).toBe(0);
    // 60 days ahead by default.
    const until = aylin.getByRole('textbox', { name: 'New until (Aylin Demir)' });
    const today = localInputValue(new Date()).slice(0, 10);
    expect((Date.parse(await until.inputValue()) - Date.parse(today)) / 86_400_000).toBe(60);

    const marked = page.waitForResponse((r) => r.url().includes('/new-hire') && r.request().method() === 'PUT');
    await aylin.getByRole('button', { name: 'Mark Aylin Demir as new' }).click();
    expect((await marked).status()).toBe(204);
    await page.getByText(/^Aylin Demir counts as new until /).first().waitFor();
    await aylin.getByText(/^new until /).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);

    const box2 = await openSandbox(suite.browser, { viewport: { width: 320, height: 700 } });
    try {
      await openTabAs(suite.server, box2.page, '?page=onboarding', 'Aylin Demir');
      await box2.page.getByRole('heading', { level: 1, name: 'Welcome aboard' }).waitFor();
    } finally {
      await box2.context.close();
    }

    await aylin.getByRole('button', { name: 'Clear the mark for Aylin Demir' }).click();
    await page.getByText('Mark cleared for Aylin Demir.').first().waitFor();
    await aylin.getByText('not new').waitFor();
    await aylin.getByRole('button', { name: 'Clear the mark for Aylin Demir' }).waitFor({ state: 'detached' });
    const stored = await callApi<{ items: Array<{ displayName: string; marked: boolean; newHire: boolean }> }>(
      suite.server, 'clara', 'GET', '/admin/onboarding/people?q=Aylin',
    );
    expect(stored.body.items.find((p) => p.displayName === 'Aylin Demir')).toMatchObject({ marked: false, newHire: false });
    page.off('request', onRequest);
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it('shows Mia the new step, in German and in the dark theme', async () => {
    const { page } = mia.box;
    await page.reload();
    await step(page, ADDED.en).waitFor();
    await progress(page).getByText('2 of 6 done').waitFor();
    expect(await step(page, ADDED.en).getByRole('link', { name: `Open the link: ${ADDED.en}` }).getAttribute('target')).toBe('_blank');

    await choose(page, page.getByRole('banner'), 'Language', 'Deutsch');
    await choose(page, page.getByRole('banner'), 'Darstellung', 'Dunkel');
    await page.getByRole('heading', { level: 1, name: 'Willkommen an Bord' }).waitFor();
    await progress(page).getByText('2 von 6 erledigt').waitFor();
    await step(page, ADDED.de).waitFor();
    await step(page, 'Zum ersten Mal teilen').getByText('Hakt sich selbst ab, wenn Sie etwas teilen.').waitFor();
    await page.getByRole('navigation').getByRole('tab', { name: 'Onboarding' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  });
});

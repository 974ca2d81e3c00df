// A phone-narrow Teams side panel (320 px) in the dark and high-contrast themes: every
// page fits without a horizontal scrollbar, and the chosen theme is really applied.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertTabBuilt, cardTitles, choose, eventually, openSandbox, pickPerson, type Sandbox } from './helpers.js';

const WIDTH = 320;

let server: TestServer;
let browser: Browser;
let box: Sandbox;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  box = await openSandbox(browser, { viewport: { width: WIDTH, height: 640 } });
});

afterAll(async () => {
  await box?.context.close();
  await browser?.close();
  await server?.close();
});

/** Page code as a string: the test files are type-checked without the DOM library. */
const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
const background = (page: Page) =>
  page.evaluate(`getComputedStyle(document.querySelector('[data-theme]')).backgroundColor`) as Promise<string>;

function brightness(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Images and fonts can widen a page after the data arrived.
  await page.waitForTimeout(300);
}

describe('at 320 px', () => {
  it('shows the share feed in the dark theme without horizontal scrolling', async () => {
    const { page } = box;
    await page.goto(`${server.url}/tab/?page=share`);
    await pickPerson(page, 'Jonas Weber');
    await choose(page, page.getByRole('banner'), 'Darstellung', 'Dunkel');
    await eventually(() => cardTitles(page), (t) => t.length > 0);
    await settle(page);

    expect(brightness(await background(page))).toBeLessThan(60);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('keeps "My shares" narrow too', async () => {
    const { page } = box;
    await page.getByRole('tab', { name: 'Von mir geteilt' }).click();
    await page.getByText('Nur Sie sehen das.').waitFor();
    await page.getByRole('article').first().waitFor();
    await settle(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('keeps the admin list and the editor narrow for Clara, in high contrast', async () => {
    const { page } = box;
    await pickPerson(page, 'Clara Schmidt');
    await choose(page, page.getByRole('banner'), 'Darstellung', 'Hoher Kontrast');
    await page.getByRole('tab', { name: 'Verwaltung · Inhalte' }).click();
    await page.getByRole('main').getByRole('article').first().waitFor();
    await settle(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    await page.getByRole('main').getByRole('button', { name: /^Bearbeiten: / }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Inhalt bearbeiten' }).waitFor();
    await settle(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });
});

// A phone-narrow Teams side panel (320 px) in the dark and high-contrast themes: every
// page fits without a horizontal scrollbar, and the chosen theme is really applied.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, cardTitles, choose, eventually, openTabAs, pickPerson } from './helpers.js';

const WIDTH = 320;

const suite = browserSuite({ viewport: { width: WIDTH, height: 640 } });

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
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=share', 'Jonas Weber');
    await choose(page, page.getByRole('banner'), 'Darstellung', 'Dunkel');
    await eventually(() => cardTitles(page), (t) => t.length > 0);
    await settle(page);

    expect(brightness(await background(page))).toBeLessThan(60);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('keeps "My impact" narrow too, chart included', async () => {
    const { page } = suite.box;
    await page.getByRole('tab', { name: 'Meine Wirkung' }).click();
    await page.getByText('Nur Sie sehen das.').waitFor();
    await page.getByTestId('impact-chart').locator('svg').first().waitFor();
    await page.getByRole('article').first().waitFor();
    await settle(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('keeps the admin list and the editor narrow for Clara, in high contrast', async () => {
    const { page } = suite.box;
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

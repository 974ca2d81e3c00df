// My impact: Jonas (demo: two shares, clicks in the past hours, returning readers) opens
// his results by the old "My shares" address, sees the totals (two applications a careers
// site reported through his link among them) and the chart with its table,
// and the chart stays drawn and readable in the dark theme.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, choose, eventually, openTabAs } from './helpers.js';

const suite = browserSuite();

/** Page code as strings: the test files are type-checked without the DOM library. */
const chartLines = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('[data-testid="impact-chart"] svg path')].filter((p) => (p.getAttribute('d') || '').length > 20 && getComputedStyle(p).stroke !== 'none').length`,
  ) as Promise<number>;
const axisTextBrightness = (page: Page) =>
  page.evaluate(
    `(() => { const t = document.querySelector('[data-testid="impact-chart"] svg .tick text'); const c = getComputedStyle(t).fill.match(/\\d+/g).map(Number); return (c[0] + c[1] + c[2]) / 3; })()`,
  ) as Promise<number>;
const background = (page: Page) =>
  page.evaluate(`(() => { const c = getComputedStyle(document.querySelector('[data-theme]')).backgroundColor.match(/\\d+/g).map(Number); return (c[0] + c[1] + c[2]) / 3; })()`) as Promise<number>;

describe('My impact', () => {
  it('opens by the old My shares address and draws the chart with totals and a table', async () => {
    const { page } = suite.box;
    // The careers site reported two applications through one of Jonas's links (what POST /api/v1/conversions stores).
    await suite.server.db.query(
      `with source as (insert into conversion_sources (name) values ('Careers site') returning id)
       insert into conversions (source_id, event_id, input, link_code, item_id, person_id, network, type, occurred_at, day)
       select source.id, 'app-' || g, '[]', l.code, l.item_id, l.person_id, l.network, 'application', now(), (now() at time zone $1)::date
       from source, (select * from links where person_id = (select id from people where display_name = 'Jonas Weber') limit 1) l, generate_series(1, 2) g`,
      [suite.server.config.timeZone],
    );
    await openTabAs(suite.server, page, '?page=my-shares', 'Jonas Weber', 'English');
    await page.getByRole('heading', { level: 1, name: 'My impact' }).waitFor();
    const main = page.getByRole('main');
    await main.getByRole('img', { name: /^Chart of your shares, clicks and unique readers/ }).waitFor();
    expect(await eventually(() => chartLines(page), (n) => n >= 1)).toBeGreaterThanOrEqual(1);
    // The numbers behind the chart, for screen readers: one row per day of the period.
    const table = main.getByRole('table', { name: 'Your shares, clicks and unique readers over time' });
    expect(await table.getByRole('row').count()).toBe(31);
    // Conversions: the count, and which kinds they were — never who.
    await main.getByText('Applications: 2').waitFor();
    await main.getByRole('heading', { name: 'Your top items' }).waitFor();
    // The per-link list of My shares is still there, below.
    await main.getByRole('heading', { name: 'Your shares, link by link' }).waitFor();
    await main.getByRole('article').first().waitFor();
  });

  it('keeps the chart drawn and its labels readable in the dark theme', async () => {
    const { page } = suite.box;
    const light = await axisTextBrightness(page);
    await choose(page, page.getByRole('banner'), 'Theme', 'Dark');
    await eventually(() => background(page), (b) => b < 60);
    await page.getByTestId('impact-chart').locator('svg').first().waitFor();
    expect(await eventually(() => chartLines(page), (n) => n >= 1)).toBeGreaterThanOrEqual(1);
    const dark = await eventually(() => axisTextBrightness(page), (b) => b > 128);
    expect(dark).toBeGreaterThan(light);
  });

  it('asks for another period and draws it per week when it is long', async () => {
    const { page } = suite.box;
    const main = page.getByRole('main');
    await main.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'This year' });
    const now = new Date();
    const days = Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(now.getFullYear(), 0, 1)) / 86_400_000) + 1;
    await main.getByRole('heading', { name: days > 92 ? 'Over time (per week)' : 'Over time (per day)' }).waitFor();
    await main.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last 7 days' });
    const table = main.getByRole('table', { name: 'Your shares, clicks and unique readers over time' });
    await eventually(() => table.getByRole('row').count(), (n) => n === 8);
  });
});

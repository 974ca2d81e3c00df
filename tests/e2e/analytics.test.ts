// The content team's dashboard (issue 13): Clara, an admin, opens Analytics, switches the
// period, reads the chart and its table, breaks the numbers down by department and downloads
// that table as CSV — in English and in German. Jonas, an employee, has no such tab. The
// demo company's colleagues shared in the past days; what the page must show is read from
// the API in the same run, so the test follows the calendar.
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnalyticsOverview, Breakdown } from '../../bot/src/domain/model/analytics.js';
import { browserSuite, callApi, chooseLanguage, eventually, openTabAs, pickPerson } from './helpers.js';

const suite = browserSuite();

/** Today in the sandbox's (and the demo tenant's) time zone, Europe/Berlin. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
/** Asks for a custom period from–to with the page's own picker. */
async function customPeriod(main: Locator, from: string, to: string) {
  await main.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Custom' });
  await main.getByRole('textbox', { name: 'From' }).fill(from);
  await main.getByRole('textbox', { name: 'To' }).fill(to);
  await main.getByRole('button', { name: 'Show', exact: true }).click();
}
const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('the analytics dashboard', () => {
  it('shows the headline numbers, the trend with its table, and compares with the period before', async () => {
    const { server } = suite;
    const { page } = suite.box;
    await openTabAs(server, page, '?page=analytics', 'Clara Schmidt', 'English');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();

    // The last ten days, in which all the demo's colleagues shared: whatever the calendar says, enough people to show.
    const day = today();
    const from = minusDays(day, 9);
    await customPeriod(main, from, day);
    const api = await callApi<AnalyticsOverview>(server, 'clara', 'GET', `/analytics/overview?from=${from}&to=${day}`);
    // All sixteen colleagues shared in these days: enough people behind the shares.
    expect(api.body.current.shares).toBeGreaterThan(0);
    const shares = main.locator('[data-metric="shares"] dd');
    await eventually(() => shares.innerText(), (text) => text.startsWith(String(api.body.current.shares)));
    await main.getByRole('img', { name: /^Chart of shares, clicks and unique readers/ }).waitFor();
    expect(await eventually(() => main.getByTestId('analytics-chart').locator('svg path').count(), (n) => n > 3)).toBeGreaterThan(3);
    const table = main.getByRole('table', { name: 'Shares, clicks and unique readers over time' });
    // A header and one row per day, with the clicks the API counts.
    await eventually(() => table.getByRole('row').count(), (n) => n === 11);
    // Days made up by fewer than five people say "—", as the API holds them back.
    const clicks = (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[2]!.trim());
    expect(clicks).toEqual(api.body.trend.series.map((b) => (b.clicks === null ? '—' : new Intl.NumberFormat('en-US').format(b.clicks))));
    // Earned media value: no rates yet, so the card says how to set them.
    await main.locator('[data-metric="earnedMediaValue"]').getByText(/No cost per click entered yet/).waitFor();
    // Compared with the ten days before.
    const before = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${minusDays(from, 10)}T12:00:00Z`));
    await main.getByText(new RegExp(`· Compared with ${before} – `)).waitFor();

    // This month: from the first to today.
    await main.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'This month' });
    const first = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 7)}-01T12:00:00Z`));
    await main.getByText(new RegExp(`^${first} – `)).waitFor();
  });

  it('breaks the numbers down by department, never below five people, and downloads that table as CSV', async () => {
    const { server } = suite;
    const { page } = suite.box;
    const main = page.getByRole('main');
    // Back to the last ten days.
    const day = today();
    const from = minusDays(day, 9);
    await customPeriod(main, from, day);
    await main.getByRole('combobox', { name: 'Break down by' }).selectOption({ label: 'Department' });
    const table = main.getByRole('table', { name: 'Breakdown: Department' });
    await table.waitFor();

    const api = (await callApi<Breakdown>(server, 'clara', 'GET', `/analytics/breakdown?dimension=department&from=${from}&to=${day}`)).body;
    const expected = api.rows.map((r) => r.label);
    if (api.other) expected.push('Other (groups of fewer than 5 people, merged)');
    expect(expected.length).toBeGreaterThan(0);
    const firstCells = async () => (await table.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t')[0]!.trim());
    expect(await eventually(firstCells, (cells) => cells.length === expected.length)).toEqual(expected);
    for (const row of [...api.rows, ...(api.other ? [api.other] : [])]) expect(row.people).toBeGreaterThanOrEqual(5);

    const [download] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: 'Download CSV: Breakdown: Department' }).click()]);
    expect(download.suggestedFilename()).toBe(`chorus-department-${from}-${day}.csv`);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('department,key,people,shares,clicks,readers,conversions,clicks_per_share');
    expect(lines).toHaveLength(expected.length + 1);
    for (const row of api.rows) expect(lines).toContain(`${row.label},${row.key},${row.people},${row.shares},${row.clicks},${row.readers},${row.conversions},${row.clicksPerShare ?? ''}`);
  });

  it("shows an item's funnel from the item breakdown, with read receipts not available rather than 0", async () => {
    const { server } = suite;
    const { page } = suite.box;
    const main = page.getByRole('main');
    await main.getByRole('combobox', { name: 'Break down by' }).selectOption({ label: 'Item' });
    const items = main.getByRole('table', { name: 'Breakdown: Item' });
    const first = items.getByRole('button', { name: /^Show the funnel of/ }).first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    const title = label.replace(/^Show the funnel of “/, '').replace(/”$/, '');
    await first.click();
    const funnel = main.getByRole('table', { name: `Funnel: ${title}` });
    await funnel.waitFor();
    const rows = (await funnel.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t').map((c) => c.trim()).filter(Boolean));
    expect(rows.map((r) => r[0])).toEqual(['Recipients of the card', 'Card delivered', 'Card read', 'Share page opened', 'Posted', 'Clicks on their links', 'Conversions']);
    // The demo's Teams never sent a read receipt: "not available", never a made-up 0.
    expect(rows[2]![1]).toBe('Not available (no read receipts yet)');
    const feed = await callApi<{ items: Array<{ id: string; title: string }> }>(server, 'clara', 'GET', `/admin/items?q=${encodeURIComponent(title.slice(0, 20))}`);
    const itemId = feed.body.items.find((i) => i.title === title)!.id;
    const api = await callApi<{ stages: Array<{ value: number | null }> }>(server, 'clara', 'GET', `/analytics/funnel?itemId=${itemId}`);
    expect(rows[0]![1]).toBe(String(api.body.stages[0]!.value));
  });

  it('makes a monthly report that prints without the tab around it', async () => {
    const { page } = suite.box;
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Monthly report' }).click();
    const month = today().slice(0, 7);
    // This month: the demo's colleagues shared in the past days.
    await main.getByLabel('Month').fill(month);
    const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
    await main.getByRole('heading', { level: 1, name: `Chorus — report for ${monthName}` }).waitFor();
    await main.getByRole('table', { name: 'At a glance' }).waitFor();
    // Its tables, or — early on the first of a month — that no group is big enough yet.
    await main.getByRole('heading', { name: 'Top 10 by item' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
      expect(await main.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
      expect(await main.getByRole('table', { name: 'At a glance' }).isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await main.getByRole('button', { name: 'Back to Analytics' }).click();
    await main.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
  });

  it('speaks German', async () => {
    const { page } = suite.box;
    await chooseLanguage(page, 'Deutsch');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Auswertung' }).waitFor();
    await main.getByRole('combobox', { name: 'Aufschlüsseln nach' }).waitFor();
    await main.getByRole('table', { name: 'Geteilte Beiträge, Klicks und eindeutige Leser:innen im Zeitverlauf' }).waitFor();
    await main.getByText(/ · Verglichen mit /).waitFor();
  });

  it('is not there for employees', async () => {
    const { page } = suite.box;
    await pickPerson(page, 'Jonas Weber');
    await page.getByRole('navigation').getByRole('tab', { name: 'Teilen' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('tab', { name: 'Auswertung' }).count()).toBe(0);
  });
});

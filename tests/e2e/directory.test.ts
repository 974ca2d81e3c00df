// The Directory admin page (issue 14 §1): Clara, an admin, sees that the directory sync has
// not run yet, presses "Sync now" and watches the round bring in the twelve colleagues of a
// fake Microsoft Graph on loopback — in German and in English. "Sync now" while a round runs
// says why it did not start. Jonas, an employee, has no such tab. Without an app that can
// reach Graph, the page says what the sync needs.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryStatus } from '../../bot/src/domain/model/directory.js';
import { FakeGraph, type GraphUser } from '../support/fake-graph.js';
import { browserSuite, callApi, choose, chooseLanguage, eventually, openTabAs } from './helpers.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const oid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const user = (n: number): GraphUser => ({
  id: oid(n),
  displayName: `Colleague ${n}`,
  mail: `colleague${n}@contoso.example`,
  department: n % 2 === 0 ? 'Sales' : 'Engineering',
  officeLocation: 'Berlin',
  preferredLanguage: 'en-US',
  accountEnabled: true,
});

/** The number on a count tile (`created`, `fromDirectory` …). */
const count = (main: Locator, key: string) => main.locator(`[data-count="${key}"] dd`).locator('span').first();
/** The value of a fact (`kind`, `status`, `schedule` …). */
const fact = (main: Locator, key: string) => main.locator(`[data-fact="${key}"] dd`);

describe('the Directory page, with the sync set up', () => {
  const graph = new FakeGraph();
  // Before the suite's server, which points at it; stopped after the server closed.
  beforeAll(async () => {
    await graph.start();
    for (let n = 1; n <= 12; n++) graph.put(user(n));
  });
  afterAll(() => graph.stop());
  const suite = browserSuite({}, () => graph.serverEnv(TENANT));

  it('says it has not run yet; "Sync now" runs a round and shows what it changed (German, then English)', async () => {
    const { server } = suite;
    const { page } = suite.box;
    await openTabAs(server, page, '?page=directory', 'Clara Schmidt', 'English');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('tab', { name: 'Admin · Directory', selected: true }).count()).toBe(1);
    await main.getByText('Not run yet').waitFor();
    expect(await fact(main, 'schedule').innerText()).toBe('Only on demand, with “Sync now”');
    expect(await fact(main, 'scope').innerText()).toBe('The whole directory');
    // No round yet: nothing to say about changes.
    expect(await main.getByRole('heading', { name: 'Changes in the last round' }).count()).toBe(0);

    await chooseLanguage(page, 'Deutsch');
    await main.getByRole('heading', { level: 1, name: 'Verzeichnis' }).waitFor();
    await main.getByText('Noch nicht gelaufen').waitFor();
    await main.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    // The outcome is said in a live region.
    const outcome = page.getByTestId('directory-outcome');
    expect(await outcome.getAttribute('role')).toBe('status');
    await eventually(
      () => outcome.innerText(),
      (text) => text.includes('Synchronisierung beendet: 12 angelegt, 0 geändert, 0 gegangen, 0 übersprungen.'),
      20_000,
    );
    await main.getByRole('heading', { level: 2, name: 'Änderungen der letzten Runde' }).waitFor();
    expect(await count(main, 'created').innerText()).toBe('12');
    expect(await fact(main, 'status').innerText()).toBe('OK');
    expect(await fact(main, 'kind').innerText()).toBe('Vollständig: das ganze Verzeichnis wurde gelesen');
    // The button is back once the round is over.
    expect(await main.getByRole('button', { name: 'Jetzt synchronisieren' }).isEnabled()).toBe(true);

    await chooseLanguage(page, 'English');
    await main.getByRole('heading', { level: 2, name: 'Changes in the last round' }).waitFor();
    const api = (await callApi<DirectoryStatus>(server, 'clara', 'GET', '/admin/directory')).body;
    expect(api).toMatchObject({ lastStatus: 'ok', lastCounts: { created: 12, updated: 0, left: 0, skipped: 0 } });
    expect(await count(main, 'created').innerText()).toBe('12');
    expect(await count(main, 'updated').innerText()).toBe('0');
    expect(await count(main, 'fromDirectory').innerText()).toBe('12');
    expect(await count(main, 'total').innerText()).toBe(String(api.people.total));
    expect(await fact(main, 'status').innerText()).toBe('OK');
    expect(await fact(main, 'kind').innerText()).toBe('Full: the whole directory was read');
    expect(await main.getByText('12 directory entries read, on 1 page.').count()).toBe(1);
  });

  it('says why "Sync now" did not start while a round runs, follows that round, and shows a delta round', async () => {
    const { server } = suite;
    const { page } = suite.box;
    const main = page.getByRole('main');
    graph.put(user(13));
    // A round that waits for Graph until the test lets it go; the page has not seen it start.
    const release = graph.hold();
    try {
      expect((await callApi(server, 'clara', 'POST', '/admin/directory/sync', {})).status).toBe(202);
      await main.getByRole('button', { name: 'Sync now' }).click();
      const outcome = page.getByTestId('directory-outcome');
      await outcome.getByText('The sync did not start').waitFor();
      await outcome.getByText('A directory sync round is already running').waitFor();
      // The page now knows the round runs: it says so and offers no second start.
      await main.getByText(/^A sync round is running \(started /).waitFor();
      expect(await main.getByRole('button', { name: 'Syncing …' }).isDisabled()).toBe(true);
    } finally {
      release();
    }
    // It follows the round to its end: the new colleague, from the changes since the round before.
    await eventually(() => count(main, 'created').innerText(), (text) => text === '1', 20_000);
    expect(await fact(main, 'kind').innerText()).toBe('Changes only, since the round before');
    await main.getByRole('button', { name: 'Sync now' }).waitFor();
    expect(await main.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
  });

  it('says when a round failed, and why', async () => {
    const { page } = suite.box;
    const main = page.getByRole('main');
    graph.fail(403, 1, undefined, JSON.stringify({ error: { code: 'Authorization_RequestDenied' } }));
    await main.getByRole('button', { name: 'Sync now' }).click();
    const outcome = page.getByTestId('directory-outcome');
    await outcome.getByText(/^The sync failed: Graph answered 403 \(is the application permission User\.Read\.All granted with admin consent\?\)/).waitFor({ timeout: 20_000 });
    expect(await fact(main, 'status').innerText()).toBe('Failed');
    await main.getByRole('heading', { level: 2, name: 'Last sync' }).waitFor();
    expect(await main.locator('section').filter({ hasText: 'Last sync' }).getByText(/Authorization_RequestDenied/).count()).toBe(1);
  });

  it('fits a 320 px side panel in high contrast, every section included', async () => {
    const { page } = suite.box;
    const main = page.getByRole('main');
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await choose(page, page.getByRole('banner'), 'Theme', 'High contrast');
      await main.getByRole('heading', { level: 2, name: 'Changes in the last round' }).waitFor();
      await main.getByRole('heading', { level: 2, name: 'Schedule' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    } finally {
      await choose(page, page.getByRole('banner'), 'Theme', 'Light');
      await page.setViewportSize({ width: 1000, height: 800 });
    }
  });

  it('is not there for employees', async () => {
    const { server } = suite;
    const { page } = suite.box;
    await openTabAs(server, page, '?page=share', 'Jonas Weber', 'English');
    await page.getByRole('navigation').getByRole('tab', { name: 'Share' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('tab', { name: 'Admin · Directory' }).count()).toBe(0);
    await page.goto(`${server.url}/tab/?page=directory`);
    await page.getByRole('main').getByRole('alert').getByText('Only admins can do this').waitFor();
    expect(await page.getByRole('main').getByRole('heading', { level: 1, name: 'Directory' }).count()).toBe(0);
    expect((await callApi(server, 'jonas', 'GET', '/admin/directory')).status).toBe(403);
  });
});

describe('the Directory page, without an app that can reach Graph', () => {
  const suite = browserSuite();

  it('says what the sync needs, and offers no "Sync now"', async () => {
    const { server } = suite;
    const { page } = suite.box;
    await openTabAs(server, page, '#/admin/directory', 'Clara Schmidt', 'English');
    const main = page.getByRole('main');
    await main.getByText('Directory sync is not set up').waitFor();
    await main.getByText(/MicrosoftAppId with a client secret/).waitFor();
    await main.getByText(/managed identity/).waitFor();
    await main.getByText(/User\.Read\.All, with admin consent/).waitFor();
    expect(await fact(main, 'schedule').innerText()).toBe('None until the sync is set up');
    expect(await main.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    await main.getByRole('heading', { level: 2, name: 'People' }).waitFor();

    await chooseLanguage(page, 'Deutsch');
    await main.getByText('Die Verzeichnis-Synchronisierung ist nicht eingerichtet').waitFor();
    await main.getByText(/User\.Read\.All mit Administratorzustimmung/).waitFor();
  });
});

// Shared steps for the browser tests: a context that cannot leave loopback, the social
// networks faked, and the tab opened and signed in the way a person would do it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../bot/src/paths.js';
import { launchBrowser } from '../support/browser.js';
import { eventually as pollUntil } from '../support/eventually.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The networks' share dialogs; answered with a tiny page so no request leaves the machine. */
export const NETWORK_HOSTS = ['x.com', 'www.linkedin.com', 'www.facebook.com', 'www.xing.com'] as const;

export function assertTabBuilt(): void {
  if (!existsSync(path.join(projectRoot(), 'dist', 'tab', 'index.html'))) {
    throw new Error('dist/tab is missing: run `npm run build:tab` first (npm test does it for you)');
  }
}

export interface Sandbox {
  context: BrowserContext;
  page: Page;
  /** Every URL a network's share dialog was asked for, in order. */
  networkRequests: string[];
  /** Resolves with the first request to `host`. */
  nextNetworkRequest(host: (typeof NETWORK_HOSTS)[number]): Promise<string>;
}

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
  box: Sandbox;
}

/**
 * One test file's world: the real server with the demo company, Chromium, and a sandboxed
 * context — set up before the file's tests and torn down after. Read the fields inside tests.
 * `serverEnv` adds configuration, read when the server starts (after the file's earlier
 * `beforeAll`s, such as a fake it points to).
 */
export function browserSuite(options: Parameters<typeof openSandbox>[1] = {}, serverEnv: () => Record<string, string> = () => ({})): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    assertTabBuilt();
    // Browser flows show the demo company: they sign in as its people and read its content.
    suite.server = await startTestServer(serverEnv(), { demo: true });
    suite.browser = await launchBrowser();
    suite.box = await openSandbox(suite.browser, options);
  });
  afterAll(async () => {
    await suite.box?.context.close();
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Another person's browser next to the suite's (an employee beside the admin), opened
 * before the file's tests and closed after. Read `box` inside tests.
 */
export function extraSandbox(suite: BrowserSuite, options: Parameters<typeof openSandbox>[1] = {}): { box: Sandbox } {
  const extra = {} as { box: Sandbox };
  beforeAll(async () => {
    extra.box = await openSandbox(suite.browser, options);
  });
  afterAll(async () => {
    await extra.box?.context.close();
  });
  return extra;
}

/** The browser's time zone in every sandbox, unless a test asks for another (`timezoneId`). */
export const SANDBOX_TIME_ZONE = 'Europe/Berlin';

/** What a datetime-local input in the sandbox shows for `date` ("2026-03-14T09:30"). */
export function localInputValue(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: SANDBOX_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(date)
    .replace(' ', 'T');
}

/** Calls /api/v1 as a demo person, for setting up what a test needs or checking what was stored. */
export async function callApi<T>(
  server: TestServer,
  person: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...server.as(person), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function openSandbox(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string } = {},
): Promise<Sandbox> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1000, height: 800 },
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? SANDBOX_TIME_ZONE,
  });
  const networkRequests: string[] = [];
  const waiters: Array<{ host: string; resolve: (url: string) => void }> = [];

  // Last registered wins in Playwright: first the catch-all, then the fakes.
  await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  for (const host of NETWORK_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const url = route.request().url();
      networkRequests.push(url);
      for (const w of waiters.filter((w) => w.host === host)) w.resolve(url);
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><title>${host}</title><p>Fake ${host} share dialog</p>`,
      });
    });
  }
  const page = await context.newPage();
  return {
    context,
    page,
    networkRequests,
    nextNetworkRequest: (host) => new Promise((resolve) => waiters.push({ host, resolve })),
  };
}

/** Chooses an option of a Fluent Dropdown found by its label. */
export async function choose(page: Page, scope: Page | Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  // The listbox opens in a portal at the end of <body>, outside `scope`; multi-select
  // dropdowns offer menuitemcheckbox entries instead of options.
  await page.getByRole('option', { name: option }).or(page.getByRole('menuitemcheckbox', { name: option })).click();
}

/** Signs in as a demo person with the header's picker (label in English or German). */
export async function pickPerson(page: Page, displayName: string): Promise<void> {
  await choose(page, page.getByRole('banner'), /^(Demo person|Demo-Person)$/, new RegExp(`^${displayName}`));
}

/** Picks the tab's language in the header (its label is in the language shown). */
export async function chooseLanguage(page: Page, language: 'Deutsch' | 'English'): Promise<void> {
  await choose(page, page.getByRole('banner'), /^(Sprache|Language)$/, language);
}

/** Opens the tab at `where` (`?page=crisis`, `#/admin/announcements`) as a demo person, in `language` if given. */
export async function openTabAs(server: TestServer, page: Page, where: string, person: string, language?: 'Deutsch' | 'English'): Promise<void> {
  await page.goto(`${server.url}/tab/${where}`);
  await pickPerson(page, person);
  if (language) await chooseLanguage(page, language);
}

/** Waits until `read` returns what `accept` wants; a browser page needs longer and slower polls. */
export function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return pollUntil(read, accept, timeoutMs, 200);
}

/** The titles of the item cards on the page, in order. */
export async function cardTitles(page: Page): Promise<string[]> {
  return page.getByRole('main').getByRole('article').locator('h3').allInnerTexts();
}

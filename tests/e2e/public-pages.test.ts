// The privacy and terms pages the Teams manifest links to: readable without signing in,
// in the browser's language, and honest about what is stored.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { assertTabBuilt, openSandbox, type Sandbox } from './helpers.js';

let server: TestServer;
let browser: Browser;
let box: Sandbox;

beforeAll(async () => {
  assertTabBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  box = await openSandbox(browser, { locale: 'de-DE' });
});

afterAll(async () => {
  await box?.context.close();
  await browser?.close();
  await server?.close();
});

describe('privacy and terms', () => {
  it('explains what Chorus stores, without asking who you are', async () => {
    const { page } = box;
    await page.goto(`${server.url}/tab/#/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Datenschutz' }).waitFor();
    const text = await page.getByRole('article').innerText();
    expect(text).toContain('keine IP-Adresse');
    expect(text).toContain('kein Cookie');
    expect(text).toContain('überwacht nicht');
  });

  it('says that sharing is voluntary', async () => {
    const { page } = box;
    await page.getByRole('link', { name: 'Nutzungsbedingungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nutzungsbedingungen' }).waitFor();
    expect(await page.getByRole('article').innerText()).toContain('Teilen ist freiwillig');
  });
});

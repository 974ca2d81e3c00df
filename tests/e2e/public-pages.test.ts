// The privacy and terms pages the Teams manifest links to: readable without signing in,
// in the browser's language, and honest about what is stored.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers.js';

const suite = browserSuite({ locale: 'de-DE' });

describe('privacy and terms', () => {
  it('explains what Chorus stores, without asking who you are', async () => {
    const { page } = suite.box;
    await page.goto(`${suite.server.url}/tab/#/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Datenschutz' }).waitFor();
    const text = await page.getByRole('article').innerText();
    expect(text).toContain('keine IP-Adresse');
    expect(text).toContain('kein Cookie');
    expect(text).toContain('überwacht nicht');
  });

  it('says that sharing is voluntary', async () => {
    const { page } = suite.box;
    await page.getByRole('link', { name: 'Nutzungsbedingungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nutzungsbedingungen' }).waitFor();
    expect(await page.getByRole('article').innerText()).toContain('Teilen ist freiwillig');
  });
});

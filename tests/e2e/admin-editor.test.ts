// Clara (admin) writes a new item, is stopped by an X text that is too long (in the
// browser) and by an http:// destination (by the server), fixes both, publishes, and
// Aylin finds the item in her feed right away.
import { describe, expect, it } from 'vitest';
import { browserSuite, cardTitles, choose, eventually, openTabAs, pickPerson } from './helpers.js';

const TITLE = 'Mentoring for new colleagues: how our buddy programme works';

const suite = browserSuite({ viewport: { width: 1200, height: 900 } });

describe('the item editor', () => {
  it('lets Clara write an item, flags a too-long X text and an http link, and publishes it', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=share', 'Clara Schmidt');

    await page.getByRole('tab', { name: 'Verwaltung · Inhalte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inhalte' }).waitFor();
    await page.getByRole('button', { name: 'Neuer Inhalt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Inhalt' }).waitFor();

    const main = page.getByRole('main');
    await choose(page, main, 'Art', 'Artikel');
    await choose(page, main, 'Sprache', 'Englisch');
    await main.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    // Plain http: only the server knows this rule, so it answers 400 with a field message.
    const destination = main.getByRole('textbox', { name: 'Ziel-URL' });
    await destination.fill('http://www.contoso.example/en/blog/buddy-programme?from=chorus');
    await main.getByRole('textbox', { name: 'Warum teilen' }).fill('People considering a job here ask how we welcome newcomers; this answers it.');
    await choose(page, main, 'Themen', 'Unternehmenskultur');
    await page.keyboard.press('Escape');

    // The preview shows the card as employees will see it.
    const preview = main.getByRole('region', { name: 'Vorschau im Feed' });
    await preview.getByRole('heading', { name: TITLE }).waitFor();

    const x = main.getByRole('textbox', { name: 'Textvorschlag für X', exact: true });
    await x.fill('Every new colleague here gets a buddy for the first 100 days. '.repeat(5));
    const error = main.getByText(/^Zu lang: \d+ von 280 Zeichen\.$/);
    await error.waitFor();
    expect(await main.getByText(/^\d+ \/ 280$/).innerText()).toMatch(/^(2[89]\d|3\d\d) \/ 280$/);

    // Publishing is refused while the text is too long; nothing is saved.
    await main.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await page.getByText('Bitte korrigieren Sie die markierten Felder.').first().waitFor(); // toast (and its live-region copy)
    expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe('Neuer Inhalt');

    await x.fill('Every new colleague here gets a buddy for the first 100 days. This is how it works:');
    await error.waitFor({ state: 'detached' });
    await main.getByRole('textbox', { name: 'Textvorschlag für LinkedIn' }).fill('Our buddy programme in one page.');

    await main.getByRole('button', { name: 'Entwurf speichern' }).click();
    const urlError = main.getByText('muss mit https:// beginnen');
    await urlError.waitFor();
    expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe('Neuer Inhalt');
    await destination.fill('https://www.contoso.example/en/blog/buddy-programme?from=chorus');
    await urlError.waitFor({ state: 'detached' });

    await main.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
    await page.getByText('Veröffentlicht: Mitarbeitende können den Inhalt jetzt teilen.').first().waitFor();
    await main.getByRole('heading', { level: 1, name: 'Inhalt bearbeiten' }).waitFor();
    expect(page.url()).toMatch(/#\/admin\/items\/[0-9a-f-]{36}$/);
    await main.getByText('Live', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Verwaltung · Inhalte' }).click();
    const row = main.getByRole('article', { name: TITLE });
    await row.getByText('Veröffentlicht', { exact: true }).waitFor();
  });

  it('shows the published item in Aylin’s feed, in English', async () => {
    const { page } = suite.box;
    await page.getByRole('tab', { name: 'Teilen' }).click();
    await pickPerson(page, 'Aylin Demir');
    await page.getByRole('heading', { level: 1, name: 'Worth sharing' }).waitFor();
    const titles = await eventually(() => cardTitles(page), (t) => t.includes(TITLE));
    expect(titles).toContain(TITLE);

    const card = page.getByRole('main').getByRole('article', { name: TITLE });
    expect(await card.innerText()).toContain('Culture');
    await card.getByRole('button', { name: `Share ${TITLE}` }).waitFor();
  });
});

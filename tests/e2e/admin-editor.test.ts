// Clara (admin) writes a new item, is stopped by an X text that is too long (in the
// browser) and by an http:// destination (by the server), fixes both, publishes, and
// Aylin finds the item in her feed right away. Last, at 320 px in German, items whose
// audience reaches nobody, or names a department nobody holds, are flagged in the list and
// warned about before they are announced; while Clara chooses an audience the editor says whom
// it reaches, and Publish now asks first when that is nobody (Finance × München).
import { describe, expect, it } from 'vitest';
import type { AudienceChoices, AudienceReach } from '../../bot/src/domain/model/items.js';
import { browserSuite, callApi, cardTitles, choose, eventually, openTabAs, pickPerson } from './helpers.js';

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

  it('shows the departments people hold with how many, flags one nobody holds, and warns on saving', async () => {
    const { page } = suite.box;
    const choices = (await callApi<AudienceChoices>(suite.server, 'clara', 'GET', '/admin/audiences')).body;
    const engineers = choices.counts.departments.Engineering!;
    expect(engineers).toBeGreaterThan(0);
    await openTabAs(suite.server, page, '?page=share', 'Clara Schmidt');
    await page.getByRole('tab', { name: 'Verwaltung · Inhalte' }).click();
    await page.getByRole('button', { name: 'Neuer Inhalt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Inhalt' }).waitFor();
    const main = page.getByRole('main');

    // The suggestions name how many people are in each department.
    expect(await main.locator('datalist option[value="Engineering"]').getAttribute('label')).toBe(`Engineering (${engineers} Personen)`);
    const departments = main.getByRole('combobox', { name: 'Abteilungen' }).or(main.getByRole('textbox', { name: 'Abteilungen' }));
    await departments.fill('Engineering');
    await departments.press('Enter');
    await departments.fill('Sales & Marketing (alt)');
    await departments.press('Enter');
    await main.getByText(`${engineers} Personen`, { exact: true }).waitFor(); // the tag; the line below says "Erreicht …"
    await main.getByText('hat niemand (umbenannt oder weggefallen?)').waitFor();

    await choose(page, main, 'Art', 'Artikel');
    await choose(page, main, 'Sprache', 'Englisch');
    await main.getByRole('textbox', { name: 'Titel' }).fill('Audience check');
    await main.getByRole('textbox', { name: 'Ziel-URL' }).fill('https://www.contoso.example/en/audience-check');
    await main.getByRole('textbox', { name: 'Warum teilen' }).fill('A check of the audience pickers.');
    await choose(page, main, 'Themen', 'Unternehmenskultur');
    await page.keyboard.press('Escape');
    await main.getByRole('button', { name: 'Entwurf speichern' }).click();
    await main.getByText('Hat im Verzeichnis niemand (umbenannt oder weggefallen?): Sales & Marketing (alt)').waitFor();
  });

  it('flags an item that reaches nobody and warns before announcing it; cancelling sends nothing — at 320 px', async () => {
    const { page } = suite.box;
    // Nobody in Finance works in München; Sarah in Finance (Berlin) is reached, but "Finanzen (alt)" is held by no one.
    const published = async (title: string, departments: string[], locations: string[]) => {
      const created = await callApi<{ item: { id: string } }>(suite.server, 'clara', 'POST', '/admin/items', {
        kind: 'article',
        language: 'de',
        title,
        url: 'https://www.contoso.example/de/finanzen',
        why: 'Ein Blick auf unsere Zahlen.',
        audience: { departments, locations },
      });
      expect((await callApi(suite.server, 'clara', 'POST', `/admin/items/${created.body.item.id}/publish`, {})).status).toBe(200);
      return created.body.item.id;
    };
    const announcements = async (id: string) =>
      (await callApi<{ items: unknown[] }>(suite.server, 'clara', 'GET', `/admin/announcements?itemId=${id}`)).body.items;
    const NOBODY = 'Quartalszahlen für Finanzen in München';
    const STALE = 'Quartalszahlen für Finanzen, alt und neu';
    const nobody = await published(NOBODY, ['Finance'], ['München']);
    const stale = await published(STALE, ['Finance', 'Finanzen (alt)'], []);

    await page.setViewportSize({ width: 320, height: 800 });
    await openTabAs(suite.server, page, '?page=share', 'Clara Schmidt', 'Deutsch');
    await page.getByRole('tab', { name: 'Verwaltung · Inhalte' }).click();
    const main = page.getByRole('main');
    const row = main.getByRole('article', { name: NOBODY });
    const flag = row.getByText('Erreicht niemanden', { exact: true });
    await flag.waitFor();
    await flag.focus();
    await page.getByRole('tooltip').getByText(/^Zu dieser Zielgruppe gehört im Verzeichnis derzeit niemand/).waitFor();
    await main.getByRole('article', { name: STALE }).getByText('Zielgruppe veraltet', { exact: true }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    // "Ankündigen" says first that no one would get the card; "Abbrechen" sends nothing.
    await row.getByRole('button', { name: `Bearbeiten: ${NOBODY}` }).click();
    await main.getByRole('heading', { level: 1, name: 'Inhalt bearbeiten' }).waitFor();
    const section = main.getByRole('region', { name: 'Ankündigung' });
    await section.getByRole('button', { name: 'Ankündigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Diesen Inhalt ankündigen?' });
    await dialog.getByText(/^Diese Zielgruppe erreicht derzeit niemanden: Die Karte bekäme niemand/).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await announcements(nobody)).toEqual([]);
    await section.getByRole('button', { name: 'Ankündigen' }).waitFor(); // still on offer

    // A value nobody holds is named; the warning does not stop the announcement to those who are reached.
    await page.goto(`${suite.server.url}/tab/#/admin/items/${stale}`);
    await main.getByRole('heading', { level: 1, name: 'Inhalt bearbeiten' }).waitFor();
    await section.getByRole('button', { name: 'Ankündigen' }).click();
    await dialog.getByText('Finanzen (alt) hat im Verzeichnis niemand mehr (umbenannt oder weggefallen?): Dort bekommt niemand die Karte.').waitFor();
    await dialog.getByRole('button', { name: 'Ankündigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Ankündigung gestartet: Die Karten werden gesendet.').first().waitFor();
    expect(await announcements(stale)).toHaveLength(1);
  });

  it('says whom the audience reaches while Clara chooses it, and asks before publishing to nobody; “Back to editing” publishes nothing — at 320 px', async () => {
    const { page } = suite.box;
    const TITLE = 'Neue Reisekostenregeln für Finance';
    const reach = async (departments: string[], locations: string[]) =>
      (await callApi<AudienceReach>(suite.server, 'clara', 'POST', '/admin/audiences/reach', { departments, locations })).body.people;
    const reaches = (n: number) => (n === 1 ? 'Erreicht 1 Person' : `Erreicht ${n} Personen`);
    const everyone = await reach([], []);
    const finance = await reach(['Finance'], []);
    const financeInBerlin = await reach(['Finance'], ['Berlin']);
    // Each value is held by someone, but nobody in Finance works in München.
    expect(await reach(['Finance'], ['München'])).toBe(0);
    expect(await reach([], ['München'])).toBeGreaterThan(0);
    expect(financeInBerlin).toBeGreaterThan(0);
    const itemsTitled = async () =>
      (await callApi<{ items: Array<{ id: string; status: string }> }>(suite.server, 'clara', 'GET', `/admin/items?q=${encodeURIComponent(TITLE)}`)).body.items;

    await page.setViewportSize({ width: 320, height: 800 });
    await openTabAs(suite.server, page, '?page=share', 'Clara Schmidt', 'Deutsch');
    await page.getByRole('tab', { name: 'Verwaltung · Inhalte' }).click();
    await page.getByRole('button', { name: 'Neuer Inhalt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Inhalt' }).waitFor();
    const main = page.getByRole('main');

    // The line is a polite live region: a screen reader hears each new count.
    const line = main.getByRole('status').filter({ hasText: /^(Alle|Erreicht|Personen werden gezählt)/ });
    await line.getByText(`Alle (${everyone} Personen)`).waitFor();
    expect(await line.getAttribute('aria-live')).toBe('polite');
    const field = (name: string) => main.getByRole('combobox', { name }).or(main.getByRole('textbox', { name }));
    const add = async (name: string, value: string) => {
      await field(name).fill(value);
      await field(name).press('Enter');
    };
    await add('Abteilungen', 'Finance');
    await line.getByText(reaches(finance)).waitFor();
    await add('Standorte', 'München');
    await line.getByText('Erreicht niemanden: Zu dieser Zielgruppe gehört im Verzeichnis derzeit niemand.').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    await choose(page, main, 'Art', 'Artikel');
    await choose(page, main, 'Sprache', 'Deutsch');
    await main.getByRole('textbox', { name: 'Titel' }).fill(TITLE);
    await main.getByRole('textbox', { name: 'Ziel-URL' }).fill('https://www.contoso.example/de/reisekosten');
    await main.getByRole('textbox', { name: 'Warum teilen' }).fill('Was sich bei Dienstreisen ändert.');
    await choose(page, main, 'Themen', 'Unternehmenskultur');
    await page.keyboard.press('Escape');

    // "Jetzt ankündigen" is chosen: Publish now asks first, before anything is saved.
    const publishNow = main.getByRole('button', { name: 'Jetzt veröffentlichen' });
    await publishNow.click();
    const dialog = page.getByRole('dialog', { name: 'An diese Zielgruppe veröffentlichen?' });
    await dialog.getByText('Diese Zielgruppe erreicht derzeit niemanden: Niemand sähe den Inhalt im Feed oder bekäme die Karte.').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await dialog.getByRole('button', { name: 'Zurück zum Bearbeiten' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe('Neuer Inhalt');
    expect(await itemsTitled()).toEqual([]);
    await eventually(() => publishNow.evaluate((b) => b === document.activeElement), Boolean); // focus back where Clara was

    // Berlin instead of München: people are reached, so Publish now publishes and announces in one click, as ever.
    await main.getByRole('button', { name: 'München entfernen' }).click();
    await add('Standorte', 'Berlin');
    await line.getByText(reaches(financeInBerlin)).waitFor();
    await publishNow.click();
    await page.getByText(/^Veröffentlicht: Mitarbeitende können den Inhalt jetzt teilen\. Ankündigung gestartet/).first().waitFor();
    expect(await dialog.count()).toBe(0);
    const [published] = await itemsTitled();
    expect(published?.status).toBe('published');
    expect((await callApi<{ items: unknown[] }>(suite.server, 'clara', 'GET', `/admin/announcements?itemId=${published!.id}`)).body.items).toHaveLength(1);
  });
});

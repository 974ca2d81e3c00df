// Trainings: Clara (admin, German UI) plans a session at 10:00 Berlin time in the tab. Aylin,
// in Berlin, sees 10:00; Mia, in London on a phone-narrow screen, sees 09:00 and that it is
// planned for 10:00 in Berlin. Aylin registers, finds it under My sessions and saves the
// calendar file. A full one-seat session puts Mia on the waitlist. Last, Clara aims the
// session at a department nobody holds and is warned on saving, in the list and before announcing.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, callApi, localInputValue, openSandbox, openTabAs, pickPerson, type Sandbox } from './helpers.js';

const TITLE = `Writing a good LinkedIn post ${Date.now().toString(36)}`;
const SMALL = 'One-to-one profile coaching';
const DAY = 86_400_000;

const suite = browserSuite({ viewport: { width: 1100, height: 900 }, locale: 'de-DE' });
let berlin: Sandbox;
let london: Sandbox;
beforeAll(async () => {
  [berlin, london] = await Promise.all([
    openSandbox(suite.browser, { locale: 'en-GB', timezoneId: 'Europe/Berlin' }),
    openSandbox(suite.browser, { locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 320, height: 700 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([berlin?.context.close(), london?.context.close()]);
});

const region = (page: Page, name: string) => page.getByRole('main').getByRole('region', { name });
const session = (page: Page, list: string, title: string) => region(page, list).getByRole('article', { name: title });
const toast = (page: Page, text: string) => page.getByRole('status').getByText(text).or(page.getByText(text, { exact: true })).first();
const berlinClock = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

describe('trainings', () => {
  it('lets Clara plan a session at 10:00 in her own time zone, with the server’s messages next to the fields', async () => {
    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=trainings', 'Clara Schmidt');
    await page.getByRole('heading', { level: 1, name: 'Schulungen' }).waitFor();
    const admin = page.getByRole('region', { name: 'Schulungen verwalten (Admins)' });
    await admin.getByRole('button', { name: 'Neue Schulung' }).click();
    const form = admin.getByRole('form', { name: 'Neue Schulung' });
    expect(await form.getByRole('combobox', { name: /^Zeitzone der Schulung/ }).inputValue()).toBe('Europe/Berlin');

    const day = localInputValue(new Date(Date.now() + 4 * DAY)).slice(0, 10);
    await form.getByRole('textbox', { name: /^Titel/ }).fill(TITLE);
    await form.getByLabel(/^Beginn/).fill(`${day}T10:00`);
    await form.getByLabel(/^Ende/).fill(`${day}T11:30`);
    await form.getByRole('spinbutton', { name: /^Plätze/ }).fill('10');
    await form.getByRole('combobox', { name: /^Sprache/ }).selectOption('en');
    // Neither a meeting link nor a room: the server refuses and says where.
    await form.getByRole('button', { name: 'Schulung anlegen' }).click();
    const link = form.getByRole('textbox', { name: /^Besprechungslink/ });
    await expect.poll(() => link.getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('textbox', { name: /^Raum/ }).fill('Atrium, 3rd floor');
    await form.getByRole('button', { name: 'Schulung anlegen' }).click();
    await form.waitFor({ state: 'detached' });
    await admin.getByText(TITLE).waitFor();

    const stored = await callApi<{ items: Array<{ id: string; title: string; startsAt: string; timeZone: string }> }>(suite.server, 'clara', 'GET', '/admin/trainings');
    const created = stored.body.items.find((s) => s.title === TITLE);
    expect(created?.timeZone).toBe('Europe/Berlin');
    expect(berlinClock(created!.startsAt)).toBe('10:00');

    // A session with one seat, taken by Jonas.
    const start = Date.now() + 5 * DAY;
    const small = await callApi<{ training: { id: string } }>(suite.server, 'clara', 'POST', '/admin/trainings', {
      title: SMALL, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), timeZone: 'Europe/Berlin',
      room: 'Room 2', capacity: 1, language: 'en', host: 'Clara Schmidt',
    });
    expect(small.status).toBe(201);
    const jonas = await callApi<{ outcome: string }>(suite.server, 'jonas', 'POST', `/trainings/${small.body.training.id}/register`, {});
    expect(jonas.body.outcome).toBe('registered');
  });

  it('shows the session at 10:00 in Berlin and 09:00 in London', async () => {
    await Promise.all(
      [berlin.page, london.page].map((page) => page.goto(`${suite.server.url}/tab/?page=trainings`)),
    );
    await Promise.all([pickPerson(berlin.page, 'Aylin Demir'), pickPerson(london.page, 'Mia Fischer')]);

    const inBerlin = session(berlin.page, 'Upcoming sessions', TITLE);
    expect(await inBerlin.locator('time').innerText()).toMatch(/, 10:00–11:30$/);
    await inBerlin.getByText('10 seats left').waitFor();

    const inLondon = session(london.page, 'Upcoming sessions', TITLE);
    expect(await inLondon.locator('time').innerText()).toMatch(/, 09:00–10:30 (GMT|BST)$/);
    await inLondon.getByText('10:00–11:30 in Europe/Berlin').waitFor();
    await inLondon.getByText('1 h 30 min · With Clara Schmidt · Language: English · Room: Atrium, 3rd floor').waitFor();
  });

  it('lets Aylin register, see it under My sessions and save it to her calendar', async () => {
    const { page } = berlin;
    const card = session(page, 'Upcoming sessions', TITLE);
    await card.getByRole('button', { name: `Register: ${TITLE}` }).click();
    await toast(page, `You are registered for “${TITLE}”.`).waitFor();
    await card.getByText('You are registered', { exact: true }).waitFor();
    await card.getByText('9 seats left').waitFor({ state: 'detached' });

    const mine = session(page, 'My sessions', TITLE);
    await mine.getByText('You are registered', { exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      mine.getByRole('button', { name: `Add to calendar: ${TITLE}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Writing-a-good-LinkedIn-post-[a-z0-9]+\.ics$/);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(TITLE);
  });

  it('puts Mia on the waitlist of a full session, on a 320 px screen', async () => {
    const { page } = london;
    const card = session(page, 'Upcoming sessions', SMALL);
    await card.getByText('Fully booked — waitlist').waitFor();
    await card.getByRole('button', { name: `Join the waitlist: ${SMALL}` }).click();
    await toast(page, `“${SMALL}” is fully booked: you are on the waitlist, place 1.`).waitFor();
    await card.getByText('You are on the waitlist: place 1').waitFor();
    await session(page, 'My sessions', SMALL).getByRole('button', { name: `Leave the waitlist: ${SMALL}` }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  });

  it('warns Clara when a session’s audience names a department nobody holds, on saving, in the list and before announcing — at 320 px', async () => {
    const { page } = suite.box;
    await page.setViewportSize({ width: 320, height: 800 });
    await openTabAs(suite.server, page, '?page=trainings', 'Clara Schmidt');
    const admin = page.getByRole('region', { name: 'Schulungen verwalten (Admins)' });
    const row = admin.getByRole('listitem').filter({ has: page.getByText(TITLE, { exact: true }) });
    await row.getByRole('button', { name: `${TITLE} bearbeiten` }).click();
    const form = admin.getByRole('form', { name: `Schulung bearbeiten: ${TITLE}` });
    const departments = form.getByRole('combobox', { name: 'Abteilungen' }).or(form.getByRole('textbox', { name: 'Abteilungen' }));
    // Under the picker, whom the audience reaches: everyone, until a department nobody holds is its only one.
    const everyone = (await callApi<{ people: number }>(suite.server, 'clara', 'POST', '/admin/audiences/reach', {})).body.people;
    await form.getByRole('status').getByText(`Alle (${everyone} Personen)`).waitFor();
    await departments.fill('Vertrieb (alt)');
    await departments.press('Enter');
    await form.getByText('hat niemand (umbenannt oder weggefallen?)').waitFor(); // the picker knows already
    await form.getByRole('status').getByText(/^Erreicht niemanden/).waitFor();

    // Saved all the same; the editor stays open and says what is worth a look.
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    await toast(page, 'Schulung gespeichert.').waitFor();
    const warnings = form.getByText('Gespeichert – bitte prüfen').locator('..');
    await warnings.getByText('Hat im Verzeichnis niemand (umbenannt oder weggefallen?): Vertrieb (alt)').waitFor();
    await warnings.getByText(/^Diese Zielgruppe erreicht derzeit niemanden/).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    // Closed: the row is flagged, and announcing warns before anything is sent.
    await form.getByRole('button', { name: 'Schließen' }).click();
    await form.waitFor({ state: 'detached' });
    const flag = row.getByText('Zielgruppe veraltet');
    await flag.waitFor();
    await flag.focus();
    await page.getByRole('tooltip').getByText(/^Vertrieb \(alt\) hat im Verzeichnis niemand mehr/).waitFor();
    await row.getByRole('button', { name: `${TITLE} jetzt ankündigen` }).click();
    const dialog = page.getByRole('dialog', { name: 'Diese Schulung jetzt ankündigen?' });
    await dialog.getByText(/^Diese Zielgruppe erreicht derzeit niemanden: Die Karte bekäme niemand/).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const announced = await callApi<{ items: Array<{ title: string; announcedAt: string | null }> }>(suite.server, 'clara', 'GET', '/admin/trainings');
    expect(announced.body.items.find((s) => s.title === TITLE)?.announcedAt).toBeNull();

    // Back to everyone: saved without warnings, the editor closes and the flag goes.
    await row.getByRole('button', { name: `${TITLE} bearbeiten` }).click();
    await form.getByRole('button', { name: 'Vertrieb (alt) entfernen' }).click();
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    await form.waitFor({ state: 'detached' });
    await flag.waitFor({ state: 'detached' });
  });
});

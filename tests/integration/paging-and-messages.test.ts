// Issue 11, sections 5 and 7: every list that can grow is keyset-paged by one helper (the
// first page answers as before, `nextCursor` leads on), and messages are worded by key in
// the reader's language, including the ones English-sentence matching used to miss.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGuideline, anAdmin, anItem, anOnboardingStep, aPerson, aTopic, aTraining, type TestPerson } from '../support/factories.js';
import { api, validItem } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;
const asAdmin = () => admin.headers;

beforeAll(async () => {
  s = await startTestServer();
  admin = await anAdmin(s.db);
  employee = await aPerson(s.db);
  // Two of everything a list pages over, three items to share.
  for (let i = 0; i < 2; i++) {
    await aGuideline(s.db, { by: admin });
    await aTraining(s.db, { by: admin });
    await anOnboardingStep(s.db);
  }
  for (let i = 0; i < 3; i++) await anItem(s.db);
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
});
afterAll(async () => {
  await s?.close();
});

/** Every item of a paged list, following `nextCursor` page by page. */
async function everyPage(path: string, headers: Record<string, string>, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(s.url, 'GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
    expect(res.status, path).toBe(200);
    ids.push(...res.body.items.map((i: { id?: string; version?: number; itemId?: string; personId?: string }) => String(i.id ?? i.version ?? i.itemId ?? i.personId)));
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, pages };
}

describe('keyset paging', () => {
  it('pages the admin lists, guideline history and the crisis audit without losing or repeating anything', async () => {
    const guideline = (await api(s.url, 'GET', '/api/v1/admin/guidelines', { headers: asAdmin() })).body.items[0];
    for (let i = 0; i < 3; i++) {
      const saved = await api(s.url, 'PUT', `/api/v1/admin/guidelines/${guideline.id}`, {
        headers: asAdmin(),
        body: { baseVersion: guideline.current.version + i, title: guideline.current.title, body: { ...guideline.current.body, en: `${guideline.current.body.en} (${i})` } },
      });
      expect(saved.status).toBe(200);
    }
    for (let i = 0; i < 3; i++) {
      await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: asAdmin(), body: { reason: `drill ${i}`, instructions: { en: 'Hold on.' } } });
      await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: asAdmin(), body: {} });
    }
    for (const path of [
      '/api/v1/admin/guidelines',
      `/api/v1/admin/guidelines/${guideline.id}/versions`,
      '/api/v1/admin/crisis/audit',
      '/api/v1/admin/trainings',
      '/api/v1/admin/onboarding/steps',
      '/api/v1/trainings?view=upcoming',
    ]) {
      const whole = (await api(s.url, 'GET', path, { headers: asAdmin() })).body;
      expect(whole.nextCursor, path).toBeNull();
      expect(whole.items.length, path).toBeGreaterThan(1);
      const paged = await everyPage(path, asAdmin(), 1);
      expect(paged.pages, path).toBe(whole.items.length);
      expect(paged.ids, path).toEqual(whole.items.map((i: { id?: string; version?: number }) => String(i.id ?? i.version)));
    }
  });

  it('pages my shares by item, with totals over all of them', async () => {
    const mine = { ...employee.headers };
    const feed = (await api(s.url, 'GET', '/api/v1/items?limit=3', { headers: mine })).body.items as Array<{ id: string }>;
    for (const item of feed) {
      const { url } = (await api(s.url, 'POST', `/api/v1/items/${item.id}/share-link`, { headers: mine, body: {} })).body;
      const token = url.split('/s/')[1];
      await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'linkedin', text: '' } });
    }
    const whole = (await api(s.url, 'GET', '/api/v1/me/shares', { headers: mine })).body;
    expect(whole.items).toHaveLength(feed.length);
    expect(whole.nextCursor).toBeNull();
    const first = (await api(s.url, 'GET', '/api/v1/me/shares?limit=1', { headers: mine })).body;
    expect(first.totals).toEqual(whole.totals);
    expect(first.items).toHaveLength(1);
    const paged = await everyPage('/api/v1/me/shares', mine, 1);
    expect(paged.ids).toEqual(whole.items.map((i: { itemId: string }) => i.itemId));
  });

  it('refuses a cursor it did not make', async () => {
    const res = await api(s.url, 'GET', '/api/v1/admin/crisis/audit?cursor=bm9wZQ', { headers: { ...asAdmin(), 'accept-language': 'de' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ cursor: 'ist keine gültige Seitenmarke' });
  });
});

describe('messages by key', () => {
  it('words what English-sentence matching missed in German', async () => {
    const step = await api(s.url, 'POST', '/api/v1/onboarding/steps/00000000-0000-4000-8000-000000000000', {
      headers: { ...employee.headers, 'accept-language': 'de' },
      body: { done: true },
    });
    expect(step.body.error).toEqual({ code: 'not_found', message: 'Schritt nicht gefunden' });
    const page = await fetch(`${s.url}/s/${'x'.repeat(24)}`, { headers: { 'accept-language': 'de', accept: 'application/json' } });
    expect(((await page.json()) as { error: unknown }).error).toEqual({ code: 'not_found', message: 'Teilen-Seite nicht gefunden' });
  });

  it('puts zod’s own messages into the reader’s language through its locales', async () => {
    const en = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...asAdmin(), 'accept-language': 'en' }, body: validItem({ kind: 42 }) });
    const de = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...asAdmin(), 'accept-language': 'de' }, body: validItem({ kind: 42 }) });
    expect(en.body.error.fields.kind).toMatch(/^Invalid option/);
    expect(de.body.error.fields.kind).toMatch(/^Ungültige Option/);
  });

  it('keeps a parameter in its message in both languages', async () => {
    const long = { title: 't'.repeat(141) };
    const en = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...asAdmin(), 'accept-language': 'en' }, body: validItem(long) });
    const de = await api(s.url, 'POST', '/api/v1/admin/items', { headers: { ...asAdmin(), 'accept-language': 'de' }, body: validItem(long) });
    expect(en.body.error.fields.title).toBe('at most 140 characters');
    expect(de.body.error.fields.title).toBe('höchstens 140 Zeichen');
  });
});

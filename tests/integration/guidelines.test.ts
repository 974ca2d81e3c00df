import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuidelines } from '../../bot/src/storage/seed-guidelines.js';
import { anAdmin, aPerson, type TestPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Guidelines (issue 5): admins write versions in Markdown, employees read the current one,
// see what changed and may acknowledge it — and nobody else learns who did.
let s: TestServer;
let adminPerson: TestPerson;
let englishReader: TestPerson;
let germanReader: TestPerson;
const admin = () => adminPerson.headers; // German; versions name her
const english = () => englishReader.headers; // employee
const german = () => germanReader.headers; // employee

const PAGE = {
  slug: 'press-questions',
  title: { de: 'Fragen von der Presse', en: 'Questions from the press' },
  body: {
    de: 'Leiten Sie Anfragen an die **Pressestelle** weiter.',
    en: 'Pass enquiries on to the **press office**.\n\n<script>window.pwned = 1</script>\n\n[Intranet](javascript:alert(1))',
  },
  changeNote: { de: 'Erste Fassung', en: 'First version' },
};

interface Summary {
  version: number;
  changeNote: { de: string; en: string };
  createdBy: string | null;
}

const counts = async () => {
  const [row] = await s.db.query<{ pages: number; versions: number; acks: number }>(
    `select (select count(*)::int from guideline_pages) as pages, (select count(*)::int from guideline_versions) as versions,
            (select count(*)::int from guideline_acknowledgements) as acks`,
  );
  return row;
};
const readerPage = async (person: Record<string, string>, id: string) =>
  (await api(s.url, 'GET', '/api/v1/guidelines', { headers: person })).body.items.find((p: { id: string }) => p.id === id);

let id: string;

beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false' });
  adminPerson = await anAdmin(s.db, { displayName: 'Clara Schmidt', language: 'de' });
  englishReader = await aPerson(s.db, { language: 'en' });
  germanReader = await aPerson(s.db, { language: 'de' });
  // The starter set a company adapts: the first test is about it, the rest add to it.
  await seedGuidelines(s.db, adminPerson.id);
});
afterAll(async () => {
  await s?.close();
});

describe('guidelines', () => {
  it('starts with the demo starter set, in the reader’s language', async () => {
    const en = await api(s.url, 'GET', '/api/v1/guidelines', { headers: english() });
    expect(en.status).toBe(200);
    expect(en.body.items.map((p: { slug: string }) => p.slug)).toEqual([
      'dos-and-donts', 'confidential-information', 'talking-about-work', 'when-unsure', 'contacts',
    ]);
    expect(en.body.items[0]).toMatchObject({ title: "Do's and don'ts", version: 1, changeNote: 'First version', acknowledgedVersion: null });
    const de = await api(s.url, 'GET', '/api/v1/guidelines', { headers: german() });
    expect(de.body.items[1].title).toBe('Vertrauliche Informationen');
    // The tab's UI language wins over the person's own.
    const asked = await api(s.url, 'GET', '/api/v1/guidelines', { headers: { ...german(), 'accept-language': 'en' } });
    expect(asked.body.items[1].title).toBe('Confidential information');
    expect(de.body.items[4].html).toContain('href="mailto:presse@contoso.example"');
  });

  it('refuses strangers (401) and employees on admin routes (403), writing nothing', async () => {
    const before = await counts();
    expect((await api(s.url, 'GET', '/api/v1/guidelines')).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/v1/admin/guidelines', { body: PAGE })).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/v1/admin/guidelines', { headers: english() })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/v1/admin/guidelines', { headers: english(), body: PAGE })).status).toBe(403);
    const [some] = (await api(s.url, 'GET', '/api/v1/admin/guidelines', { headers: admin() })).body.items;
    expect((await api(s.url, 'PUT', `/api/v1/admin/guidelines/${some.id}`, { headers: english(), body: { ...PAGE, baseVersion: 1 } })).status).toBe(403);
    expect((await api(s.url, 'GET', `/api/v1/admin/guidelines/${some.id}/versions`, { headers: english() })).status).toBe(403);
    expect((await api(s.url, 'GET', `/api/v1/admin/guidelines/${some.id}/versions/1/diff/1`, { headers: german() })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input with a reason per field, in the caller’s language, and writes nothing', async () => {
    const before = await counts();
    const post = (body: unknown, headers = admin()) => api(s.url, 'POST', '/api/v1/admin/guidelines', { headers, body });

    const empty = await post({ slug: 'empty', title: { de: '', en: ' ' }, body: { de: '', en: '' } }, { ...admin(), 'accept-language': 'en' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'invalid', fields: { body: 'is required: a title and text in German or English (or both)' } });
    const german = await post({ slug: 'empty', title: { de: '', en: '' }, body: { de: '', en: '' } }, { ...admin(), 'accept-language': 'de-DE' });
    expect(german.body.error.message).toBe('Einige Felder sind nicht gültig');
    expect(german.body.error.fields.body).toBe('ist erforderlich: Titel und Text auf Deutsch oder Englisch (oder beides)');

    const halfWritten = await post({ ...PAGE, title: { de: '', en: 'Only a title' }, body: { de: PAGE.body.de, en: '' } }, { ...admin(), 'accept-language': 'en' });
    expect(halfWritten.body.error.fields).toEqual({ 'body.en': 'is required when the title is written', 'title.de': 'is required when the text is written' });

    const tooLong = await post({ ...PAGE, body: { de: 'x'.repeat(20_001), en: 'ok' } }, { ...admin(), 'accept-language': 'en' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toEqual({ 'body.de': 'at most 20000 characters' });
    const longTitle = await post({ ...PAGE, title: { de: 't'.repeat(121), en: 't' } }, { ...admin(), 'accept-language': 'en' });
    expect(longTitle.body.error.fields).toEqual({ 'title.de': 'at most 120 characters' });

    const unknown = await post({ ...PAGE, author: 'me', body: { ...PAGE.body, fr: 'Bonjour' } }, { ...admin(), 'accept-language': 'en' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ author: 'is not a known field', 'body.fr': 'is not a known field' });

    const badSlug = await post({ ...PAGE, slug: 'Bad Slug!' }, { ...admin(), 'accept-language': 'en' });
    expect(badSlug.body.error.fields).toEqual({ slug: 'lower-case letters, digits and single hyphens only' });
    const taken = await post({ ...PAGE, slug: 'contacts' }, { ...admin(), 'accept-language': 'en' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('A guideline page with this slug exists already');

    expect((await api(s.url, 'POST', '/api/v1/admin/guidelines', { headers: admin(), raw: '{"slug":' })).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('creates a page; every save is a new version with a history and a diff', async () => {
    const created = await api(s.url, 'POST', '/api/v1/admin/guidelines', { headers: admin(), body: PAGE });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ slug: PAGE.slug, current: { version: 1, title: PAGE.title, body: PAGE.body, createdBy: 'Clara Schmidt' } });
    // Stored as written: the script is neutralised when rendered, not refused.
    expect(created.body.current.body.en).toContain('<script>');

    const v2 = {
      baseVersion: 1,
      title: PAGE.title,
      body: { de: PAGE.body.de, en: 'Pass enquiries on to the **communications team**.\n\n<script>window.pwned = 1</script>' },
      changeNote: { de: 'Neue Ansprechpartner', en: 'New contact: the communications team' },
    };
    const saved = await api(s.url, 'PUT', `/api/v1/admin/guidelines/${id}`, { headers: admin(), body: v2 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ created: true, current: { version: 2, changeNote: v2.changeNote } });

    // Saving what is already current makes no version; a save based on an old version is refused.
    const same = await api(s.url, 'PUT', `/api/v1/admin/guidelines/${id}`, { headers: admin(), body: { ...v2, baseVersion: 2 } });
    expect(same.body).toMatchObject({ created: false, current: { version: 2 } });
    const stale = await api(s.url, 'PUT', `/api/v1/admin/guidelines/${id}`, {
      headers: { ...admin(), 'accept-language': 'en' },
      body: { ...v2, body: { de: 'Überschrieben', en: 'Overwritten' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/newer version/);
    const badUpdate = await api(s.url, 'PUT', `/api/v1/admin/guidelines/${id}`, { headers: admin(), body: { ...v2, baseVersion: 2, body: { de: '', en: '' } } });
    expect(badUpdate.status).toBe(400);
    expect((await api(s.url, 'PUT', `/api/v1/admin/guidelines/00000000-0000-4000-8000-000000000000`, { headers: admin(), body: v2 })).status).toBe(404);
    expect((await api(s.url, 'PUT', `/api/v1/admin/guidelines/not-a-uuid`, { headers: admin(), body: v2 })).status).toBe(404);

    const v3 = { ...v2, baseVersion: 2, title: { de: 'Anfragen von der Presse', en: PAGE.title.en }, changeNote: { de: 'Titel', en: '' } };
    expect((await api(s.url, 'PUT', `/api/v1/admin/guidelines/${id}`, { headers: admin(), body: v3 })).body.current.version).toBe(3);

    const history = await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions`, { headers: admin() });
    expect(history.body.items.map((v: Summary) => [v.version, v.changeNote.en, v.createdBy])).toEqual([
      [3, '', 'Clara Schmidt'],
      [2, 'New contact: the communications team', 'Clara Schmidt'],
      [1, 'First version', 'Clara Schmidt'],
    ]);
    const old = await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions/1`, { headers: admin() });
    expect(old.body.body).toEqual(PAGE.body);

    const diff = await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions/1/diff/2`, { headers: admin() });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2 });
    const changed = (parts: Array<{ kind: string; text: string }>, kind: string) => parts.filter((p) => p.kind === kind).map((p) => p.text.trim());
    expect(changed(diff.body.body.en, 'removed')).toContain('press office');
    expect(changed(diff.body.body.en, 'added')).toContain('communications team');
    expect(diff.body.body.de).toEqual([{ kind: 'same', text: PAGE.body.de }]);
    const titleDiff = await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions/2/diff/3`, { headers: admin() });
    expect(changed(titleDiff.body.title.de, 'removed')).toEqual(['Fragen']);
    expect(changed(titleDiff.body.title.de, 'added')).toEqual(['Anfragen']);
    expect((await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions/1/diff/9`, { headers: admin() })).status).toBe(404);
    expect((await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions/1/diff/1`, { headers: admin() })).status).toBe(400);
    expect((await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions/x/diff/1`, { headers: admin() })).status).toBe(404);
  });

  it('shows employees the current version, rendered safely, with its date and change note', async () => {
    const page = await readerPage(english(), id);
    expect(page).toMatchObject({ version: 3, title: 'Questions from the press', acknowledgedVersion: null, changesSinceRead: null });
    // The English note of version 3 is empty: it falls back to the German one rather than to nothing.
    expect(page.changeNote).toBe('Titel');
    expect(Date.parse(page.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(page.html).toContain('<strong>communications team</strong>');
    expect(page.html).not.toContain('<script');
    expect(page.html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    // A page written only in English is read in English by a German reader.
    const jonasPage = await readerPage(german(), id);
    expect(jonasPage.title).toBe('Anfragen von der Presse');
    // Version 1's link to javascript: never became a link.
    const v1 = await api(s.url, 'POST', '/api/v1/admin/guidelines', {
      headers: admin(),
      body: { slug: 'links', title: { de: '', en: 'Links' }, body: { de: '', en: PAGE.body.en } },
    });
    const links = await readerPage(german(), v1.body.id);
    expect(links.title).toBe('Links');
    expect(links.html).toContain('[Intranet](javascript:alert(1))'); // shown as text
    expect(links.html).not.toContain('<a');
  });

  it('lets a person acknowledge the current version (idempotent), and says what changed since', async () => {
    const acked = await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { headers: english(), body: { version: 3 } });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ id, version: 3, acknowledgedVersion: 3, changesSinceRead: null });
    const again = await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { headers: english(), body: { version: 3 } });
    expect(again.status).toBe(200);
    expect((await s.db.query('select 1 from guideline_acknowledgements where page_id = $1', [id])).length).toBe(1);
    // Only Aylin's own acknowledgement counts for her; Jonas has none.
    expect((await readerPage(german(), id)).acknowledgedVersion).toBeNull();

    // Bad acknowledgements change nothing.
    const before = await counts();
    expect((await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { headers: english(), body: { version: 9 } })).status).toBe(404);
    expect((await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { headers: english(), body: { version: 2 } })).status).toBe(409);
    expect((await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { headers: english(), body: {} })).status).toBe(400);
    expect((await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { body: { version: 3 } })).status).toBe(401);
    expect((await api(s.url, 'POST', '/api/v1/guidelines/00000000-0000-4000-8000-000000000000/acknowledge', { headers: english(), body: { version: 1 } })).status).toBe(404);
    expect(await counts()).toEqual(before);

    await api(s.url, 'PUT', `/api/v1/admin/guidelines/${id}`, {
      headers: admin(),
      body: {
        baseVersion: 3,
        title: { de: 'Anfragen von der Presse', en: PAGE.title.en },
        body: { de: PAGE.body.de, en: 'Pass enquiries on to the **communications team** within the hour.' },
        changeNote: { de: 'Frist ergänzt', en: 'Added a deadline' },
      },
    });
    const updated = await readerPage(english(), id);
    expect(updated).toMatchObject({ version: 4, acknowledgedVersion: 3, changeNote: 'Added a deadline' });
    expect(updated.changesSinceRead.filter((p: { kind: string }) => p.kind === 'added').map((p: { text: string }) => p.text.trim())).toEqual(['within the hour.']);
    expect(updated.changesSinceRead.filter((p: { kind: string }) => p.kind === 'removed').map((p: { text: string }) => p.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('<script>')]),
    );

    const now = await api(s.url, 'POST', `/api/v1/guidelines/${id}/acknowledge`, { headers: english(), body: { version: 4 } });
    expect(now.body).toMatchObject({ acknowledgedVersion: 4, changesSinceRead: null });
  });

  it('gives admins no view of who acknowledged what', async () => {
    const list = await api(s.url, 'GET', '/api/v1/admin/guidelines', { headers: admin() });
    const text = JSON.stringify(list.body) + JSON.stringify((await api(s.url, 'GET', `/api/v1/admin/guidelines/${id}/versions`, { headers: admin() })).body);
    expect(text).not.toMatch(/acknowledg/i);
    expect(text).not.toContain('Aylin');
  });
});

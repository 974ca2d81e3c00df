import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api, validItem, READER } from '../support/http.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, aPerson, aTopic, type TestPerson } from '../support/factories.js';

let s: TestServer;
let itemId: string;
let otherItemId: string;
let adminPerson: TestPerson;
let german: TestPerson;
let english: TestPerson;
let another: TestPerson;

beforeAll(async () => {
  s = await startTestServer();
  adminPerson = await anAdmin(s.db);
  german = await aPerson(s.db, { language: 'de' });
  english = await aPerson(s.db, { language: 'en' });
  another = await aPerson(s.db);
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
  const admin = adminPerson.headers;
  for (const title of ['Share me', 'Another one']) {
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', {
      headers: admin,
      body: validItem({ title, url: 'https://www.contoso.example/jobs/42?ref=careers#apply', hashtags: ['jobs'] }),
    });
    await api(s.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin, body: {} });
    if (title === 'Share me') itemId = body.item.id;
    else otherItemId = body.item.id;
  }
});
afterAll(async () => s?.close());

const shareLink = async (person: TestPerson, id = itemId) =>
  (await api(s.url, 'POST', `/api/v1/items/${id}/share-link`, { headers: person.headers })).body.url as string;

const post = (token: string, body: unknown) =>
  api(s.url, 'POST', `/s/${token}`, { body, headers: { accept: 'application/json' } });

describe('share flow', () => {
  it('gives each person one stable, unguessable share page per item', async () => {
    const a = await shareLink(german);
    expect(a).toMatch(new RegExp(`^${s.url}/s/[A-Za-z0-9_-]{24}$`));
    expect(await shareLink(german)).toBe(a);
    expect(await shareLink(english)).not.toBe(a);
    expect(await shareLink(german, otherItemId)).not.toBe(a);
  });

  it('shows the item, the suggested text per network and the nudge', async () => {
    const page = await fetch(await shareLink(english));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('Share me');
    expect(html).toContain('We opened an office in Leipzig!');
    expect(html).toContain('New office in Leipzig!');
    expect(html).toContain('one sentence of your own');
    for (const label of ['Post on LinkedIn', 'Post on X', 'Post on Facebook', 'Post on Xing']) expect(html).toContain(label);
  });

  it('speaks German to German speakers', async () => {
    const html = await (await fetch(await shareLink(german))).text();
    expect(html).toContain('Auf X posten');
    expect(html).toContain('<html lang="de">');
  });

  it('records the share, opens the X intent with the edited text and a tracked link, and redirects clicks with UTM', async () => {
    const token = (await shareLink(german)).split('/s/')[1] as string;
    const res = await post(token, { network: 'x', text: 'Meine Worte dazu: tolles Team!' });
    expect(res.status).toBe(200);
    const target = new URL(res.body.target);
    expect(target.origin + target.pathname).toBe('https://x.com/intent/tweet');
    expect(target.searchParams.get('text')).toBe('Meine Worte dazu: tolles Team!');
    expect(target.searchParams.get('hashtags')).toBe('jobs');
    const link = target.searchParams.get('url') as string;
    expect(link).toMatch(new RegExp(`^${s.url}/l/[A-Za-z0-9]{10}$`));
    expect(res.body.clipboard).toBeNull();

    const [share] = await s.db.query<{ network: string; edited: boolean }>(
      'select network, edited from shares where item_id = $1 order by created_at desc limit 1',
      [itemId],
    );
    expect(share).toEqual({ network: 'x', edited: true });

    const click = await fetch(link, { redirect: 'manual', headers: READER });
    expect(click.status).toBe(302);
    const dest = new URL(click.headers.get('location') as string);
    expect(dest.origin + dest.pathname).toBe('https://www.contoso.example/jobs/42');
    expect(dest.hash).toBe('#apply');
    expect(dest.searchParams.get('ref')).toBe('careers');
    expect(dest.searchParams.get('utm_source')).toBe('x');
    expect(dest.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(dest.searchParams.get('utm_campaign')).toBe('share-me');
    expect(dest.searchParams.get('utm_content')).toBe(link.split('/l/')[1]);
    expect(click.headers.get('set-cookie')).toBeNull();

    // Clicks are stored in batches: wait until this one lands.
    const entry = await eventually(
      async () => (await api(s.url, 'GET', '/api/v1/me/shares', { headers: german.headers })).body.items.find((i: { itemId: string }) => i.itemId === itemId),
      (e) => e?.clicks === 1,
    );
    expect(entry.networks).toEqual([expect.objectContaining({ network: 'x', clicks: 1 })]);
    const feedItem = (await api(s.url, 'GET', '/api/v1/items?q=Share%20me', { headers: german.headers })).body.items[0];
    expect(feedItem.mine).toEqual({ networks: ['x'], clicks: 1 });
  });

  it('marks an unedited share as not edited and hands LinkedIn text to the clipboard', async () => {
    const token = (await shareLink(english)).split('/s/')[1] as string;
    const res = await post(token, { network: 'linkedin', text: 'We opened an office in Leipzig!' });
    expect(res.body.clipboard).toBe('We opened an office in Leipzig!\n\n#jobs');
    const target = new URL(res.body.target);
    expect(target.origin + target.pathname).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect([...target.searchParams.keys()]).toEqual(['url']);
    const [share] = await s.db.query<{ edited: boolean }>(
      `select s.edited from shares s join people p on p.id = s.person_id where p.dev_key = $1 and s.network = 'linkedin'`,
      [english.devKey],
    );
    expect(share?.edited).toBe(false);
  });

  it('reuses one tracked link per person, item and network', async () => {
    const token = (await shareLink(another)).split('/s/')[1] as string;
    const a = (await post(token, { network: 'facebook', text: 'one' })).body.link;
    const b = (await post(token, { network: 'facebook', text: 'two' })).body.link;
    const c = (await post(token, { network: 'xing', text: 'three' })).body.link;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('works without JavaScript: the form post answers 303 to the network', async () => {
    const token = (await shareLink(another)).split('/s/')[1] as string;
    const res = await fetch(`${s.url}/s/${token}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ network: 'x', text: 'plain form' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^https:\/\/x\.com\/intent\/tweet\?text=plain\+form/);
  });

  it('refuses unknown networks and over-long text, and records nothing', async () => {
    const token = (await shareLink(another)).split('/s/')[1] as string;
    const before = (await s.db.query<{ n: number }>('select count(*)::int as n from shares'))[0]?.n;
    const unknown = await post(token, { network: 'myspace', text: 'hi' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.network).toBe('unknown network');
    expect((await post(token, { network: 'x', text: 'a'.repeat(5001) })).status).toBe(400);
    expect((await s.db.query<{ n: number }>('select count(*)::int as n from shares'))[0]?.n).toBe(before);
  });

  it('answers forged share tokens and link codes with a 404 page, never a redirect', async () => {
    for (const path of ['/s/AAAAAAAAAAAAAAAAAAAAAAAA', '/s/../../etc/passwd', '/l/ZZZZZZZZZZ', '/l/<script>', '/l/a']) {
      const res = await fetch(s.url + path, { redirect: 'manual', headers: { 'accept-language': 'de-DE' } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    const html = await (await fetch(`${s.url}/l/ZZZZZZZZZZ`, { headers: { 'accept-language': 'de-DE' } })).text();
    expect(html).toContain('Diesen Link gibt es nicht');
    const post404 = await post('AAAAAAAAAAAAAAAAAAAAAAAA', { network: 'x', text: 'x' });
    expect(post404.status).toBe(404);
  });

  it('does not count link-preview fetchers or HEAD requests as clicks', async () => {
    const token = (await shareLink(english, otherItemId)).split('/s/')[1] as string;
    const link = (await post(token, { network: 'x', text: 'hi' })).body.link as string;
    const code = link.split('/l/')[1];
    expect((await fetch(link, { redirect: 'manual', headers: { 'user-agent': 'LinkedInBot/1.0' } })).status).toBe(302);
    expect((await fetch(link, { method: 'HEAD', redirect: 'manual' })).status).toBe(302);
    // One reader afterwards: once their click is stored, the earlier requests would be too.
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect((await fetch(link, { redirect: 'manual', headers: { 'user-agent': iphone } })).status).toBe(302);
    const count = async () => (await s.db.query<{ n: number }>('select coalesce(sum(clicks), 0)::int as n from clicks where link_code = $1', [code]))[0]?.n;
    await eventually(count, (n) => n !== 0);
    expect(await count()).toBe(1);
  });

  it('stores no IP address, cookie, user agent or exact time with a click: counts per link and minute', async () => {
    const columns = (await s.db.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'clicks' order by ordinal_position`,
    )).map((c) => c.column_name);
    expect(columns).toEqual(['link_code', 'minute', 'item_id', 'network', 'clicks']);
    const minutes = await s.db.query<{ s: number }>(`select extract(second from minute)::int as s from clicks`);
    expect(minutes.every((m) => m.s === 0)).toBe(true);
  });

  it('shows a "no longer available" page once the item is archived, but keeps public links working', async () => {
    const url = await shareLink(german, otherItemId);
    const token = url.split('/s/')[1] as string;
    const link = (await post(token, { network: 'x', text: 'x' })).body.link as string;
    await api(s.url, 'POST', `/api/v1/admin/items/${otherItemId}/archive`, { headers: adminPerson.headers });
    expect((await fetch(url)).status).toBe(410);
    expect((await post(token, { network: 'x', text: 'x' })).status).toBe(410);
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(302);
  });
});

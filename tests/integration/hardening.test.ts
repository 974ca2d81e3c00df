import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAdmin, anItem, aPerson, aTopic, type TestPerson } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api, validItem } from '../support/http.js';

let s: TestServer;
let adminPerson: TestPerson;
let hamburg: TestPerson;
let munich: TestPerson;
beforeAll(async () => {
  s = await startTestServer();
  adminPerson = await anAdmin(s.db);
  hamburg = await aPerson(s.db, { location: 'Hamburg' });
  munich = await aPerson(s.db, { location: 'München' });
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
  await anItem(s.db, { title: 'Tag der offenen Tür in Hamburg', audience: { departments: [], locations: ['Hamburg'] } });
});
afterAll(async () => s?.close());

const admin = () => adminPerson.headers;
const uploads = () => readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')).length;

describe('hardening', () => {
  it('refuses multipart uploads with 415 before reading them, and leaves no file behind', async () => {
    const before = uploads();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'big.bin');
    for (const path of ['/api/v1/admin/items', '/s/AAAAAAAAAAAAAAAAAAAAAAAA', '/api/messages']) {
      const res = await fetch(s.url + path, { method: 'POST', body: form, headers: { ...admin(), accept: 'application/json' } });
      expect(res.status, path).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    expect(uploads()).toBe(before);
  });

  it('answers forged page cursors with 400, not a database error', async () => {
    const forged = [
      Buffer.from(JSON.stringify([1, 'yesterday', 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', "'; drop table items; --"])).toString('base64url'),
      'not-even-base64!',
    ];
    for (const cursor of forged) {
      const feed = await api(s.url, 'GET', `/api/v1/items?cursor=${encodeURIComponent(cursor)}`, { headers: munich.headers });
      expect(feed.status).toBe(400);
      expect(feed.body.error.fields.cursor).toBe('is not a valid page cursor');
      const list = await api(s.url, 'GET', `/api/v1/admin/items?cursor=${encodeURIComponent(cursor)}`, { headers: admin() });
      expect(list.status).toBe(400);
    }
  });

  it('pages admin items without gaps even when many were written in the same millisecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ title: `Same ms ${i}` }) })).body.item.id);
    }
    await s.db.query(`update items set updated_at = '2030-01-01 00:00:00.123456+00' where id = any($1::uuid[])`, [ids]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api(
        s.url,
        'GET',
        `/api/v1/admin/items?q=Same%20ms&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: admin() },
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('gives share pages only for items meant for the person', async () => {
    const feed = await api(s.url, 'GET', '/api/v1/items?q=Hamburg&limit=50', { headers: hamburg.headers });
    const hamburgOnly = feed.body.items.find((i: { title: string }) => i.title.startsWith('Tag der offenen Tür'));
    expect((await api(s.url, 'POST', `/api/v1/items/${hamburgOnly.id}/share-link`, { headers: hamburg.headers })).status).toBe(200);
    expect((await api(s.url, 'POST', `/api/v1/items/${hamburgOnly.id}/share-link`, { headers: munich.headers })).status).toBe(404);
  });

  it('refuses an expiry before the scheduled publish time with a field message', async () => {
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ title: 'Scheduled' }) });
    const at = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await api(s.url, 'POST', `/api/v1/admin/items/${body.item.id}/publish`, { headers: admin(), body: { at } });
    const res = await api(s.url, 'PUT', `/api/v1/admin/items/${body.item.id}`, {
      headers: admin(),
      body: validItem({ title: 'Scheduled', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.expiresAt).toBe('must be after the publish time');
  });

  it('answers a database failure with 500 at once, every time (no request left hanging)', async () => {
    const broken = await startTestServer();
    try {
      await broken.db.query('drop table topics cascade');
      await broken.db.query(`insert into people (display_name, dev_key) values ('Temp', 'temp')`);
      for (let i = 0; i < 2; i++) {
        const res = await Promise.race([
          api(broken.url, 'GET', '/api/v1/topics', { headers: broken.as('temp') }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the request hung')), 3000)),
        ]);
        expect(res.status).toBe(500);
        expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side' } });
      }
    } finally {
      await broken.close();
    }
  });
});

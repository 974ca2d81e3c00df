import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../bot/src/storage/db.js';
import { migrate } from '../../bot/src/storage/migrate.js';
import { ClickRecorder } from '../../bot/src/storage/repos/clicks.js';
import { createTestDb } from '../support/test-db.js';

let db: Db;
let drop: () => Promise<void>;
let itemId: string;

beforeEach(async () => {
  ({ db, drop } = await createTestDb());
  await migrate(db);
  const [person] = await db.query<{ id: string }>(`insert into people (display_name) values ('P') returning id`);
  const [item] = await db.query<{ id: string }>(
    `insert into items (kind, title, url, why, language, campaign) values ('job', 'T', 'https://x.example', 'w', 'en', 'c') returning id`,
  );
  itemId = item!.id;
  for (const [code, network] of [['AAAAAAAAAA', 'x'], ['BBBBBBBBBB', 'linkedin']]) {
    await db.query(`insert into links (code, item_id, person_id, network) values ($1, $2, $3, $4)`, [code, itemId, person!.id, network]);
  }
});
afterEach(async () => drop());

const rows = () =>
  db.query<{ link_code: string; minute: Date; clicks: number }>('select link_code, minute, clicks from clicks order by link_code, minute');

describe('click recorder', () => {
  it('counts clicks per link and minute, adding to what is stored', async () => {
    const rec = new ClickRecorder(db, { intervalMs: 10_000, onError: () => undefined });
    const t0 = Date.parse('2026-11-22T10:00:05Z');
    for (let i = 0; i < 5; i++) rec.record({ code: 'AAAAAAAAAA', itemId, network: 'x', at: t0 + i * 1000 });
    rec.record({ code: 'AAAAAAAAAA', itemId, network: 'x', at: t0 + 60_000 });
    rec.record({ code: 'BBBBBBBBBB', itemId, network: 'x', at: t0 });
    await rec.flush();
    rec.record({ code: 'AAAAAAAAAA', itemId, network: 'x', at: t0 + 2000 });
    await rec.close();
    expect((await rows()).map((r) => [r.link_code, new Date(r.minute).toISOString(), r.clicks])).toEqual([
      ['AAAAAAAAAA', '2026-11-22T10:00:00.000Z', 6],
      ['AAAAAAAAAA', '2026-11-22T10:01:00.000Z', 1],
      ['BBBBBBBBBB', '2026-11-22T10:00:00.000Z', 1],
    ]);
  });

  it('skips clicks of a link deleted in the meantime without losing the rest of the batch', async () => {
    const rec = new ClickRecorder(db, { intervalMs: 10_000, onError: () => undefined });
    rec.record({ code: 'AAAAAAAAAA', itemId, network: 'x', at: Date.now() });
    rec.record({ code: 'BBBBBBBBBB', itemId, network: 'x', at: Date.now() });
    await db.query(`delete from links where code = 'BBBBBBBBBB'`);
    await rec.close();
    expect((await rows()).map((r) => r.link_code)).toEqual(['AAAAAAAAAA']);
  });

  it('keeps counts while the database fails and says so loudly on close', async () => {
    const errors: unknown[] = [];
    const rec = new ClickRecorder(db, { intervalMs: 10_000, onError: (e) => errors.push(e) });
    rec.record({ code: 'AAAAAAAAAA', itemId, network: 'x', at: Date.now() });
    await db.query('alter table clicks rename to clicks_away');
    await rec.flush();
    expect(errors).toHaveLength(1);
    await expect(rec.close()).rejects.toThrow('1 clicks could not be stored');
    await db.query('alter table clicks_away rename to clicks');
    await rec.flush(); // the database is back: the kept count lands
    expect((await rows()).map((r) => r.clicks)).toEqual([1]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueIn } from '../../bot/src/notifications/enqueue.js';
import { EVERYONE } from '../../bot/src/notifications/kind.js';
import { digestKind } from '../../bot/src/notifications/kinds/digest.js';
import { itemKind } from '../../bot/src/notifications/kinds/item.js';
import { trainingNoticeKind } from '../../bot/src/notifications/kinds/training-notice.js';
import { chorusKinds } from '../../bot/src/notifications/registry.js';
import type { Db } from '../../bot/src/storage/db.js';
import { migrations } from '../../bot/src/storage/migrations/index.js';
import { createTestDb } from '../support/test-db.js';

// Migration 014 moves what only a kind understands into the payload. Announcements written
// by the version before are converted, keep what made them unique, and read as before.
let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const upTo = migrations.findIndex((m) => m.id === '014-announcement-payload');
  for (const m of migrations.slice(0, upTo)) await db.exec(m.sql);
  const [boss] = await db.query<{ id: string }>(`insert into people (display_name, role) values ('Boss', 'admin') returning id`);
  const [mia] = await db.query<{ id: string }>(`insert into people (display_name) values ('Mia') returning id`);
  const [item] = await db.query<{ id: string }>(
    `insert into items (kind, title, url, why, language, status, publish_at, campaign) values ('article', 'Old news', 'https://example.com/a', 'Why', 'en', 'published', now(), 'old-news') returning id`,
  );
  const [training] = await db.query<{ id: string }>(
    `insert into trainings (title, starts_at, ends_at, time_zone, room, capacity, language, host)
     values ('Session', '2026-12-01T09:00:00.123Z', '2026-12-01T10:00:00Z', 'Europe/Berlin', 'Spree', 5, 'en', 'Petra') returning id`,
  );
  Object.assign(ids, { boss: boss!.id, mia: mia!.id, itemRow: item!.id, training: training!.id });
  const insert = async (name: string, sql: string, params: unknown[] = []) => {
    const [row] = await db.query<{ id: string }>(`${sql} returning id`, params);
    ids[name] = row!.id;
  };
  await insert('item', `insert into announcements (subject, item_id, audience_departments, send_at, created_by, status) values ('item', $1, '{Sales}', now(), $2, 'done')`, [ids.itemRow, ids.boss]);
  await insert('digest', `insert into announcements (subject, period, covers_from, send_at) values ('digest', '2026-11-23', '2026-11-16T08:00:00Z', '2026-11-23T08:00:00Z')`);
  await insert('reminder', `insert into announcements (subject, training_id, notice, reminder_for, send_at) values ('training_notice', $1, 'reminder_1h', '2026-12-01T09:00:00.123Z', now())`, [ids.training]);
  await insert('seat', `insert into announcements (subject, training_id, notice, recipient_ids, send_at) values ('training_notice', $1, 'seat', array[$2::uuid], now())`, [ids.training, ids.mia]);
  await insert('onboarding', `insert into announcements (subject, recipient_ids, send_at) values ('onboarding_reminder', array[$1::uuid], now())`, [ids.mia]);
  await insert('notice', `insert into announcements (subject, priority, send_at) values ('crisis_notice', 2, now())`);
  await insert('pause', `insert into announcements (subject, item_id, source_announcement_id, card_state, priority, covers_from, send_at) values ('card_update', $1, $2, 'paused', 1, '2026-11-20T10:00:00Z', now())`, [ids.itemRow, ids.item]);
  await insert('clear', `insert into announcements (subject, source_announcement_id, priority, send_at) values ('all_clear', $1, 2, now())`, [ids.notice]);
  await db.exec(migrations[upTo]!.sql);
});
afterAll(async () => drop?.());

const row = async (name: string) =>
  (await db.query<{ kind: string; payload: unknown; audience: unknown; priority: number; created_by: string | null }>(
    'select kind, payload, audience, priority, created_by from announcements where id = $1',
    [ids[name]],
  ))[0];

describe('migration 014: kind-specific columns into the payload', () => {
  it('converts every kind of announcement, and each payload is valid for its kind', async () => {
    expect(await row('item')).toMatchObject({ kind: 'item', payload: { itemId: ids.itemRow }, audience: null, created_by: ids.boss });
    expect(await row('digest')).toMatchObject({
      kind: 'digest', payload: { period: '2026-11-23', coversFrom: '2026-11-16T08:00:00.000Z' }, audience: { departments: [], locations: [] },
    });
    expect(await row('reminder')).toMatchObject({ payload: { trainingId: ids.training, notice: 'reminder_1h', reminderFor: '2026-12-01T09:00:00.123Z' }, audience: null });
    expect(await row('seat')).toMatchObject({ payload: { trainingId: ids.training, notice: 'seat' }, audience: { people: [ids.mia] } });
    expect(await row('onboarding')).toMatchObject({ kind: 'onboarding_reminder', payload: {}, audience: { people: [ids.mia] } });
    expect(await row('notice')).toMatchObject({ kind: 'crisis_notice', payload: {}, priority: 2, audience: { departments: [], locations: [] } });
    expect(await row('pause')).toMatchObject({
      payload: { itemId: ids.itemRow, sourceAnnouncementId: ids.item, cardState: 'paused', coversFrom: '2026-11-20T10:00:00.000Z' }, priority: 1,
    });
    expect(await row('clear')).toMatchObject({ payload: { sourceAnnouncementId: ids.notice } });
    for (const r of await db.query<{ kind: string; payload: unknown }>('select kind, payload from announcements')) {
      expect(chorusKinds.get(r.kind)?.payload.safeParse(r.payload).success, r.kind).toBe(true);
    }
  });

  it('keeps exactly-once: the same digest run, reminder or live item announcement is not queued again', async () => {
    expect(await enqueueIn(db, digestKind, { period: '2026-11-23', coversFrom: '2026-11-16T08:00:00.000Z' }, EVERYONE, new Date())).toBeUndefined();
    expect(
      await enqueueIn(db, trainingNoticeKind, { trainingId: ids.training!, notice: 'reminder_1h', reminderFor: '2026-12-01T09:00:00.123Z' }, 'by_kind', 'now'),
    ).toBeUndefined();
    // An item is announced once (done counts); again only after a cancel.
    expect(await enqueueIn(db, itemKind, { itemId: ids.itemRow! }, 'by_kind', 'now')).toBeUndefined();
    await db.query(`update announcements set status = 'cancelled' where id = $1`, [ids.item]);
    expect(await enqueueIn(db, itemKind, { itemId: ids.itemRow! }, 'by_kind', 'now')).toBeDefined();
    expect(await enqueueIn(db, itemKind, { itemId: ids.itemRow! }, 'by_kind', 'now')).toBeUndefined();
    expect(await enqueueIn(db, digestKind, { period: '2026-11-30', coversFrom: '2026-11-23T08:00:00.000Z' }, EVERYONE, new Date())).toBeDefined();
  });
});

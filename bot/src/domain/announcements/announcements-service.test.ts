import { describe, expect, it } from 'vitest';
import type { Announcement } from '../model/announcements.js';
import { announcementsService, type AnnouncementStore } from './announcements-service.js';

const NOW = new Date('2026-05-04T10:00:00.000Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

function setup() {
  const items = new Map<string, Awaited<ReturnType<AnnouncementStore['item']>>>([
    ['live', { status: 'published', publishAt: hours(-24), expiresAt: hours(48) }],
    ['later', { status: 'scheduled', publishAt: hours(24), expiresAt: null }],
    ['draft', { status: 'draft', publishAt: null, expiresAt: null }],
  ]);
  const trainings = new Map<string, Awaited<ReturnType<AnnouncementStore['training']>>>([
    ['ahead', { status: 'scheduled', startsAt: hours(72) }],
    ['begun', { status: 'scheduled', startsAt: hours(-1) }],
    ['off', { status: 'cancelled', startsAt: hours(72) }],
  ]);
  const queued = new Map<string, { sendAt: Date }>();
  const service = announcementsService({
    store: {
      item: async (id) => items.get(id),
      training: async (id) => trainings.get(id),
      get: async (id) => ({ id, sendAt: queued.get(id)!.sendAt.toISOString() }) as Announcement,
    },
    queue: {
      // a live key per subject: the second is refused
      async item(itemId, sendAt) {
        if (queued.has(itemId)) return undefined;
        queued.set(itemId, { sendAt });
        return itemId;
      },
      async training(trainingId, sendAt) {
        if (queued.has(trainingId)) return undefined;
        queued.set(trainingId, { sendAt });
        return trainingId;
      },
    },
    now: () => NOW,
  });
  return service;
}

describe('announcements service', () => {
  it('announces a live item now, once', async () => {
    const service = setup();
    expect((await service.announceItem('live', undefined, 'clara')).sendAt).toBe(NOW.toISOString());
    await expect(service.announceItem('live', undefined, 'clara')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('announces a scheduled item when it goes live, never before, and never a draft', async () => {
    const service = setup();
    await expect(service.announceItem('later', hours(2), 'clara')).rejects.toMatchObject({ fields: { at: 'must not be before the item is published' } });
    expect((await service.announceItem('later', undefined, 'clara')).sendAt).toBe(hours(24).toISOString());
    await expect(service.announceItem('draft', undefined, 'clara')).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.announceItem('nothing', undefined, 'clara')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a time in the past or after the item expires', async () => {
    const service = setup();
    await expect(service.announceItem('live', hours(-1), 'clara')).rejects.toMatchObject({ fields: { at: 'must not be in the past' } });
    await expect(service.announceItem('live', hours(48), 'clara')).rejects.toMatchObject({ fields: { at: 'must be before the item expires' } });
  });

  it('announces a session before it starts, and not one cancelled or begun', async () => {
    const service = setup();
    await expect(service.announceTraining('ahead', hours(72), 'clara')).rejects.toMatchObject({ fields: { at: 'must be before the training starts' } });
    expect((await service.announceTraining('ahead', hours(3), 'clara')).sendAt).toBe(hours(3).toISOString());
    await expect(service.announceTraining('ahead', undefined, 'clara')).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.announceTraining('begun', undefined, 'clara')).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.announceTraining('off', undefined, 'clara')).rejects.toMatchObject({ code: 'conflict' });
  });
});

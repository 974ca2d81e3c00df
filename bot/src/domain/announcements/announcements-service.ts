import type { Announcement } from '../model/announcements.js';
import type { ItemStatus } from '../model/items.js';
import { conflict, invalid, notFound } from '../errors.js';
import { announceTime, type AnnounceWindow } from './announce-time.js';

/** What announcing needs to know about what it announces, and to read back. */
export interface AnnouncementStore {
  item(id: string): Promise<{ status: ItemStatus; publishAt: Date | null; expiresAt: Date | null } | undefined>;
  training(id: string): Promise<{ status: 'scheduled' | 'cancelled'; startsAt: Date } | undefined>;
  get(id: string): Promise<Announcement>;
}

/**
 * The send queue. Each returns the new announcement's id, or undefined when one is live
 * already (announced once; again only after a cancel).
 */
export interface AnnouncementQueue {
  item(itemId: string, sendAt: Date, by: string): Promise<string | undefined>;
  training(trainingId: string, sendAt: Date, by: string): Promise<string | undefined>;
}

export interface AnnouncementsDeps {
  store: AnnouncementStore;
  queue: AnnouncementQueue;
  now: () => Date;
}

/** Announcing items and sessions to their audiences: when it may happen, and once. */
export function announcementsService({ store, queue, now }: AnnouncementsDeps) {
  const sendAt = (at: Date | undefined, current: Date, window: AnnounceWindow): Date => {
    const time = announceTime(at, current, window);
    if (!time.ok) throw invalid({ at: time.problem });
    return time.sendAt;
  };

  return {
    /**
     * Announce a published or scheduled item, now or at `at`. Never before the item goes
     * live, never after it expires; an item is announced once (again only after a cancel).
     */
    async announceItem(itemId: string, at: Date | undefined, by: string): Promise<Announcement> {
      const item = await store.item(itemId);
      if (!item) throw notFound('Item');
      if (item.status !== 'published' && item.status !== 'scheduled') throw conflict('announce.notLive');
      const current = now();
      const when = sendAt(at, current, {
        notBefore: item.publishAt ?? current,
        before: item.expiresAt ? { at: item.expiresAt, problem: 'announce.beforeItemExpires' } : undefined,
      });
      // The item's audience is read when the send starts, not now.
      const id = await queue.item(itemId, when, by);
      if (!id) throw conflict('announce.itemAnnounced');
      return store.get(id);
    },

    /** Announce a session to its audience, now or at `at` (before it starts). Once; again only after a cancel. */
    async announceTraining(trainingId: string, at: Date | undefined, by: string): Promise<Announcement> {
      const training = await store.training(trainingId);
      if (!training) throw notFound('Training');
      if (training.status === 'cancelled') throw conflict('training.cancelled');
      const current = now();
      if (training.startsAt.getTime() <= current.getTime()) throw conflict('training.started');
      const when = sendAt(at, current, { before: { at: training.startsAt, problem: 'training.beforeStart' } });
      const id = await queue.training(trainingId, when, by);
      if (!id) throw conflict('training.announced');
      return store.get(id);
    },
  };
}
export type AnnouncementsService = ReturnType<typeof announcementsService>;

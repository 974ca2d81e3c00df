import { announcementsService } from '../domain/announcements/announcements-service.js';
import { enqueueIn } from '../notifications/enqueue.js';
import { itemKind } from '../notifications/kinds/item.js';
import { trainingKind } from '../notifications/kinds/training.js';
import type { Db } from '../storage/db.js';
import type { AnnouncementsRepo } from '../storage/repos/announcements.js';

/** The announcing rules bound to the send queue: one insert each, whose live key makes it once. */
export function announcementsServiceFor(db: Db, announcements: AnnouncementsRepo, now: () => Date = () => new Date()) {
  return announcementsService({
    store: announcements,
    queue: {
      // The item's audience (and a session's) is read when the send starts, not now.
      item: (itemId, sendAt, by) => enqueueIn(db, itemKind, { itemId }, 'by_kind', sendAt, by),
      training: (trainingId, sendAt, by) => enqueueIn(db, trainingKind, { trainingId }, 'by_kind', sendAt, by),
    },
    now,
  });
}

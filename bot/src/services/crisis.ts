import { crisisService, type CrisisNotices, type CrisisSwitchboard } from '../domain/crisis/crisis-service.js';
import type { CrisisFollowUp } from '../domain/crisis/crisis-switch.js';
import type { UrlPolicy } from '../domain/urls/stored-url.js';
import { enqueueIn, enqueueManyIn } from '../notifications/enqueue.js';
import { EVERYONE } from '../notifications/kind.js';
import { allClearKind } from '../notifications/kinds/all-clear.js';
import { cardUpdateKind } from '../notifications/kinds/card-update.js';
import { crisisNoticeKind } from '../notifications/kinds/crisis-notice.js';
import { itemKind } from '../notifications/kinds/item.js';
import { chorusKinds, type KindRegistry } from '../notifications/registry.js';
import type { Db, Queryable } from '../storage/db.js';
import { crisisRepo, crisisSwitchStore } from '../storage/repos/crisis.js';
import { cancelAnnouncements, noticesWithoutAllClear, pausedNotRestored, recentlyDelivered } from '../storage/repos/crisis-follow-ups.js';

const now = 'now' as const;
const byKind = 'by_kind' as const;

/** A switch's follow-ups as announcements, in the switch's transaction `tx`. */
export function crisisNotices(tx: Queryable, kinds: KindRegistry): CrisisNotices {
  const run = async (f: CrisisFollowUp, by: string): Promise<void> => {
    switch (f.kind) {
      case 'cancel':
        return cancelAnnouncements(tx, kinds.crisisCancels(f.voidedBy), f.reason);
      case 'pauseCards': {
        // One update per item announcement delivered recently.
        const sources = await recentlyDelivered(tx, itemKind.name, f.deliveredWithinDays);
        const payload = (a: (typeof sources)[number]) => ({ itemId: a.item_id, sourceAnnouncementId: a.id, cardState: 'paused' as const, coversFrom: a.covers_from.toISOString() });
        await enqueueManyIn(tx, cardUpdateKind, sources.map((a) => ({ payload: payload(a), audience: byKind, when: now })), by);
        return;
      }
      case 'crisisNotice':
        await enqueueIn(tx, crisisNoticeKind, {}, EVERYONE, now, by);
        return;
      case 'restoreCards': {
        const paused = await pausedNotRestored(tx, cardUpdateKind.name);
        const payload = (a: (typeof paused)[number]) => ({ itemId: a.item_id, sourceAnnouncementId: a.id, cardState: 'normal' as const });
        await enqueueManyIn(tx, cardUpdateKind, paused.map((a) => ({ payload: payload(a), audience: byKind, when: now })), by);
        return;
      }
      case 'allClear': {
        const notices = await noticesWithoutAllClear(tx, crisisNoticeKind.name);
        await enqueueManyIn(tx, allClearKind, notices.map((a) => ({ payload: { sourceAnnouncementId: a.id }, audience: byKind, when: now })), by);
        return;
      }
    }
  };
  return {
    async followUp(followUps, by) {
      for (const f of followUps) await run(f, by); // in order: the cancel before what replaces it
    },
  };
}

/** The switch, its audit entry and its follow-ups in one transaction. */
export function crisisSwitchboard(db: Db, kinds: KindRegistry = chorusKinds): CrisisSwitchboard {
  return { transaction: (work) => db.transaction((tx) => work({ store: crisisSwitchStore(tx), notices: crisisNotices(tx, kinds) })) };
}

/** The crisis service bound to the database and the notification queue. */
export function crisisServiceFor(db: Db, o: { updateDays: number; urlPolicy: UrlPolicy; kinds?: KindRegistry }) {
  return crisisService({ store: crisisRepo(db), switchboard: crisisSwitchboard(db, o.kinds), updateDays: o.updateDays, urlPolicy: o.urlPolicy });
}

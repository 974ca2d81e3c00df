import { useState } from 'react';
import type { Announcement } from '@contract';
import { usePolling } from '../../../hooks/use-polling.js';
import { useSession } from '../../../session.js';
import { isActive, POLL_MS } from '../announcements/announcement-view.js';

/**
 * The item's latest announcement (null: never announced), refreshed while it is scheduled
 * or sending, so the editor shows how far it got.
 */
export function useItemAnnouncement(initial: Announcement | null) {
  const { api } = useSession();
  const [announcement, setAnnouncement] = useState<Announcement | null>(initial);

  usePolling(
    async (signal) => {
      if (!announcement) return;
      const fresh = await api.announcement(announcement.id, signal);
      if (!signal.aborted) setAnnouncement(fresh);
    },
    POLL_MS,
    announcement !== null && isActive(announcement),
  );

  /** Asks the server to announce the item; throws its ApiError when it refuses. */
  const announce = async (itemId: string, at?: string): Promise<Announcement> => {
    const created = await api.announce(itemId, at);
    setAnnouncement(created);
    return created;
  };

  return { announcement, announce };
}

import { useState } from 'react';
import { ENDPOINTS, type Announcement } from '@contract';
import { useEndpoint, useInvalidate } from '../../../query/use-endpoint.js';
import { useSession } from '../../../session.js';
import { isActive, POLL_MS } from '../announcements/announcement-view.js';

/**
 * The item's latest announcement (null: never announced), refreshed while it is scheduled
 * or sending, so the editor shows how far it got.
 */
export function useItemAnnouncement(initial: Announcement | null) {
  const { api } = useSession();
  const invalidate = useInvalidate();
  const [current, setCurrent] = useState<Announcement | null>(initial);
  const polled = useEndpoint(ENDPOINTS.announcement, { params: { id: current?.id ?? '' } }, {
    enabled: current !== null && isActive(current),
    // Until it is done or cancelled.
    refetchInterval: (fresh) => (fresh && !isActive(fresh) ? false : POLL_MS),
    fresh: true,
  });
  // The newest of what was created here and what the poll brought back.
  const announcement = current && polled.data?.id === current.id ? polled.data : current;

  /** Asks the server to announce the item; throws its ApiError when it refuses. */
  const announce = async (itemId: string, at?: string): Promise<Announcement> => {
    const created = await api.announce({ params: { id: itemId }, body: at ? { at } : {} });
    setCurrent(created);
    void invalidate(ENDPOINTS.announcements);
    return created;
  };

  return { announcement, announce };
}

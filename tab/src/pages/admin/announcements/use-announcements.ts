import type { Announcement, AnnouncementStatus } from '@contract';
import { useState } from 'react';
import { ApiError } from '../../../api.js';
import { errorText } from '../../../components/error-state.js';
import { useNotify } from '../../../components/use-notify.js';
import { usePaged } from '../../../hooks/use-paged.js';
import { usePolling } from '../../../hooks/use-polling.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useSession } from '../../../session.js';
import { isActive, POLL_MS } from './announcement-view.js';

/**
 * The announcements, newest first and keyset-paged; the ones still scheduled or sending
 * are refreshed every 2 s while the page is open; cancel asks the server and shows its answer.
 */
export function useAnnouncements(status: AnnouncementStatus | null) {
  const { api } = useSession();
  const { t } = useI18n();
  const notify = useNotify();
  const list = usePaged((cursor, signal) => api.announcements({ status: status ?? undefined, cursor }, signal), [api, status]);
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());

  const polling = list.status === 'ok' && list.items.some(isActive);
  usePolling(
    async (signal) => {
      const ids = list.items.filter(isActive).map((a) => a.id);
      const answers = await Promise.allSettled(ids.map((id) => api.announcement(id, signal)));
      if (signal.aborted) return;
      list.patch(answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : [])));
    },
    POLL_MS,
    polling,
  );

  const cancel = async (announcement: Announcement) => {
    setCancelling((s) => new Set(s).add(announcement.id));
    try {
      list.patch([await api.cancelAnnouncement(announcement.id)]);
      notify('success', t.announcementCancelledToast);
    } catch (err) {
      notify('error', errorText(err, t));
      // Finished in the meantime (409): show how it ended.
      if (err instanceof ApiError && err.code === 'conflict') {
        api.announcement(announcement.id).then(
          (fresh) => list.patch([fresh]),
          (refreshError: unknown) => notify('error', errorText(refreshError, t)),
        );
      }
    } finally {
      setCancelling((s) => {
        const next = new Set(s);
        next.delete(announcement.id);
        return next;
      });
    }
  };

  return { ...list, cancel, cancelling };
}

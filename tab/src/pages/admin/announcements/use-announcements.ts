import { useQuery } from '@tanstack/react-query';
import { ENDPOINTS, type Announcement, type AnnouncementStatus } from '@contract';
import { useState } from 'react';
import { ApiError } from '../../../api.js';
import { errorText } from '../../../components/error-state.js';
import { useNotify } from '../../../components/use-notify.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useApiScope } from '../../../query/api-context.js';
import { usePagedEndpoint } from '../../../query/use-paged-endpoint.js';
import { useSession } from '../../../session.js';
import { isActive, POLL_MS } from './announcement-view.js';

/**
 * The announcements, newest first and keyset-paged; the ones still scheduled or sending
 * are refreshed every 2 s while the page is open; cancel asks the server and shows its answer.
 */
export function useAnnouncements(status: AnnouncementStatus | null) {
  const { api } = useSession();
  const { scope } = useApiScope();
  const { t } = useI18n();
  const notify = useNotify();
  const list = usePagedEndpoint(ENDPOINTS.announcements, { query: { status: status ?? undefined } }, (a) => a.id);
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());

  // The progress of the ones still going, polled through the query cache and put in place in the list.
  const active = list.status === 'ok' ? list.items.filter(isActive).map((a) => a.id) : [];
  useQuery({
    queryKey: ['announcement-progress', scope, active],
    queryFn: async ({ signal }) => {
      const answers = await Promise.allSettled(active.map((id) => api.announcement({ params: { id } }, signal)));
      if (!signal.aborted) list.patch(answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : [])));
      return null;
    },
    enabled: active.length > 0,
    refetchInterval: POLL_MS,
    // The first poll waits one interval, as before: the list itself is fresh.
    initialData: null,
    initialDataUpdatedAt: () => Date.now(),
    staleTime: POLL_MS,
  });

  const cancel = async (announcement: Announcement) => {
    setCancelling((s) => new Set(s).add(announcement.id));
    try {
      list.patch([await api.cancelAnnouncement({ params: { id: announcement.id } })]);
      notify('success', t.announcementCancelledToast);
    } catch (err) {
      notify('error', errorText(err, t));
      // Finished in the meantime (409): show how it ended.
      if (err instanceof ApiError && err.code === 'conflict') {
        api.announcement({ params: { id: announcement.id } }).then(
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

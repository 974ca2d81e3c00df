import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { useLoad } from '../../../hooks/use-load.js';
import { useSession } from '../../../session.js';
import { ItemEditor } from './item-editor.js';

/** Loads what the editor needs (the item and its latest announcement when editing, topics, audience suggestions), then shows it. */
export function ItemEditorPage({ id }: { id: string | null }) {
  const { api } = useSession();
  const data = useLoad(
    async () => {
      // The item first: an unknown id should say "not found", whatever else fails.
      const itemAndAnnouncement = async () => {
        if (!id) return { item: null, announcement: null };
        const item = await api.adminItem(id);
        const latest = await api.announcements({ itemId: item.id, limit: 1 });
        return { item, announcement: latest.items[0] ?? null };
      };
      const [{ item, announcement }, topics, audiences] = await Promise.all([itemAndAnnouncement(), api.topics(), api.audiences()]);
      return { item, announcement, topics: topics.items, audiences };
    },
    [api, id],
  );
  if (data.state === 'loading') return <LoadingState />;
  if (data.state === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  return (
    <ItemEditor
      initial={data.data.item}
      initialAnnouncement={data.data.announcement}
      topics={data.data.topics}
      audiences={data.data.audiences}
    />
  );
}

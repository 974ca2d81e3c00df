import { ENDPOINTS } from '@contract';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { useEndpoint } from '../../../query/use-endpoint.js';
import { ItemEditor } from './item-editor.js';

/** Loads what the editor needs (the item and its latest announcement when editing, topics, audience suggestions), then shows it. */
export function ItemEditorPage({ id }: { id: string | null }) {
  // Fresh answers only: the editor copies them into its form once.
  const editing = id !== null;
  const item = useEndpoint(ENDPOINTS.adminItem, { params: { id: id ?? '' } }, { enabled: editing, fresh: true });
  const latest = useEndpoint(ENDPOINTS.announcements, { query: { itemId: id ?? undefined, limit: 1 } }, { enabled: editing, fresh: true });
  const topics = useEndpoint(ENDPOINTS.topics, undefined, { fresh: true });
  const audiences = useEndpoint(ENDPOINTS.audiences, undefined, { fresh: true });
  // The item first: an unknown id should say "not found", whatever else fails.
  const parts = editing ? [item, latest, topics, audiences] : [topics, audiences];
  const failed = parts.find((p) => p.state === 'error');
  if (failed?.state === 'error') return <ErrorState error={failed.error} onRetry={() => parts.forEach((p) => p.reload())} />;
  if (parts.some((p) => p.state !== 'ok') || !topics.data || !audiences.data) return <LoadingState />;
  return (
    <ItemEditor
      initial={editing ? (item.data ?? null) : null}
      initialAnnouncement={editing ? (latest.data?.items[0] ?? null) : null}
      topics={topics.data.items}
      audiences={audiences.data}
    />
  );
}

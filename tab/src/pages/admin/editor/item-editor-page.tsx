import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { useLoad } from '../../../hooks/use-load.js';
import { useSession } from '../../../session.js';
import { ItemEditor } from './item-editor.js';

/** Loads what the editor needs (the item when editing, topics, audience suggestions), then shows it. */
export function ItemEditorPage({ id }: { id: string | null }) {
  const { api } = useSession();
  const data = useLoad(
    async () => {
      const [item, topics, audiences] = await Promise.all([
        id ? api.adminItem(id) : Promise.resolve(null),
        api.topics(),
        api.audiences(),
      ]);
      return { item, topics: topics.items, audiences };
    },
    [api, id],
  );
  if (data.state === 'loading') return <LoadingState />;
  if (data.state === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  return <ItemEditor initial={data.data.item} topics={data.data.topics} audiences={data.data.audiences} />;
}

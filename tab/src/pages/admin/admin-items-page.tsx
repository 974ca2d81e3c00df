import { Button, Field, makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import { AddRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { ENDPOINTS, ITEM_STATUSES, type ItemStatus } from '@contract';
import { useState } from 'react';
import { ChoiceFilter } from '../../components/choice-filter.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../routing.js';
import { AdminItemRow } from './admin-item-row.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  filter: { minWidth: 0, maxWidth: '100%' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function AdminItemsPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const [status, setStatus] = useState<ItemStatus | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const items = usePagedEndpoint(ENDPOINTS.adminItems, { query: { status: status ?? undefined, q: q.trim() || undefined } }, (i) => i.id);

  return (
    <div className={styles.root}>
      <PageHeader
        heading={t.adminItemsTitle}
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate({ page: 'admin-edit', id: null })}>
            {t.newItem}
          </Button>
        }
      />
      <div className={styles.filters}>
        <ChoiceFilter
          label={t.statusFilter}
          allLabel={t.statusAll}
          values={ITEM_STATUSES}
          labels={t.statuses}
          value={status}
          onChange={setStatus}
          className={styles.filter}
        />
        <Field label={t.search} className={styles.filter}>
          <SearchBox value={search} onChange={(_, data) => setSearch(data.value)} />
        </Field>
      </div>
      {items.status === 'loading' ? <LoadingState /> : null}
      {items.status === 'error' ? <ErrorState error={items.error} onRetry={items.reload} /> : null}
      {items.status === 'ok' && items.items.length === 0 ? (
        <EmptyState icon={<DocumentSearchRegular />} title={t.adminEmpty} body={t.adminEmptyBody} />
      ) : null}
      {items.status === 'ok' && items.items.length > 0 ? (
        <div className={styles.list}>
          {items.items.map((item) => (
            <AdminItemRow key={item.id} item={item} />
          ))}
        </div>
      ) : null}
      <LoadMore list={items} />
    </div>
  );
}

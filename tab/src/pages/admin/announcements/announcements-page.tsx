import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { MegaphoneRegular } from '@fluentui/react-icons';
import { ANNOUNCEMENT_STATUSES, type AnnouncementStatus } from '@contract';
import { useState } from 'react';
import { ChoiceFilter } from '../../../components/choice-filter.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { LoadMore } from '../../../components/load-more.js';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { navigate } from '../../../routing.js';
import { AnnouncementRow } from './announcement-row.js';
import { useAnnouncements } from './use-announcements.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filter: { minWidth: 0, maxWidth: '100%', alignSelf: 'flex-start' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Every announcement with its progress; the running ones refresh themselves. */
export function AnnouncementsPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const [status, setStatus] = useState<AnnouncementStatus | null>(null);
  const list = useAnnouncements(status);

  return (
    <div className={styles.root}>
      <PageHeader heading={t.announcementsTitle} intro={t.announcementsIntro} />
      <ChoiceFilter
        label={t.statusFilter}
        allLabel={t.statusAll}
        values={ANNOUNCEMENT_STATUSES}
        labels={t.announcementStatuses}
        value={status}
        onChange={setStatus}
        className={styles.filter}
      />
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.items.length === 0 ? (
        status ? (
          <EmptyState icon={<MegaphoneRegular />} title={t.announcementsEmptyFiltered} body={t.announcementsEmptyFilteredBody} />
        ) : (
          <EmptyState
            icon={<MegaphoneRegular />}
            title={t.announcementsEmpty}
            body={t.announcementsEmptyBody}
            action={<Button onClick={() => navigate({ page: 'admin-items' })}>{t.goToItems}</Button>}
          />
        )
      ) : null}
      {list.status === 'ok' && list.items.length > 0 ? (
        <div className={styles.list}>
          {list.items.map((a) => (
            <AnnouncementRow key={a.id} announcement={a} cancelling={list.cancelling.has(a.id)} onCancel={() => void list.cancel(a)} />
          ))}
        </div>
      ) : null}
      <LoadMore list={list} />
    </div>
  );
}

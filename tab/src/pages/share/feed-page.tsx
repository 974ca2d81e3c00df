import { Button, makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { covers, ENDPOINTS, type FeedItem } from '@contract';
import { CampaignBanner } from '../campaigns/campaign-banner.js';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { LoadMore } from '../../components/load-more.js';
import { useNotify } from '../../components/use-notify.js';
import { PageHeader } from '../../components/page-header.js';
import { useCrisisContext } from '../../hooks/use-crisis.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { FeedCard } from './feed-card.js';
import { FeedFilters } from './feed-filters.js';

const SEARCH_DEBOUNCE_MS = 300;
const PAGE_SIZE = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 17rem), 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  skeletonImage: { height: '9rem' },
});

function FeedSkeleton({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.grid} role="status" aria-label={label}>
      {[0, 1, 2].map((n) => (
        <Skeleton key={n} className={styles.skeleton} aria-hidden="true">
          <SkeletonItem className={styles.skeletonImage} />
          <SkeletonItem size={16} />
          <SkeletonItem size={24} />
          <SkeletonItem size={16} />
        </Skeleton>
      ))}
    </div>
  );
}

/** The Share page: everything the person may share now, filtered by topic and search. */
export function FeedPage() {
  const styles = useStyles();
  const { api, host } = useSession();
  const { t } = useI18n();
  const notify = useNotify();
  const crisis = useCrisisContext();
  const [topic, setTopic] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, SEARCH_DEBOUNCE_MS);
  const feed = usePagedEndpoint(ENDPOINTS.feed, { query: { topic: topic ?? undefined, q: q.trim() || undefined, limit: PAGE_SIZE } }, (i) => i.id);
  const topics = useEndpoint(ENDPOINTS.topics);
  // Progress moves as people share: read again every half minute while the page is open.
  const campaigns = useEndpoint(ENDPOINTS.campaigns, undefined, { refetchInterval: 30_000 });
  const running = campaigns.data?.items ?? [];
  const topicList = topics.data?.items;
  const topicNames = useMemo(() => new Map((topicList ?? []).map((tp) => [tp.id, tp.name])), [topicList]);
  const filtered = topic !== null || q.trim() !== '';

  const clearFilters = () => {
    setTopic(null);
    setSearch('');
  };

  const share = async (item: FeedItem) => {
    try {
      const { url } = await api.shareLink({ params: { id: item.id } });
      host.openExternal(url);
    } catch (err) {
      notify('error', `${t.shareLinkFailed} ${errorText(err, t)}`);
    }
  };

  return (
    <div className={styles.root}>
      <PageHeader heading={t.feedTitle} intro={t.feedIntro} />
      <CampaignBanner campaigns={running} />
      <FeedFilters topics={topicList ?? []} topic={topic} onTopic={setTopic} search={search} onSearch={setSearch} />
      {feed.status === 'loading' ? <FeedSkeleton label={t.loading} /> : null}
      {feed.status === 'error' ? <ErrorState error={feed.error} onRetry={feed.reload} /> : null}
      {feed.status === 'ok' && feed.items.length === 0 ? (
        <EmptyState
          icon={<SearchRegular />}
          title={filtered ? t.emptyFeedTitle : t.feedTitle}
          body={filtered ? t.emptyFeedBody : t.emptyFeedNoFilters}
          action={filtered ? <Button onClick={clearFilters}>{t.clearFilters}</Button> : undefined}
        />
      ) : null}
      {feed.status === 'ok' && feed.items.length > 0 ? (
        <ul className={styles.grid} aria-label={t.feedTitle}>
          {feed.items.map((item) => (
            <li key={item.id}>
              <FeedCard
                item={item}
                topicNames={topicNames}
                onShare={share}
                sharingPaused={crisis.notice.active}
                campaign={running.find((c) => covers(c, item))}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore list={feed} />
    </div>
  );
}

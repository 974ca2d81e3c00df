import { Body1, Button, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { HeartRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { ENDPOINTS } from '@contract';
import { usePagedShares } from './use-my-shares.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../routing.js';
import { MyShareRow } from './my-share-row.js';
import { ShareTotals } from './share-totals.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'center' },
  heading: { margin: 0 },
});

/** The person's own shares and the clicks they brought, link by link: a section of My impact. */
export function MySharesSection() {
  const styles = useStyles();
  const { t } = useI18n();
  const shares = usePagedShares(ENDPOINTS.myShares);

  return (
    <section className={styles.root} aria-labelledby="impact-shares">
      <Subtitle1 as="h2" id="impact-shares" className={styles.heading}>
        {t.impactSharesHeading}
      </Subtitle1>
      {shares.state === 'loading' ? <LoadingState /> : null}
      {shares.state === 'error' ? <ErrorState error={shares.error} onRetry={shares.reload} /> : null}
      {shares.state === 'ok' && shares.data.items.length === 0 ? (
        <EmptyState
          icon={<HeartRegular />}
          title={t.myEmptyTitle}
          body={t.myEmptyBody}
          action={<Button onClick={() => navigate({ page: 'share' })}>{t.seeWhatToShare}</Button>}
        />
      ) : null}
      {shares.state === 'ok' && shares.data.items.length > 0 ? (
        <>
          <ShareTotals totals={shares.data.totals} />
          <div className={styles.list}>
            {shares.data.items.map((item) => (
              <MyShareRow key={item.itemId} item={item} />
            ))}
          </div>
          {shares.hasMore ? (
            <Button className={styles.more} disabled={shares.loadingMore} onClick={shares.loadMore}>
              {shares.loadingMore ? t.loading : t.loadMore}
            </Button>
          ) : null}
          <Body1 as="p" block className={styles.note}>
            {t.clicksPrivacy}
          </Body1>
        </>
      ) : null}
    </section>
  );
}

import { Button, makeStyles } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorState } from './error-state.js';

const useStyles = makeStyles({
  more: { alignSelf: 'center' },
});

/** "Load more" under a paged list, while there is more; its failure shows with "Try again". */
export function LoadMore({ list }: { list: { nextCursor: string | null; loadingMore: boolean; moreError: unknown; loadMore: () => void } }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <>
      {list.moreError ? <ErrorState error={list.moreError} onRetry={list.loadMore} /> : null}
      {list.nextCursor ? (
        <Button className={styles.more} disabled={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? t.loading : t.loadMore}
        </Button>
      ) : null}
    </>
  );
}

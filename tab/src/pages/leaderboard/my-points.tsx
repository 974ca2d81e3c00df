import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { ENDPOINTS, NETWORK_LABELS, type LedgerEntry } from '@contract';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useI18n, type I18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48rem', minWidth: 0 },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3, display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reason: { overflowWrap: 'anywhere' },
  points: { fontWeight: tokens.fontWeightSemibold },
});

/** Why I have these points, in words. */
export function reasonText(e: LedgerEntry, i18n: Pick<I18n, 't' | 'date'>): string {
  const { t, date } = i18n;
  switch (e.reason) {
    case 'share':
      return t.reasonShare(e.item?.title ?? '', e.network ? NETWORK_LABELS[e.network] : '');
    case 'readers':
      return t.reasonReaders(e.readers ?? 0, e.item?.title ?? '', e.day ? date(`${e.day}T12:00:00Z`) : '', e.counted ?? 0);
    case 'training':
      return t.reasonTraining(e.training?.title ?? '');
    case 'proposal':
      return t.reasonProposal;
    case 'conversion':
      return t.reasonConversion;
  }
}

/** My points: the total and the ledger, newest first. Only I can see it. */
export function MyPoints() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, date, number } = i18n;
  // The newest 200 entries; the total covers all of them.
  const ledger = useEndpoint(ENDPOINTS.myPoints, { query: { limit: 200 } });
  return (
    <section className={styles.root} aria-labelledby="my-points-heading">
      <Subtitle2 as="h2" id="my-points-heading" block className={styles.heading}>
        {t.myPointsHeading}
      </Subtitle2>
      <Caption1 className={styles.note}>
        <LockClosedRegular aria-hidden="true" />
        {t.myPointsOnlyYou}
      </Caption1>
      {ledger.state === 'loading' ? <LoadingState /> : null}
      {ledger.state === 'error' ? <ErrorState error={ledger.error} onRetry={ledger.reload} /> : null}
      {ledger.state === 'ok' ? (
        <>
          <Body1 as="p" block className={styles.points}>
            {t.myPointsTotal(ledger.data.total)}
          </Body1>
          {ledger.data.items.length === 0 ? (
            <Body1 as="p" block>
              {t.myPointsEmpty}
            </Body1>
          ) : (
            <ul className={styles.list}>
              {ledger.data.items.map((e) => (
                <li key={e.id}>
                  <Body1 className={styles.reason}>
                    <span className={styles.points}>+{number(e.points)}</span> · {reasonText(e, i18n)} · {date(e.at)}
                  </Body1>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

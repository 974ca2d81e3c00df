import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { ENDPOINTS } from '@contract';
import { lazy, Suspense, useState } from 'react';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { ImpactTotals } from './impact-totals.js';
import { NetworksSection, TopItemsSection } from './impact-tables.js';
import { periodQuery } from './period.js';
import { PeriodPicker, type PeriodValue } from './period-picker.js';

// The chart library (d3 underneath) is most of the page's weight: it loads when My impact opens.
const ImpactChart = lazy(() => import('./impact-chart.js').then((m) => ({ default: m.ImpactChart })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
});

/** Totals, the chart over time, per network and top items over a chosen period. */
export function ImpactResults() {
  const styles = useStyles();
  const { t, date } = useI18n();
  const [period, setPeriod] = useState<PeriodValue>({ choice: '30', custom: { from: '', to: '' } });
  const impact = useEndpoint(ENDPOINTS.myImpact, { query: periodQuery(period.choice, period.custom) }, { keepPrevious: true });
  return (
    <section className={styles.root} aria-labelledby="impact-results">
      <Subtitle1 as="h2" id="impact-results" className={styles.heading}>
        {t.impactResultsHeading}
      </Subtitle1>
      <PeriodPicker value={period} onChange={setPeriod} />
      {impact.state === 'loading' ? <LoadingState /> : null}
      {impact.state === 'error' ? <ErrorState error={impact.error} onRetry={impact.reload} /> : null}
      {impact.state === 'ok' ? (
        <>
          <Body1 as="p" className={styles.note}>
            {t.periodRange(date(`${impact.data.from}T12:00:00Z`), date(`${impact.data.to}T12:00:00Z`))}
          </Body1>
          <ImpactTotals impact={impact.data} />
          {impact.data.totals.shares + impact.data.totals.clicks + impact.data.totals.readers === 0 ? (
            <Body1 as="p" className={styles.note}>
              {t.impactEmpty}
            </Body1>
          ) : (
            <>
              <Suspense fallback={<LoadingState />}>
                <ImpactChart impact={impact.data} />
              </Suspense>
              <div className={styles.columns}>
                <NetworksSection impact={impact.data} />
                <TopItemsSection impact={impact.data} />
              </div>
            </>
          )}
          <Body1 as="p" className={styles.note}>
            {t.readersExplained} {t.conversionsExplained} {t.clicksPrivacy}
          </Body1>
        </>
      ) : null}
    </section>
  );
}

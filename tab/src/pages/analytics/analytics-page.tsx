import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ENDPOINTS } from '@contract';
import { DocumentTextRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { navigate } from '../../routing.js';
import { AdminPart } from '../../components/admin-part.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { periodQuery, type PeriodChoice } from '../impact/period.js';
import { PeriodPicker, type PeriodValue } from '../impact/period-picker.js';
import { BreakdownSection } from './breakdown-section.js';
import { CsvButton } from './csv-button.js';
import { HeadlineNumbers } from './headline-numbers.js';

// The chart library (d3 underneath) loads when the dashboard opens, not with the tab.
const TrendChart = lazy(() => import('./trend-chart.js').then((m) => ({ default: m.TrendChart })));
// Only admins change the settings.
const AnalyticsSettings = lazy(() => import('./analytics-settings.js').then((m) => ({ default: m.AnalyticsSettings })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * The content team's dashboard (issue 13): headline numbers against the period before, the
 * trend, breakdowns — aggregates over groups of at least the minimum group, never a person.
 */
export function AnalyticsPage() {
  const styles = useStyles();
  const { t, date } = useI18n();
  const [period, setPeriod] = useState<PeriodValue>({ choice: 'month', custom: { from: '', to: '' } });
  const query = periodQuery(period.choice, period.custom);
  const overview = useEndpoint(ENDPOINTS.analyticsOverview, { query }, { keepPrevious: true });
  const day = (d: string) => date(`${d}T12:00:00Z`);
  const choices: Array<[PeriodChoice, string]> = [
    ['week', t.periodThisWeek],
    ['month', t.periodThisMonth],
    ['quarter', t.periodThisQuarter],
    ['custom', t.periodCustom],
  ];
  return (
    <div className={styles.root}>
      <PageHeader
        heading={t.analyticsTitle}
        intro={t.analyticsIntroMin(overview.state === 'ok' ? overview.data.minGroup : 5)}
        actions={
          <Button icon={<DocumentTextRegular />} onClick={() => navigate({ page: 'analytics-report', id: null })}>
            {t.reportOpen}
          </Button>
        }
      />
      <PeriodPicker value={period} onChange={setPeriod} choices={choices} />
      {overview.state === 'loading' ? <LoadingState /> : null}
      {overview.state === 'error' ? <ErrorState error={overview.error} onRetry={overview.reload} /> : null}
      {overview.state === 'ok' ? (
        <>
          <div className={styles.bar}>
            <Body1 as="p" className={styles.note}>
              {t.periodRange(day(overview.data.from), day(overview.data.to))} · {t.comparedWith(t.periodRange(day(overview.data.previous.from), day(overview.data.previous.to)))}
            </Body1>
            <CsvButton path="overview" query={{ ...query, table: 'headline' }} fileName={`chorus-overview-${overview.data.from}-${overview.data.to}.csv`} />
          </div>
          {overview.data.current.withheld ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>{t.withheldTitle}</MessageBarTitle>
                {t.withheldBody(overview.data.minGroup)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <HeadlineNumbers overview={overview.data} />
          <Suspense fallback={<LoadingState />}>
            <TrendChart overview={overview.data} query={query} />
          </Suspense>
          <BreakdownSection query={query} />
        </>
      ) : null}
      <AdminPart permission="analytics.manage">
        <AnalyticsSettings />
      </AdminPart>
    </div>
  );
}

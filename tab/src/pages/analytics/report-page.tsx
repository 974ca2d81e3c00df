import { Body1, Button, Field, Input, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title1, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, PrintRegular } from '@fluentui/react-icons';
import { ENDPOINTS, NETWORK_LABELS, type AnalyticsDimension, type AnalyticsTotals, type Network } from '@contract';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { navigate } from '../../routing.js';
import { localToday } from '../impact/period.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '52rem' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
  table: { tableLayout: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, breakInside: 'avoid' },
});

/**
 * Printing: only the report. The tab's header and navigation, and the report's own controls,
 * stay on screen; tables are not split across pages where they fit on one.
 */
const PRINT_CSS = `@media print {
  header, nav, footer, [role="banner"], [role="navigation"], [data-noprint] { display: none !important; }
  body, [data-theme] { background: #fff !important; color: #000 !important; }
  main { padding: 0 !important; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  @page { margin: 16mm; }
}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** The month before the one `today` is in ("2026-11" on any day of December 2026). */
export function lastMonth(today = localToday()): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** First and last day of a month "YYYY-MM". */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Metric = Exclude<keyof AnalyticsTotals, 'withheld'>;

/** A month's report for the content team, made to print or save as PDF from the browser. */
export function ReportPage({ month: asked }: { month: string | null }) {
  const styles = useStyles();
  const { t, locale, date } = useI18n();
  const month = asked && MONTH.test(asked) ? asked : lastMonth();
  const range = monthRange(month);
  const overview = useEndpoint(ENDPOINTS.analyticsOverview, { query: range });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${range.from}T12:00:00Z`));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const value = (metric: Metric, v: number | null) => {
    if (v === null) return '—';
    if (metric === 'participation') return percent.format(v);
    if (metric === 'earnedMediaValue' && overview.state === 'ok') return new Intl.NumberFormat(locale, { style: 'currency', currency: overview.data.earnedMedia.currency }).format(v);
    return number.format(v);
  };
  const metrics: Array<[Metric, string]> = [
    ['reachable', t.metricReachable],
    ['activeSharers', t.metricActiveSharers],
    ['participation', t.metricParticipation],
    ['shares', t.metricShares],
    ['clicks', t.metricClicks],
    ['readers', t.metricReaders],
    ['clicksPerShare', t.metricClicksPerShare],
    ['conversions', t.metricConversions],
    ['earnedMediaValue', t.metricEarnedMedia],
  ];
  return (
    <article className={styles.root} aria-labelledby="report-title">
      <style>{PRINT_CSS}</style>
      <div className={styles.bar} data-noprint>
        <Button icon={<ArrowLeftRegular />} onClick={() => navigate({ page: 'admin-analytics' })}>
          {t.reportBack}
        </Button>
        <Field label={t.reportMonth}>
          <Input type="month" value={month} max={localToday().slice(0, 7)} onChange={(_, d) => MONTH.test(d.value) && navigate({ page: 'analytics-report', id: d.value })} />
        </Field>
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          {t.reportPrint}
        </Button>
      </div>
      <Title1 as="h1" id="report-title" className={styles.heading}>
        {t.reportTitle(monthName)}
      </Title1>
      {overview.state === 'loading' ? <LoadingState /> : null}
      {overview.state === 'error' ? <ErrorState error={overview.error} onRetry={overview.reload} /> : null}
      {overview.state === 'ok' ? (
        <>
          <Body1 as="p" className={styles.note}>
            {t.reportIntro(date(`${range.from}T12:00:00Z`), date(`${range.to}T12:00:00Z`), overview.data.minGroup, date(new Date().toISOString()))}
          </Body1>
          {overview.data.current.withheld ? <Body1 as="p">{t.withheldBody(overview.data.minGroup)}</Body1> : null}
          <section className={styles.section} aria-labelledby="report-headline">
            <Subtitle2 as="h2" id="report-headline" className={styles.heading}>
              {t.headlineHeading}
            </Subtitle2>
            <Table size="small" className={styles.table} aria-labelledby="report-headline">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.reportMetric}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{monthName}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t.reportBefore}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {metrics.map(([metric, label]) => (
                  <TableRow key={metric}>
                    <TableCell>{label}</TableCell>
                    <TableCell className={styles.number}>{value(metric, overview.data.current[metric])}</TableCell>
                    <TableCell className={styles.number}>{value(metric, overview.data.before[metric])}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
          {(['item', 'network', 'department', 'topic'] as const).map((d) => (
            <ReportBreakdown key={d} dimension={d} range={range} />
          ))}
        </>
      ) : null}
    </article>
  );
}

/** The top ten groups of one dimension in the month (≥ minGroup people each; the rest as "other"). */
function ReportBreakdown({ dimension, range }: { dimension: AnalyticsDimension; range: { from: string; to: string } }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const breakdown = useEndpoint(ENDPOINTS.analyticsBreakdown, { query: { ...range, dimension, limit: 10 } });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const id = `report-${dimension}`;
  if (breakdown.state !== 'ok') return breakdown.state === 'error' ? <ErrorState error={breakdown.error} onRetry={breakdown.reload} /> : <LoadingState />;
  const rows = breakdown.data.rows;
  const label = (key: string, fallback: string) => (dimension === 'network' ? (NETWORK_LABELS[key as Network] ?? key) : key === '' ? t.unknownValue : fallback);
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {t.reportTop(t.dimensions[dimension])}
      </Subtitle2>
      {rows.length === 0 ? (
        <Body1 as="p" className={styles.note}>
          {t.breakdownEmpty(breakdown.data.minGroup)}
        </Body1>
      ) : (
        <Table size="small" className={styles.table} aria-labelledby={id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.dimensions[dimension]}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t.columnPeople}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t.metricShares}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t.metricClicks}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t.metricReaders}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t.metricConversions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{label(r.key, r.label)}</TableCell>
                <TableCell className={styles.number}>{number.format(r.people)}</TableCell>
                <TableCell className={styles.number}>{number.format(r.shares)}</TableCell>
                <TableCell className={styles.number}>{number.format(r.clicks)}</TableCell>
                <TableCell className={styles.number}>{number.format(r.readers)}</TableCell>
                <TableCell className={styles.number}>{r.conversions === null ? '—' : number.format(r.conversions)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

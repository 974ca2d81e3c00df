import { Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { LineChart, type ChartProps } from '@fluentui/react-charts';
import type { AnalyticsOverview } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';
import { CountsTable } from '../impact/impact-tables.js';
import { CsvButton } from './csv-button.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  chart: { width: '100%', minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** Shares, clicks and unique readers over the period (per day, or per week when long), and the same as a table. */
export function TrendChart({ overview, query }: { overview: AnalyticsOverview; query: Record<string, string | undefined> }) {
  const styles = useStyles();
  const { t, locale, date } = useI18n();
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const series = overview.trend.series;
  type Point = (typeof series)[number];
  const sum = (pick: (p: Point) => number | null) => series.reduce((n, p) => n + (pick(p) ?? 0), 0);
  // Withheld days or weeks (fewer than minGroup people) are left out of the lines; the table says "—".
  const line = (legend: string, pick: (p: Point) => number | null) => ({
    legend,
    data: series.filter((p) => !p.withheld).map((p) => ({ x: noon(p.start), y: pick(p) ?? 0 })),
  });
  const data: ChartProps = {
    chartTitle: t.trendHeading,
    lineChartData: [line(t.metricClicks, (p) => p.clicks), line(t.metricReaders, (p) => p.readers), line(t.metricShares, (p) => p.shares)],
  };
  const label = (p: Point) => (p.start === p.end ? date(noon(p.start).toISOString()) : t.weekOf(date(noon(p.start).toISOString()), date(noon(p.end).toISOString())));
  const range = t.periodRange(date(noon(overview.from).toISOString()), date(noon(overview.to).toISOString()));
  const empty = series.every((p) => p.withheld || (p.shares ?? 0) + (p.clicks ?? 0) + (p.readers ?? 0) === 0);
  return (
    <section className={styles.root} aria-labelledby="analytics-trend">
      <div className={styles.top}>
        <Subtitle2 as="h2" id="analytics-trend" className={styles.heading}>
          {t.trendHeading} ({overview.trend.granularity === 'day' ? t.chartPerDay : t.chartPerWeek})
        </Subtitle2>
        <CsvButton path="overview" query={{ ...query, table: 'trend' }} fileName={`chorus-trend-${overview.from}-${overview.to}.csv`} label={t.trendHeading} />
      </div>
      {empty ? (
        <Body1 as="p" className={styles.note}>
          {t.trendEmpty}
        </Body1>
      ) : (
        <div
          className={styles.chart}
          role="img"
          aria-label={t.trendLabel(number.format(sum((p) => p.shares)), number.format(sum((p) => p.clicks)), number.format(sum((p) => p.readers)), range)}
          data-testid="analytics-chart"
        >
          <LineChart
            data={data}
            height={280}
            culture={locale}
            customDateTimeFormatter={(d) => short.format(d)}
            // One tick per point (each a day or a week) while they fit; the library's own ticks fall between days.
            tickValues={series.length <= 16 ? series.map((p) => noon(p.start)) : undefined}
            yMinValue={0}
            enableReflow
          />
        </div>
      )}
      {/* The chart's numbers for everyone, screen readers included: visible, under the chart. */}
      <CountsTable caption={t.trendTableCaption} first={t.columnPeriod} rows={series.map((p) => ({ key: p.start, label: label(p), ...p }))} />
    </section>
  );
}

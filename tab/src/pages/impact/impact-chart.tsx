import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { LineChart, type ChartProps } from '@fluentui/react-charts';
import type { Impact } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';
import { CountsTable } from './impact-tables.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  chart: { width: '100%', minWidth: 0 },
  // The table is for screen readers (and anyone without the chart): in the page, out of sight.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** Shares, clicks and unique readers over the period (per day, or per week when long), with its table. */
export function ImpactChart({ impact }: { impact: Impact }) {
  const styles = useStyles();
  const { t, locale, date } = useI18n();
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const line = (legend: string, pick: (p: Impact['series'][number]) => number) => ({
    legend,
    data: impact.series.map((p) => ({ x: noon(p.start), y: pick(p) })),
  });
  const data: ChartProps = {
    chartTitle: t.chartHeading,
    lineChartData: [line(t.impactClicks, (p) => p.clicks), line(t.impactReaders, (p) => p.readers), line(t.impactShares, (p) => p.shares)],
  };
  const label = (p: Impact['series'][number]) => (p.start === p.end ? date(noon(p.start).toISOString()) : t.weekOf(date(noon(p.start).toISOString()), date(noon(p.end).toISOString())));
  const range = t.periodRange(date(noon(impact.from).toISOString()), date(noon(impact.to).toISOString()));
  return (
    <section className={styles.root} aria-labelledby="impact-chart">
      <Subtitle2 as="h3" id="impact-chart" className={styles.heading}>
        {t.chartHeading} ({impact.granularity === 'day' ? t.chartPerDay : t.chartPerWeek})
      </Subtitle2>
      <div
        className={styles.chart}
        role="img"
        aria-label={t.chartLabel(number.format(impact.totals.shares), number.format(impact.totals.clicks), number.format(impact.totals.readers), range)}
        data-testid="impact-chart"
      >
        <LineChart data={data} height={260} culture={locale} customDateTimeFormatter={(d) => short.format(d)} yMinValue={0} enableReflow />
      </div>
      <div className={styles.hidden}>
        <CountsTable hidden caption={t.chartTableCaption} first={t.columnPeriod} rows={impact.series.map((p) => ({ key: p.start, label: label(p), ...p }))} />
      </div>
    </section>
  );
}

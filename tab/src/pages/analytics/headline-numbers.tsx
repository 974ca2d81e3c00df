import { Caption1, Card, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { NETWORK_LABELS, type AnalyticsOverview, type AnalyticsTotals, type Network } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCan } from '../../session.js';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: { alignItems: 'flex-start' },
  value: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Metric = Exclude<keyof AnalyticsTotals, 'withheld'>;

/** The headline numbers, each with how it compares to the period before. */
export function HeadlineNumbers({ overview }: { overview: AnalyticsOverview }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const can = useCan();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: overview.earnedMedia.currency });
  const { current, before, earnedMedia } = overview;
  const format = (metric: Metric, value: number) => (metric === 'participation' ? percent.format(value) : metric === 'earnedMediaValue' ? money.format(value) : number.format(value));
  const delta = (metric: Metric): string | undefined => {
    const now = current[metric];
    const then = before[metric];
    if (now === null || then === null || metric === 'reachable') return undefined;
    if (then === 0) return now === 0 ? t.deltaSame : t.deltaFromZero(format(metric, 0));
    const change = (now - then) / then;
    if (Math.abs(change) < 0.0005) return t.deltaSame;
    return change > 0 ? t.deltaUp(percent.format(change)) : t.deltaDown(percent.format(-change));
  };
  const rates = Object.entries(earnedMedia.costPerClick).map(([n, rate]) => `${NETWORK_LABELS[n as Network]} ${money.format(rate)}`);
  const tiles: Array<{ metric: Metric; label: string; hint?: string; empty?: string }> = [
    { metric: 'reachable', label: t.metricReachable, hint: t.metricReachableHint },
    { metric: 'activeSharers', label: t.metricActiveSharers },
    { metric: 'participation', label: t.metricParticipation },
    { metric: 'shares', label: t.metricShares },
    { metric: 'clicks', label: t.metricClicks },
    { metric: 'readers', label: t.metricReaders },
    { metric: 'clicksPerShare', label: t.metricClicksPerShare },
    { metric: 'conversions', label: t.metricConversions, empty: t.notAvailableYet },
    {
      metric: 'earnedMediaValue',
      label: t.metricEarnedMedia,
      hint:
        rates.length > 0
          ? [t.earnedMediaFormula(rates.join(', ')), earnedMedia.missingRates.length ? t.missingRates(earnedMedia.missingRates.map((n) => NETWORK_LABELS[n]).join(', ')) : ''].join(' ').trim()
          : undefined,
      empty: can('analytics.manage') ? t.noRatesYet : t.noRatesYetAnalyst,
    },
  ];
  return (
    <section aria-label={t.headlineHeading}>
      <dl className={styles.root}>
        {tiles.map(({ metric, label, hint, empty }) => {
          const value = current[metric];
          const change = delta(metric);
          return (
            <Card key={metric} className={styles.tile} size="small" data-metric={metric}>
              <dt>
                <Caption1 className={styles.label}>{label}</Caption1>
              </dt>
              <dd className={styles.value}>
                {value === null ? (
                  <Caption1 className={styles.muted}>{current.withheld ? '—' : (empty ?? '—')}</Caption1>
                ) : (
                  <Title2>{format(metric, value)}</Title2>
                )}
                {change ? <Caption1 className={styles.muted}>{change}</Caption1> : null}
                {hint && value !== null ? <Caption1 className={styles.muted}>{hint}</Caption1> : null}
              </dd>
            </Card>
          );
        })}
      </dl>
    </section>
  );
}

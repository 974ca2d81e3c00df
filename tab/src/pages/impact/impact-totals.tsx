import { Caption1, Card, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { Impact } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 9rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: { alignItems: 'flex-start' },
  value: { margin: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Shares, clicks, unique readers — and conversions, which say "not available yet" until they are measured, never 0. */
export function ImpactTotals({ impact }: { impact: Impact }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const tiles: Array<{ label: string; value: string; muted?: boolean }> = [
    { label: t.impactShares, value: number.format(impact.totals.shares) },
    { label: t.impactClicks, value: number.format(impact.totals.clicks) },
    { label: t.impactReaders, value: number.format(impact.totals.readers) },
    // `conversions` is null until a later issue measures them (the schema allows nothing else).
    { label: t.impactConversions, value: t.conversionsNotYet, muted: true },
  ];
  return (
    <dl className={styles.root}>
      {tiles.map((tile) => (
        <Card key={tile.label} className={styles.tile} size="small">
          <dt>
            <Caption1 className={styles.label}>{tile.label}</Caption1>
          </dt>
          <dd className={styles.value}>{tile.muted ? <Caption1 className={styles.muted}>{tile.value}</Caption1> : <Title2>{tile.value}</Title2>}</dd>
        </Card>
      ))}
    </dl>
  );
}

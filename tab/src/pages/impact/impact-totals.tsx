import { Caption1, Card, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { CONVERSION_TYPES, type Impact } from '@contract';
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
  detail: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** Shares, clicks, unique readers and conversions (with the types that occurred under the number). */
export function ImpactTotals({ impact }: { impact: Impact }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const byType = CONVERSION_TYPES.filter((type) => impact.conversions.byType[type] > 0)
    .map((type) => t.conversionOfType(t.conversionTypes[type], number.format(impact.conversions.byType[type])))
    .join(' · ');
  const tiles: Array<{ label: string; value: string; detail?: string }> = [
    { label: t.impactShares, value: number.format(impact.totals.shares) },
    { label: t.impactClicks, value: number.format(impact.totals.clicks) },
    { label: t.impactReaders, value: number.format(impact.totals.readers) },
    { label: t.impactConversions, value: number.format(impact.conversions.total), ...(byType ? { detail: byType } : {}) },
  ];
  return (
    <dl className={styles.root}>
      {tiles.map((tile) => (
        <Card key={tile.label} className={styles.tile} size="small">
          <dt>
            <Caption1 className={styles.label}>{tile.label}</Caption1>
          </dt>
          <dd className={styles.value}>
            <Title2>{tile.value}</Title2>
            {tile.detail ? (
              <Caption1 as="p" className={styles.detail}>
                {tile.detail}
              </Caption1>
            ) : null}
          </dd>
        </Card>
      ))}
    </dl>
  );
}

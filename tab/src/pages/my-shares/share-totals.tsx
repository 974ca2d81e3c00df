import { Caption1, Card, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { MyShares } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 8rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: { alignItems: 'flex-start' },
  value: { margin: 0 },
  label: { color: tokens.colorNeutralForeground2 },
});

export function ShareTotals({ totals }: { totals: MyShares['totals'] }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const tiles = [
    { label: t.totalItems, value: totals.items },
    { label: t.totalShares, value: totals.shares },
    { label: t.totalClicks, value: totals.clicks },
  ];
  return (
    <dl className={styles.root}>
      {tiles.map((tile) => (
        <Card key={tile.label} className={styles.tile} size="small">
          <dt>
            <Caption1 className={styles.label}>{tile.label}</Caption1>
          </dt>
          <dd className={styles.value}>
            <Title2>{number.format(tile.value)}</Title2>
          </dd>
        </Card>
      ))}
    </dl>
  );
}

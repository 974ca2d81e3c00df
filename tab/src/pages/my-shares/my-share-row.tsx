import { Body1, Caption1, Card, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { NETWORK_LABELS, type MyShareItem } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  title: { margin: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
  networks: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  clicks: { fontWeight: tokens.fontWeightSemibold },
});

export function MyShareRow({ item }: { item: MyShareItem }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  return (
    <Card role="article" aria-label={item.title}>
      <Subtitle2 as="h2" block className={styles.title}>
        <Link href={item.url} target="_blank" rel="noopener noreferrer" aria-label={t.openDestination(item.title)}>
          {item.title}
        </Link>
      </Subtitle2>
      <Caption1 className={styles.meta}>
        {t.lastShared(date(item.lastSharedAt))} · <span className={styles.clicks}>{t.clicks(item.clicks)}</span>
      </Caption1>
      <ul className={styles.networks}>
        {item.networks.map((n) => (
          <li key={`${n.network}-${n.sharedAt}`}>
            <Body1>{t.networkLine(NETWORK_LABELS[n.network], date(n.sharedAt), t.clicks(n.clicks))}</Body1>
          </li>
        ))}
      </ul>
    </Card>
  );
}

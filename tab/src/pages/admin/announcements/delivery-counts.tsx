import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { DeliveryCounts as Counts } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 7rem), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  pair: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
});

/** Total, sent, waiting (and of those, installing), failed and skipped, as a definition list. */
export function DeliveryCounts({ counts }: { counts: Counts }) {
  const styles = useStyles();
  const { t, number } = useI18n();
  const rows = [
    { key: 'total', label: t.countTotal, value: counts.total },
    { key: 'sent', label: t.countSent, value: counts.sent },
    { key: 'pending', label: t.countPending, value: counts.pending },
    // Only while Chorus is being installed for some of them (PROACTIVE_INSTALL).
    ...(counts.installing > 0 ? [{ key: 'installing', label: t.countInstalling, value: counts.installing }] : []),
    { key: 'failed', label: t.countFailed, value: counts.failed },
    { key: 'skipped', label: t.countSkipped, value: counts.skipped },
  ];
  return (
    <dl className={styles.root} aria-label={t.countsLabel}>
      {rows.map((row) => (
        <div key={row.key} className={styles.pair} data-count={row.key}>
          <dt>
            <Caption1 className={styles.label}>{row.label}</Caption1>
          </dt>
          <dd className={styles.value}>
            <Subtitle2>{number(row.value)}</Subtitle2>
          </dd>
        </div>
      ))}
    </dl>
  );
}

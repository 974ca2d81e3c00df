import { makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { NETWORK_LABELS, type Impact } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  // Narrow screens scroll the table, not the page.
  scroll: { overflowX: 'auto' },
  // Columns as wide as their content (Fluent's tables split the width evenly).
  table: { tableLayout: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },

  // The item's title keeps a readable width; on a phone the table scrolls sideways instead.
  title: { overflowWrap: 'anywhere', minWidth: '9rem' },
});

/** A row's numbers; null: held back (fewer people than the minimum group are behind it). */
type Row = { key: string; label: string; shares: number | null; clicks: number | null; readers: number | null };

/** A small table of counts: a first column that names the row, then shares, clicks and readers. */
export function CountsTable({ caption, first, rows, hidden }: { caption: string; first: string; rows: Row[]; hidden?: boolean }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const format = new Intl.NumberFormat(locale);
  const number = { format: (n: number | null) => (n === null ? '—' : format.format(n)) };
  return (
    <div className={styles.scroll}>
      <Table size="small" className={styles.table} aria-label={hidden ? undefined : caption}>
        {hidden ? <caption>{caption}</caption> : null}
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.title}>{first}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.impactShares}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.impactClicks}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.impactReaders}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell className={styles.title}>{r.label}</TableCell>
              <TableCell className={styles.number}>{number.format(r.shares)}</TableCell>
              <TableCell className={styles.number}>{number.format(r.clicks)}</TableCell>
              <TableCell className={styles.number}>{number.format(r.readers)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function NetworksSection({ impact }: { impact: Impact }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (impact.networks.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="impact-networks">
      <Subtitle2 as="h3" id="impact-networks" className={styles.heading}>
        {t.networksHeading}
      </Subtitle2>
      <CountsTable caption={t.networksHeading} first={t.columnNetwork} rows={impact.networks.map((n) => ({ key: n.network, label: NETWORK_LABELS[n.network], ...n }))} />
    </section>
  );
}

export function TopItemsSection({ impact }: { impact: Impact }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (impact.topItems.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="impact-top-items">
      <Subtitle2 as="h3" id="impact-top-items" className={styles.heading}>
        {t.topItemsHeading}
      </Subtitle2>
      <CountsTable caption={t.topItemsHeading} first={t.columnItem} rows={impact.topItems.map((i) => ({ key: i.itemId, label: i.title, ...i }))} />
    </section>
  );
}

import { Body1, Button, Field, makeStyles, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { ANALYTICS_DIMENSIONS, ENDPOINTS, NETWORK_LABELS, type AnalyticsDimension, type BreakdownRow, type ItemKind, type Language, type Network } from '@contract';
import { useState } from 'react';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { CsvButton } from './csv-button.js';
import { FunnelPanel } from './funnel-panel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  field: { minWidth: 'min(100%, 16rem)' },
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  title: { overflowWrap: 'anywhere', minWidth: '9rem' },
  other: { fontStyle: 'italic' },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

const pad = (n: number) => String(n).padStart(2, '0');

const ROWS_SHOWN = 50;

/** The period's numbers by item, kind, topic, network, … — groups of fewer people merged into "other". */
export function BreakdownSection({ query }: { query: Record<string, string | undefined> }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [dimension, setDimension] = useState<AnalyticsDimension>('item');
  const [funnelOf, setFunnelOf] = useState<{ itemId: string; title: string } | undefined>(undefined);
  // The first rows only: a quarter can have 10,000 items (the CSV lists them all).
  const breakdown = useEndpoint(ENDPOINTS.analyticsBreakdown, { query: { ...query, dimension, limit: ROWS_SHOWN } }, { keepPrevious: true });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const labelOf = (row: BreakdownRow): string => {
    if (row.key === '' && (dimension === 'department' || dimension === 'location' || dimension === 'topic')) return t.unknownValue;
    switch (dimension) {
      case 'network':
        return NETWORK_LABELS[row.key as Network] ?? row.key;
      case 'kind':
        return t.kinds[row.key as ItemKind] ?? row.key;
      case 'language':
        return t.languageNames[row.key as Language] ?? row.key;
      case 'weekday':
        // 2024-01-01 was a Monday: weekday 1.
        return weekday.format(new Date(Date.UTC(2024, 0, Number(row.key))));
      case 'hour':
        return t.hourRange(`${pad(Number(row.key))}:00`, `${pad(Number(row.key))}:59`);
      default:
        return row.label;
    }
  };
  const heading = `${t.breakdownHeading}: ${t.dimensions[dimension]}`;
  return (
    <section className={styles.root} aria-labelledby="analytics-breakdown">
      <div className={styles.top}>
        <Subtitle2 as="h2" id="analytics-breakdown" className={styles.heading}>
          {t.breakdownHeading}
        </Subtitle2>
        <Field label={t.breakdownBy} className={styles.field}>
          <Select value={dimension} onChange={(_, d) => setDimension(d.value as AnalyticsDimension)}>
            {ANALYTICS_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t.dimensions[d]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {breakdown.state === 'loading' ? <LoadingState /> : null}
      {breakdown.state === 'error' ? <ErrorState error={breakdown.error} onRetry={breakdown.reload} /> : null}
      {breakdown.state === 'ok' ? (
        breakdown.data.rows.length === 0 && !breakdown.data.other ? (
          <Body1 as="p" className={styles.note}>
            {t.breakdownEmpty(breakdown.data.minGroup)}
          </Body1>
        ) : (
          <>
            <div className={styles.scroll}>
              <Table size="small" className={styles.table} aria-label={heading}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.title}>{t.dimensions[dimension]}</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>{t.columnPeople}</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>{t.metricShares}</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>{t.metricClicks}</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>{t.metricReaders}</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>{t.metricConversions}</TableHeaderCell>
                    <TableHeaderCell className={styles.number}>{t.columnClicksPerShare}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...breakdown.data.rows, ...(breakdown.data.other ? [breakdown.data.other] : [])].map((row) => {
                    const other = row.key === 'other' && row === breakdown.data.other;
                    return (
                      <TableRow key={other ? '\u0000other' : row.key}>
                        <TableCell className={other ? `${styles.title} ${styles.other}` : styles.title}>
                          {other ? t.otherGroup(breakdown.data.minGroup) : labelOf(row)}
                          {dimension === 'item' && !other ? (
                            <>
                              {' '}
                              <Button
                                size="small"
                                appearance="subtle"
                                aria-pressed={funnelOf?.itemId === row.key}
                                aria-label={t.funnelShow(row.label)}
                                onClick={() => setFunnelOf({ itemId: row.key, title: row.label })}
                              >
                                {t.funnelButton}
                              </Button>
                            </>
                          ) : null}
                        </TableCell>
                        <TableCell className={styles.number}>{number.format(row.people)}</TableCell>
                        <TableCell className={styles.number}>{number.format(row.shares)}</TableCell>
                        <TableCell className={styles.number}>{number.format(row.clicks)}</TableCell>
                        <TableCell className={styles.number}>{number.format(row.readers)}</TableCell>
                        <TableCell className={styles.number}>{row.conversions === null ? '—' : number.format(row.conversions)}</TableCell>
                        <TableCell className={styles.number}>{row.clicksPerShare === null ? '—' : number.format(row.clicksPerShare)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
            <div className={styles.top}>
              <Body1 as="p" className={styles.note}>
                {t.breakdownNote(breakdown.data.minGroup)}
                {breakdown.data.more > 0 ? <> {t.breakdownMore(number.format(breakdown.data.more), ROWS_SHOWN)}</> : null}
              </Body1>
              <CsvButton
                path="breakdown"
                query={{ ...query, dimension }}
                fileName={`chorus-${dimension}-${breakdown.data.from}-${breakdown.data.to}.csv`}
                label={heading}
              />
            </div>
            {dimension === 'item' && funnelOf ? <FunnelPanel itemId={funnelOf.itemId} title={funnelOf.title} /> : null}
          </>
        )
      ) : null}
    </section>
  );
}

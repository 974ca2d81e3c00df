import { Body1, Caption1, makeStyles, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { ENDPOINTS } from '@contract';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { CsvButton } from './csv-button.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  barCell: { width: '50%', minWidth: '6rem' },
  // The bar repeats the number beside it: decoration for the eye, hidden from screen readers.
  bar: { height: '0.75rem', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall, forcedColorAdjust: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** Recipients → delivered → read → share page opened → posted → clicks → conversions, for one item. */
export function FunnelPanel({ itemId, title }: { itemId: string; title: string }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const funnel = useEndpoint(ENDPOINTS.analyticsFunnel, { query: { itemId } }, { keepPrevious: true });
  const number = new Intl.NumberFormat(locale);
  const heading = t.funnelHeading(title);
  return (
    <section className={styles.root} aria-labelledby="analytics-funnel">
      <div className={styles.top}>
        <Subtitle2 as="h3" id="analytics-funnel" className={styles.heading}>
          {heading}
        </Subtitle2>
        <CsvButton path="funnel" query={{ itemId }} fileName={`chorus-funnel-item-${itemId}.csv`} label={heading} />
      </div>
      {funnel.state === 'loading' ? <LoadingState /> : null}
      {funnel.state === 'error' ? <ErrorState error={funnel.error} onRetry={funnel.reload} /> : null}
      {funnel.state === 'ok' ? (
        <>
          <div className={styles.scroll}>
            <Table size="small" className={styles.table} aria-label={heading}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.funnelStage}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{t.funnelValue}</TableHeaderCell>
                  <TableHeaderCell className={styles.barCell} aria-hidden="true" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {funnel.data.stages.map((s) => {
                  const top = funnel.data.stages[0]?.value ?? 0;
                  const width = s.value !== null && top > 0 && s.stage !== 'clicks' ? Math.min(100, (s.value / top) * 100) : 0;
                  return (
                    <TableRow key={s.stage}>
                      <TableCell>{t.funnelStages[s.stage]}</TableCell>
                      <TableCell className={styles.number}>
                        {s.value !== null ? number.format(s.value) : <Caption1 className={styles.muted}>{t.funnelGaps[s.gap ?? 'not_measured'](funnel.data.minGroup)}</Caption1>}
                      </TableCell>
                      <TableCell className={styles.barCell} aria-hidden="true">
                        {width > 0 ? <div className={styles.bar} style={{ width: `${width}%` }} /> : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <Body1 as="p" className={styles.note}>
            {t.funnelNote}
          </Body1>
        </>
      ) : null}
    </section>
  );
}

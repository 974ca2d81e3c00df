import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ENDPOINTS, LANGUAGES, type GuidelineDiff } from '@contract';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { LoadMore } from '../../components/load-more.js';
import { useEndpoint, usePrefetch } from '../../query/use-endpoint.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DiffLegend, DiffView } from './diff-view.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  meta: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  diffs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The versions of one page, newest first, and what changed from each to the next. */
export function GuidelineHistory({ id }: { id: string }) {
  const styles = useStyles();
  const { t, dateTime, lang } = useI18n();
  const versions = usePagedEndpoint(ENDPOINTS.guidelineVersions, { params: { id } }, (v) => String(v.version));
  const [compared, setCompared] = useState<number | null>(null);
  // The latest change is the one most often compared: fetched ahead, it shows at once.
  const prefetch = usePrefetch();
  const newest = versions.items[0]?.version;
  useEffect(() => {
    if (newest !== undefined && newest > 1) void prefetch(ENDPOINTS.guidelineDiff, { params: { id, from: newest - 1, to: newest } });
  }, [prefetch, id, newest]);
  const diff = useEndpoint(
    ENDPOINTS.guidelineDiff,
    { params: { id, from: (compared ?? 2) - 1, to: compared ?? 2 } },
    { enabled: compared !== null },
  );

  if (versions.status === 'loading') return <LoadingState />;
  if (versions.status === 'error') return <ErrorState error={versions.error} onRetry={versions.reload} />;
  return (
    <section className={styles.root} aria-label={t.guidelineHistory}>
      <ol className={styles.list}>
        {versions.items.map((v) => (
          <li key={v.version} className={styles.item}>
            <Body1>{t.guidelineVersionLine(v.version, dateTime(v.createdAt), v.createdBy)}</Body1>
            {v.changeNote[lang] || v.changeNote.de || v.changeNote.en ? (
              <Caption1 className={styles.meta}>{v.changeNote[lang] || v.changeNote.de || v.changeNote.en}</Caption1>
            ) : null}
            {v.version > 1 ? (
              <Button size="small" aria-label={t.guidelineCompareAria(v.version)} aria-pressed={compared === v.version} onClick={() => setCompared(v.version)}>
                {t.guidelineCompare}
              </Button>
            ) : null}
            {compared === v.version ? (
              diff.state === 'error' ? (
                <ErrorState error={diff.error} onRetry={diff.reload} />
              ) : diff.data ? (
                <DiffSections diff={diff.data} />
              ) : (
                <LoadingState />
              )
            ) : null}
          </li>
        ))}
      </ol>
      <LoadMore list={versions} />
    </section>
  );
}

function DiffSections({ diff }: { diff: GuidelineDiff }) {
  const styles = useStyles();
  const { t } = useI18n();
  const changed = (parts: GuidelineDiff['body']['de']) => parts.some((p) => p.kind !== 'same');
  const sections = LANGUAGES.flatMap((l) => [
    { key: `title-${l}`, label: t.guidelineDiffTitle(t.languageNames[l]), parts: diff.title[l] },
    { key: `body-${l}`, label: t.guidelineDiffBody(t.languageNames[l]), parts: diff.body[l] },
  ]).filter((s) => changed(s.parts));
  return (
    <div className={styles.diffs} aria-label={t.guidelineDiffHeading(diff.from, diff.to)} role="region">
      <Subtitle2 as="h4" block className={styles.heading}>
        {t.guidelineDiffHeading(diff.from, diff.to)}
      </Subtitle2>
      {sections.length === 0 ? <Body1>{t.diffNoChanges}</Body1> : <DiffLegend />}
      {sections.map((s) => (
        <div key={s.key} className={styles.diffs}>
          <Caption1>{s.label}</Caption1>
          <DiffView parts={s.parts} label={s.label} />
        </div>
      ))}
    </div>
  );
}

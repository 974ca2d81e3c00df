import { Body1, Button, Caption1, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { Guideline } from '@contract';
import { useId, useState } from 'react';
import { useCardStyles } from '../../components/card-styles.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DiffLegend, DiffView } from './diff-view.js';

const useStyles = makeStyles({
  root: { gap: tokens.spacingVerticalM },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3 },
  body: { lineHeight: tokens.lineHeightBase400 },
  changes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  done: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, fontSize: '20px' },
});

/** One guideline page as an employee reads it: current version, what changed, "I have read this". */
export function GuidelineArticle({ page, onAcknowledge }: { page: Guideline; onAcknowledge: () => Promise<void> }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t, date } = useI18n();
  const headingId = useId();
  const [showChanges, setShowChanges] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = page.acknowledgedVersion === page.version;
  const outdated = page.acknowledgedVersion !== null && !current;

  const acknowledge = async () => {
    setBusy(true);
    try {
      await onAcknowledge();
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={mergeClasses(card.card, styles.root)} aria-labelledby={headingId}>
      <Subtitle1 as="h2" block id={headingId} className={styles.heading}>
        {page.title}
      </Subtitle1>
      <Caption1 className={styles.meta}>
        {t.guidelineUpdatedOn(date(page.updatedAt))} · {t.guidelineVersion(page.version)}
      </Caption1>
      {page.changeNote ? <Body1 block>{t.guidelineChangeNote(page.changeNote)}</Body1> : null}
      {outdated ? (
        <div className={styles.changes}>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.guidelineUpdatedSinceRead}</MessageBarTitle>
              {page.acknowledgedAt ? t.guidelineUpdatedSinceReadBody(date(page.acknowledgedAt)) : null}
            </MessageBarBody>
          </MessageBar>
          {page.changesSinceRead ? (
            <>
              <Button appearance="secondary" aria-expanded={showChanges} onClick={() => setShowChanges((v) => !v)}>
                {showChanges ? t.guidelineHideChanges : t.guidelineShowChanges}
              </Button>
              {showChanges ? (
                <>
                  <DiffLegend />
                  <DiffView parts={page.changesSinceRead} label={t.guidelineUpdatedSinceRead} />
                </>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      {/* Rendered on the server by markdown-it without raw HTML (see Guideline.html): safe as it is. */}
      <div className={mergeClasses(card.markdown, styles.body)} data-testid="guideline-body" dangerouslySetInnerHTML={{ __html: page.html }} />
      <div className={styles.footer}>
        {current && page.acknowledgedAt ? (
          <>
            <CheckmarkCircleRegular className={styles.done} aria-hidden="true" />
            <Caption1>{t.guidelineAcknowledged(date(page.acknowledgedAt))}</Caption1>
          </>
        ) : (
          <Button appearance="primary" disabled={busy} aria-label={t.guidelineAcknowledgeAria(page.title)} onClick={() => void acknowledge()}>
            {t.guidelineAcknowledge}
          </Button>
        )}
      </div>
    </article>
  );
}

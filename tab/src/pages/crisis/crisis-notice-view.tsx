import { Body1, Caption1, Link, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { CrisisNotice } from '@contract';
import { useCardStyles } from '../../components/card-styles.js';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: { gap: tokens.spacingVerticalM, border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}` },
  heading: { margin: 0 },
  instructions: { overflowWrap: 'anywhere', '& p': { margin: `0 0 ${tokens.spacingVerticalS}` }, '& :last-child': { marginBottom: 0 } },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Only web links become links: anything else (javascript:, data:) stays out of an href. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** What an employee should do while crisis mode is on. */
export function CrisisNoticeView({ notice }: { notice: CrisisNotice }) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t, dateTime } = useI18n();
  return (
    <section className={mergeClasses(card.card, styles.root)} aria-label={t.crisisInstructionsHeading}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {t.crisisInstructionsHeading}
      </Subtitle2>
      {notice.instructionsHtml ? (
        // Rendered on the server by markdown-it without raw HTML (see CrisisNotice): safe as it is.
        <div className={styles.instructions} data-testid="crisis-instructions" dangerouslySetInnerHTML={{ __html: notice.instructionsHtml }} />
      ) : null}
      {notice.spokesperson ? <Body1 block>{t.crisisSpokesperson(notice.spokesperson)}</Body1> : null}
      {notice.statementUrl && isWebUrl(notice.statementUrl) ? (
        <Link href={notice.statementUrl} target="_blank" rel="noopener noreferrer">
          {t.crisisStatement}
        </Link>
      ) : null}
      {notice.startedAt ? <Caption1 className={styles.meta}>{t.crisisSince(dateTime(notice.startedAt))}</Caption1> : null}
    </section>
  );
}

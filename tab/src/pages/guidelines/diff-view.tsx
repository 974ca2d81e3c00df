import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { DiffPart } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

// Colour alone does not carry the meaning: additions are underlined, removals struck
// through, and each is announced ("Added", "Removed"), so it also reads in high contrast
// (where backgrounds are replaced by system colours) and to screen readers.
const useStyles = makeStyles({
  text: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  added: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', color: 'HighlightText' },
  },
  removed: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'line-through',
    '@media (forced-colors: active)': { backgroundColor: 'Canvas', color: 'GrayText' },
  },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** A word diff of Markdown source: additions and removals marked in place. */
export function DiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <pre className={styles.text} aria-label={label} data-testid="diff">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i} className={styles.added}>
            <span className={styles.hidden}>[{t.diffAdded}: </span>
            {part.text}
            <span className={styles.hidden}>]</span>
          </ins>
        ) : (
          <del key={i} className={styles.removed}>
            <span className={styles.hidden}>[{t.diffRemoved}: </span>
            {part.text}
            <span className={styles.hidden}>]</span>
          </del>
        ),
      )}
    </pre>
  );
}

/** What the marks mean, shown once above a set of diffs. */
export function DiffLegend() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Caption1 className={styles.legend} aria-hidden="true">
      <ins className={styles.added}>{t.diffAdded}</ins>
      <del className={styles.removed}>{t.diffRemoved}</del>
    </Caption1>
  );
}

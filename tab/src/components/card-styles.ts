import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The framed card that one thing stands in on a page (a guideline, a session, a checklist
 * step, the crisis notice), and the look of the Markdown the server renders into one.
 * Cards add their own classes on top with `mergeClasses(card.card, styles.root)`.
 */
export const useCardStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  /** Server-rendered Markdown (paragraphs, lists, links) inside a card. */
  markdown: {
    overflowWrap: 'anywhere',
    '& p, & ul, & ol': { margin: `0 0 ${tokens.spacingVerticalS}` },
    '& ul, & ol': { paddingLeft: tokens.spacingHorizontalXL },
    '& > :last-child': { marginBottom: 0 },
    '& a': { color: tokens.colorBrandForegroundLink },
  },
});

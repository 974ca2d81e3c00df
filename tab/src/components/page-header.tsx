import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, marginRight: 'auto' },
  intro: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    maxWidth: '40rem',
    marginTop: tokens.spacingVerticalS,
    marginBottom: 0,
  },
});

export interface PageHeaderProps {
  /** The page's one h1. */
  heading: string;
  /** A line under the heading (text, or an icon and text). */
  intro?: ReactNode;
  /** Buttons at the heading's end ("New item", "Back"). */
  actions?: ReactNode;
}

/** The top of every tab page: its h1, an intro line under it, and actions beside it. */
export function PageHeader({ heading, intro, actions }: PageHeaderProps) {
  const styles = useStyles();
  return (
    <div>
      <div className={styles.top}>
        <Title2 as="h1" block className={styles.heading}>
          {heading}
        </Title2>
        {actions}
      </div>
      {intro ? (
        <Body1 as="p" block className={styles.intro}>
          {intro}
        </Body1>
      ) : null}
    </div>
  );
}

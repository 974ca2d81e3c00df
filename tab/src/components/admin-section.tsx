import { Body1, mergeClasses, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useAdminListStyles } from './admin-styles.js';

export interface AdminSectionProps {
  /** The section's h2, and its accessible name. */
  heading: string;
  intro?: string;
  className?: string;
  children: ReactNode;
}

/** An admin part under a page (editing guidelines, planning sessions): its h2, an intro, then its content. */
export function AdminSection({ heading, intro, className, children }: AdminSectionProps) {
  const styles = useAdminListStyles();
  return (
    <section className={mergeClasses(styles.root, className)} aria-label={heading}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {heading}
      </Subtitle2>
      {intro ? (
        <Body1 as="p" block className={styles.intro}>
          {intro}
        </Body1>
      ) : null}
      {children}
    </section>
  );
}

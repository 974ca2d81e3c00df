import { makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { MySharesSection } from '../my-shares/my-shares-page.js';
import { ImpactResults } from './impact-results.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

/**
 * The sections of My impact, top to bottom. Each is self-contained (its heading, data and
 * states); another one ("My points") is one more line here.
 */
export const IMPACT_SECTIONS: ReadonlyArray<{ key: string; view: () => ReactNode }> = [
  { key: 'results', view: () => <ImpactResults /> },
  { key: 'shares', view: () => <MySharesSection /> },
];

/** The person's own results; nobody else sees these numbers. */
export function ImpactPage() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <PageHeader
        heading={t.impactTitle}
        intro={
          <>
            <LockClosedRegular aria-hidden="true" />
            {t.onlyYou}
          </>
        }
      />
      {IMPACT_SECTIONS.map((s) => (
        <div key={s.key}>{s.view()}</div>
      ))}
    </div>
  );
}

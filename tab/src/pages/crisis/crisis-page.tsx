import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { lazy } from 'react';
import { AdminPart } from '../../components/admin-part.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useCrisisContext } from '../../hooks/use-crisis.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { CrisisNoticeView } from './crisis-notice-view.js';

// Only admins need the form and the audit log.
const CrisisAdmin = lazy(() => import('./crisis-admin.js').then((m) => ({ default: m.CrisisAdmin })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The Crisis page: the instructions for everyone; for admins also the switch and the audit log. */
export function CrisisPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { notice } = useCrisisContext();
  return (
    <div className={styles.root}>
      <PageHeader heading={t.crisisTitle} intro={t.crisisIntro} />
      {notice.active ? (
        <CrisisNoticeView notice={notice} />
      ) : (
        <EmptyState icon={<CheckmarkCircleRegular />} title={t.crisisOffTitle} body={t.crisisOffBody} />
      )}
      <AdminPart permission="crisis.manage">
        <CrisisAdmin />
      </AdminPart>
    </div>
  );
}

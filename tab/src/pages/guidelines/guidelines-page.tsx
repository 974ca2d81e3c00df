import { makeStyles, tokens } from '@fluentui/react-components';
import { BookInformationRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type Guideline } from '@contract';
import { lazy, useEffect, useState } from 'react';
import { AdminPart } from '../../components/admin-part.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { PageHeader } from '../../components/page-header.js';
import { useEndpoint, useInvalidate } from '../../query/use-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { GuidelineArticle } from './guideline-article.js';
import { DisclosureNote } from './disclosure-note.js';

// Only admins write guidelines: the editor and the history load on first use.
const GuidelinesAdmin = lazy(() => import('./guidelines-admin.js').then((m) => ({ default: m.GuidelinesAdmin })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '52rem' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The Guidelines page: the current pages for everyone; for admins also editing and history. */
export function GuidelinesPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const invalidate = useInvalidate();
  const notify = useNotify();
  const load = useEndpoint(ENDPOINTS.guidelines);
  // Acknowledging replaces one page in place, without reloading the list.
  const [pages, setPages] = useState<Guideline[] | undefined>(undefined);
  useEffect(() => setPages(load.data?.items), [load.data]);

  const acknowledge = async (page: Guideline) => {
    try {
      const updated = await api.acknowledgeGuideline({ params: { id: page.id }, body: { version: page.version } });
      void invalidate(ENDPOINTS.onboarding); // a step may tick itself
      setPages((all) => all?.map((p) => (p.id === updated.id ? updated : p)));
      notify('success', t.guidelineAcknowledgedToast);
    } catch (err) {
      notify('error', errorText(err, t));
      load.reload();
    }
  };

  return (
    <div className={styles.root}>
      <PageHeader heading={t.guidelinesTitle} intro={t.guidelinesIntro} />
      <DisclosureNote />
      {load.state === 'loading' || (load.state === 'ok' && !pages) ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : null}
      {load.state === 'ok' && pages?.length === 0 ? (
        <EmptyState icon={<BookInformationRegular />} title={t.guidelinesEmptyTitle} body={t.guidelinesEmptyBody} />
      ) : null}
      {load.state === 'ok' && pages && pages.length > 0 ? (
        <div className={styles.list}>
          {pages.map((page) => (
            <GuidelineArticle key={page.id} page={page} onAcknowledge={() => acknowledge(page)} />
          ))}
        </div>
      ) : null}
      <AdminPart permission="guidelines.manage">
        <GuidelinesAdmin onSaved={() => void invalidate(ENDPOINTS.guidelines, ENDPOINTS.adminGuidelines)} />
      </AdminPart>
    </div>
  );
}

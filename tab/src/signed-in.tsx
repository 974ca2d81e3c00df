import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { CrisisBanner } from './components/crisis-banner.js';
import { ErrorState } from './components/error-state.js';
import { LoadingState } from './components/loading-state.js';
import { NavTabs } from './components/nav-tabs.js';
import { ApiError } from './api.js';
import { CrisisContext, useCrisis } from './hooks/use-crisis.js';
import { useI18n } from './i18n/i18n-context.js';
import { CrisisPage } from './pages/crisis/crisis-page.js';
import { GuidelinesPage } from './pages/guidelines/guidelines-page.js';
import { NotFoundPage } from './pages/info/not-found-page.js';
import { TextPage } from './pages/info/text-page.js';
import { MySharesPage } from './pages/my-shares/my-shares-page.js';
import { OnboardingPage } from './pages/onboarding/onboarding-page.js';
import { FeedPage } from './pages/share/feed-page.js';
import { TrainingsPage } from './pages/trainings/trainings-page.js';
import type { Route } from './routing.js';
import { useSession } from './session.js';

// Most people never open the admin pages: they load on first use.
const AdminItemsPage = lazy(() => import('./pages/admin/admin-items-page.js').then((m) => ({ default: m.AdminItemsPage })));
const AnnouncementsPage = lazy(() =>
  import('./pages/admin/announcements/announcements-page.js').then((m) => ({ default: m.AnnouncementsPage })),
);
const ItemEditorPage = lazy(() => import('./pages/admin/editor/item-editor-page.js').then((m) => ({ default: m.ItemEditorPage })));

const useStyles = makeStyles({
  main: { paddingTop: tokens.spacingVerticalL },
  banner: { marginTop: tokens.spacingVerticalM },
});

function Page({ route }: { route: Route }) {
  const { me } = useSession();
  const { t } = useI18n();
  const adminOnly = route.page === 'admin-items' || route.page === 'admin-edit' || route.page === 'admin-announcements';
  if (adminOnly && me.role !== 'admin') return <ErrorState error={new ApiError(403, 'forbidden', t.forbidden)} />;
  switch (route.page) {
    case 'share':
      return <FeedPage />;
    case 'my-shares':
      return <MySharesPage />;
    case 'admin-items':
      return <AdminItemsPage />;
    case 'admin-edit':
      return <ItemEditorPage key={route.id ?? 'new'} id={route.id} />;
    case 'admin-announcements':
      return <AnnouncementsPage />;
    case 'crisis':
      return <CrisisPage />;
    case 'guidelines':
      return <GuidelinesPage />;
    case 'trainings':
      return <TrainingsPage />;
    case 'onboarding':
      return <OnboardingPage />;
    case 'privacy':
      return <TextPage title={t.privacyTitle} paragraphs={t.privacyBody} />;
    case 'terms':
      return <TextPage title={t.termsTitle} paragraphs={t.termsBody} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** Navigation and the current page, for a known person. */
export function SignedIn({ route }: { route: Route }) {
  const styles = useStyles();
  const { api, me } = useSession();
  const { lang } = useI18n();
  const crisis = useCrisis(api, lang);
  return (
    <CrisisContext.Provider value={crisis}>
      <NavTabs route={route} me={me} crisisActive={crisis.notice.active} />
      {crisis.notice.active ? (
        <div className={styles.banner}>
          <CrisisBanner onCrisisPage={route.page === 'crisis'} />
        </div>
      ) : null}
      <main className={styles.main}>
        <Suspense fallback={<LoadingState />}>
          <Page route={route} />
        </Suspense>
      </main>
    </CrisisContext.Provider>
  );
}

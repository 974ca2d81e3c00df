import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import { CrisisBanner } from './components/crisis-banner.js';
import { ErrorState } from './components/error-state.js';
import { LoadingState } from './components/loading-state.js';
import { NavTabs } from './components/nav-tabs.js';
import { ApiError } from './api.js';
import { CrisisContext, useCrisis } from './hooks/use-crisis.js';
import { useI18n } from './i18n/i18n-context.js';
import { PAGES } from './route-table.js';
import type { Route } from './routing.js';
import { useCan } from './session.js';

const useStyles = makeStyles({
  main: { paddingTop: tokens.spacingVerticalL },
  banner: { marginTop: tokens.spacingVerticalM },
});

/** The page the route names, if the person may open it. */
function Page({ route }: { route: Route }) {
  const can = useCan();
  const { t } = useI18n();
  const { permission, view } = PAGES[route.page];
  if (permission !== null && !can(permission)) return <ErrorState error={new ApiError(403, 'forbidden', t.forbidden)} />;
  return <>{view(route)}</>;
}

/** Navigation and the current page, for a known person. */
export function SignedIn({ route }: { route: Route }) {
  const styles = useStyles();
  const crisis = useCrisis();
  return (
    <CrisisContext.Provider value={crisis}>
      <NavTabs route={route} crisisActive={crisis.notice.active} />
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

import { FluentProvider, makeStyles, Toaster, tokens } from '@fluentui/react-components';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { ENDPOINTS, LANGUAGES, type Language } from '@contract';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createApi } from './api.js';
import { AppFooter } from './components/app-footer.js';
import { BrowserHeader } from './components/browser-header.js';
import { ErrorState } from './components/error-state.js';
import { LoadingState } from './components/loading-state.js';
import { SignInPanel } from './components/sign-in-panel.js';
import { TOASTER_ID } from './components/use-notify.js';
import type { Host } from './host/detect-host.js';
import { fluentTheme, isThemeName, preferredTheme, type ThemeName } from './host/theme.js';
import { STORAGE_KEYS, useStoredState } from './hooks/use-stored-state.js';
import { languageOf } from './i18n/index.js';
import { I18nProvider } from './i18n/i18n-context.js';
import { ApiContext } from './query/api-context.js';
import { createQueryClient } from './query/query-client.js';
import { endpointKey } from './query/use-endpoint.js';
import { PAGES } from './route-table.js';
import { useRoute } from './routing.js';
import { SessionContext } from './session.js';
import { SignedIn } from './signed-in.js';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  page: { flexGrow: 1, width: '100%', maxWidth: '80rem', margin: '0 auto', padding: tokens.spacingHorizontalL, boxSizing: 'border-box' },
});

const isPersonKey = (raw: string): raw is string => /^[a-z0-9_-]{1,64}$/i.test(raw);
const isLanguage = (raw: string): raw is Language => (LANGUAGES as readonly string[]).includes(raw);

/** Host, server state and the API client; then the app. */
export function App({ host }: { host: Host }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Shell host={host} />
    </QueryClientProvider>
  );
}

/** Identity, theme and language; then the signed-in app. */
function Shell({ host }: { host: Host }) {
  const styles = useStyles();
  const route = useRoute();
  const browser = host.kind === 'browser';

  const [storedTheme, setStoredTheme] = useStoredState(STORAGE_KEYS.theme, isThemeName);
  const [teamsTheme, setTeamsTheme] = useState<ThemeName>(host.kind === 'teams' ? host.theme : 'light');
  useEffect(() => {
    if (host.kind === 'teams') host.onThemeChange(setTeamsTheme);
  }, [host]);
  const theme = host.kind === 'teams' ? teamsTheme : (storedTheme ?? preferredTheme());

  const [person, setPerson] = useStoredState(STORAGE_KEYS.person, isPersonKey);
  const [storedLanguage, setStoredLanguage] = useStoredState(STORAGE_KEYS.language, isLanguage);
  const personRef = useRef(person);
  const choosePerson = (key: string | null) => {
    personRef.current = key;
    setStoredLanguage(null);
    setPerson(key);
  };
  const languageRef = useRef<Language | undefined>(undefined);
  const signOutRef = useRef(() => choosePerson(null));
  signOutRef.current = () => choosePerson(null);

  const api = useMemo(
    () =>
      createApi({
        getToken: host.kind === 'teams' ? host.getToken : async () => (personRef.current ? `dev.${personRef.current}` : null),
        onUnauthenticated: host.kind === 'browser' ? () => signOutRef.current() : undefined,
        getLanguage: () => languageRef.current,
      }),
    [host],
  );
  const signedIn = !browser || person !== null;
  // Whose answers the cache holds: switching the demo person never shows the previous one's.
  const scope = host.kind === 'teams' ? 'teams' : (person ?? 'nobody');
  const apiScope = useMemo(() => ({ api, scope }), [api, scope]);
  const people = useQuery({
    queryKey: endpointKey(ENDPOINTS.devPeople, 'nobody', null),
    queryFn: ({ signal }) => api.devPeople(undefined, signal).then((r) => r.items),
    enabled: browser,
  });
  const me = useQuery({
    queryKey: endpointKey(ENDPOINTS.me, scope, null),
    queryFn: ({ signal }) => api.me(undefined, signal),
    enabled: signedIn,
  });

  const hostTag = host.kind === 'teams' ? host.locale : navigator.language;
  const language: Language =
    host.kind === 'teams' ? languageOf(host.locale) : (storedLanguage ?? me.data?.language ?? languageOf(navigator.language));

  languageRef.current = language;
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [language, theme]);

  const body = () => {
    // Pages open before sign-in (privacy, terms) show without a person.
    if (PAGES[route.page].permission === null && !me.data) return PAGES[route.page].view(route);
    if (!signedIn) {
      return browser && people.isPending ? <LoadingState /> : <SignInPanel people={people.data ?? []} onPerson={choosePerson} />;
    }
    if (me.isPending) return <LoadingState />;
    if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
    return (
      <SessionContext.Provider value={{ api, me: me.data, host }}>
        <SignedIn route={route} />
      </SessionContext.Provider>
    );
  };

  return (
    <FluentProvider theme={fluentTheme(theme, !browser)}>
      <I18nProvider lang={language} hostTag={hostTag}>
        <Toaster toasterId={TOASTER_ID} position="bottom-end" />
        {/* Layout lives on this div, not on FluentProvider: Fluent copies the provider's classes onto its portal nodes. */}
        <div className={styles.root} data-theme={theme}>
          {browser ? (
            <BrowserHeader
              people={people.data ?? []}
              person={person}
              onPerson={choosePerson}
              theme={theme}
              onTheme={setStoredTheme}
              language={language}
              onLanguage={setStoredLanguage}
            />
          ) : null}
          <ApiContext.Provider value={apiScope}>
            <div className={styles.page}>{body()}</div>
          </ApiContext.Provider>
          <AppFooter />
        </div>
      </I18nProvider>
    </FluentProvider>
  );
}

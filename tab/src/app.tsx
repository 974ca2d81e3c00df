import { FluentProvider, makeStyles, Toaster, tokens } from '@fluentui/react-components';
import { LANGUAGES, type Language } from '@contract';
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
import { useLoad } from './hooks/use-load.js';
import { languageOf } from './i18n/index.js';
import { I18nProvider, useI18n } from './i18n/i18n-context.js';
import { TextPage } from './pages/info/text-page.js';
import { useRoute, type Route } from './routing.js';
import { SessionContext } from './session.js';
import { SignedIn } from './signed-in.js';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  page: { flexGrow: 1, width: '100%', maxWidth: '80rem', margin: '0 auto', padding: tokens.spacingHorizontalL, boxSizing: 'border-box' },
});

const isPersonKey = (raw: string): raw is string => /^[a-z0-9_-]{1,64}$/i.test(raw);
const isLanguage = (raw: string): raw is Language => (LANGUAGES as readonly string[]).includes(raw);

function PublicPage({ route }: { route: Route }) {
  const { t } = useI18n();
  return route.page === 'terms' ? (
    <TextPage title={t.termsTitle} paragraphs={t.termsBody} />
  ) : (
    <TextPage title={t.privacyTitle} paragraphs={t.privacyBody} />
  );
}

/** Host, identity, theme and language; then the signed-in app. */
export function App({ host }: { host: Host }) {
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
  const people = useLoad(() => (browser ? api.devPeople().then((r) => r.items) : Promise.resolve([])), [api, browser]);
  const signedIn = !browser || person !== null;
  const me = useLoad(() => (signedIn ? api.me() : Promise.resolve(null)), [api, person, signedIn]);

  const hostTag = host.kind === 'teams' ? host.locale : navigator.language;
  const language: Language =
    host.kind === 'teams' ? languageOf(host.locale) : (storedLanguage ?? me.data?.language ?? languageOf(navigator.language));

  languageRef.current = language;
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [language, theme]);

  const body = () => {
    if ((route.page === 'privacy' || route.page === 'terms') && !me.data) return <PublicPage route={route} />;
    if (!signedIn) {
      return people.state === 'loading' ? <LoadingState /> : <SignInPanel people={people.data ?? []} onPerson={choosePerson} />;
    }
    if (me.state === 'loading') return <LoadingState />;
    if (me.state === 'error') return <ErrorState error={me.error} onRetry={me.reload} />;
    if (!me.data) return <LoadingState />;
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
          <div className={styles.page}>{body()}</div>
          <AppFooter />
        </div>
      </I18nProvider>
    </FluentProvider>
  );
}

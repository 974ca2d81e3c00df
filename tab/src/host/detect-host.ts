import type { ThemeName } from './theme.js';
import { themeFromTeams } from './theme.js';

export interface TeamsHost {
  kind: 'teams';
  theme: ThemeName;
  /** The Teams UI locale, e.g. "de-de". */
  locale: string;
  /** A deep link's sub-page (…/l/entity/<app>/<tab>?context={"subEntityId":"…"}), if one opened the tab. */
  subPageId: string | undefined;
  getToken(): Promise<string>;
  openExternal(url: string): void;
  onThemeChange(handler: (theme: ThemeName) => void): void;
}

export interface BrowserHost {
  kind: 'browser';
  openExternal(url: string): void;
}

export type Host = TeamsHost | BrowserHost;

/** How long a host that might be Teams gets to answer; outside Teams it never does. */
const PROBE_MS = 1500;
/** The manifest's contentUrl says inTeams=1: wait longer, Teams on a slow machine can lag. */
const DECLARED_MS = 8000;

const browserHost: BrowserHost = {
  kind: 'browser',
  openExternal: (url) => {
    window.open(url, '_blank', 'noopener');
  },
};

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => window.setTimeout(() => resolve('timeout'), ms));
}

/**
 * Teams, when the URL says so or teams-js answers within a moment; else the browser.
 * A top-level window without the mobile bridge cannot be inside Teams, so we do not wait there.
 */
export async function detectHost(search: string = window.location.search): Promise<Host> {
  const declared = new URLSearchParams(search).get('inTeams') === '1';
  const framed = window.parent !== window;
  const mobileBridge = 'nativeInterface' in window;
  if (!declared && !framed && !mobileBridge) return browserHost;

  const teams = await import('@microsoft/teams-js');
  const ready = await Promise.race([
    teams.app.initialize().then(
      () => 'ready' as const,
      () => 'failed' as const,
    ),
    timeout(declared ? DECLARED_MS : PROBE_MS),
  ]);
  if (ready !== 'ready') return browserHost;

  // Without a context we still are in Teams: keep SSO, fall back to the browser's locale.
  const context = await teams.app.getContext().catch(() => null);
  return {
    kind: 'teams',
    theme: themeFromTeams(context?.app.theme),
    locale: context?.app.locale ?? navigator.language,
    subPageId: context?.page.subPageId || undefined,
    getToken: () => teams.authentication.getAuthToken(),
    openExternal: (url) => {
      void teams.app.openLink(url).catch(() => window.open(url, '_blank', 'noopener'));
    },
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((theme) => handler(themeFromTeams(theme))),
  };
}

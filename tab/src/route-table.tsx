import type { Permission } from '@contract';
import { lazy, type ReactNode } from 'react';
import { useI18n } from './i18n/i18n-context.js';
import type { Strings } from './i18n/index.js';
import { CrisisPage } from './pages/crisis/crisis-page.js';
import { GuidelinesPage } from './pages/guidelines/guidelines-page.js';
import { NotFoundPage } from './pages/info/not-found-page.js';
import { TextPage } from './pages/info/text-page.js';
import { ImpactPage } from './pages/impact/impact-page.js';
import { OnboardingPage } from './pages/onboarding/onboarding-page.js';
import { FeedPage } from './pages/share/feed-page.js';
import { TrainingsPage } from './pages/trainings/trainings-page.js';
import { LeaderboardPage } from './pages/leaderboard/leaderboard-page.js';
import { SettingsPage } from './pages/settings/settings-page.js';

// Most people never open the admin pages: they load on first use.
const AdminItemsPage = lazy(() => import('./pages/admin/admin-items-page.js').then((m) => ({ default: m.AdminItemsPage })));
const AnnouncementsPage = lazy(() => import('./pages/admin/announcements/announcements-page.js').then((m) => ({ default: m.AnnouncementsPage })));
const CampaignsAdminPage = lazy(() => import('./pages/campaigns/campaigns-admin-page.js').then((m) => ({ default: m.CampaignsAdminPage })));
const ReportPage = lazy(() => import('./pages/analytics/report-page.js').then((m) => ({ default: m.ReportPage })));
const AnalyticsPage = lazy(() => import('./pages/analytics/analytics-page.js').then((m) => ({ default: m.AnalyticsPage })));
const DirectoryPage = lazy(() => import('./pages/admin/directory/directory-page.js').then((m) => ({ default: m.DirectoryPage })));
const ItemEditorPage = lazy(() => import('./pages/admin/editor/item-editor-page.js').then((m) => ({ default: m.ItemEditorPage })));

function PrivacyPage() {
  const { t } = useI18n();
  return <TextPage title={t.privacyTitle} paragraphs={t.privacyBody} />;
}

function TermsPage() {
  const { t } = useI18n();
  return <TextPage title={t.termsTitle} paragraphs={t.termsBody} />;
}

/** A text of the dictionaries that is a plain string: what a navigation tab can be called. */
type Label = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

/** What decides whether a page's tab shows, beyond its permission. */
export interface NavContext {
  current: boolean;
  crisisActive: boolean;
  can: (permission: Permission) => boolean;
}

export interface PageEntry {
  /** Its hash path ("share", "admin/items/:id"; `new` stands for no id). null: never addressed by path. */
  path: string | null;
  /** Other hash paths that open it. */
  aliases?: readonly string[];
  /** Its `?page=` name, which the Teams manifest and card deep links use. */
  entry?: string;
  /** Other `?page=` names that open it (a page that was renamed). */
  entryAliases?: readonly string[];
  /** Its tab in the navigation: the label, and when it shows (default: always, for who may open it). */
  nav?: { label: Label; shown?: (ctx: NavContext) => boolean; selectable?: boolean };
  /** What the person must hold to open it; null: open before sign-in too (privacy, terms). */
  permission: Permission | null;
  view: (route: Route) => ReactNode;
}

/**
 * The one place that names a page: its path, its `?page=` entry, its tab and the permission
 * it needs, and what it shows. The navigation, the router and the page switch read it;
 * the order here is the order of the tabs.
 */
export const PAGES = {
  share: { path: 'share', entry: 'share', nav: { label: 'navShare' }, permission: 'app.use', view: () => <FeedPage /> },
  // "My shares" grew into My impact; its old path and ?page= name still open it.
  impact: { path: 'impact', aliases: ['my-shares'], entry: 'impact', entryAliases: ['my-shares'], nav: { label: 'navImpact' }, permission: 'app.use', view: () => <ImpactPage /> },
  guidelines: { path: 'guidelines', entry: 'guidelines', nav: { label: 'navGuidelines' }, permission: 'app.use', view: () => <GuidelinesPage /> },
  trainings: { path: 'trainings', entry: 'trainings', nav: { label: 'navTrainings' }, permission: 'app.use', view: () => <TrainingsPage /> },
  onboarding: { path: 'onboarding', entry: 'onboarding', nav: { label: 'navOnboarding' }, permission: 'app.use', view: () => <OnboardingPage /> },
  leaderboard: { path: 'leaderboard', entry: 'leaderboard', nav: { label: 'navLeaderboard' }, permission: 'app.use', view: () => <LeaderboardPage /> },
  settings: { path: 'settings', entry: 'settings', nav: { label: 'navSettings' }, permission: 'app.use', view: () => <SettingsPage /> },
  crisis: {
    path: 'crisis',
    entry: 'crisis',
    // For who switches it, for everyone while it is on, and while it is open.
    nav: { label: 'navCrisis', shown: ({ current, crisisActive, can }) => current || crisisActive || can('crisis.manage') },
    permission: 'app.use',
    view: () => <CrisisPage />,
  },
  'admin-items': { path: 'admin/items', aliases: ['admin'], entry: 'admin', nav: { label: 'navAdminItems' }, permission: 'items.manage', view: () => <AdminItemsPage /> },
  'admin-edit': {
    path: 'admin/items/:id',
    // Only while editing; it is where you are, not somewhere to go.
    nav: { label: 'navAdminEdit', shown: ({ current }) => current, selectable: false },
    permission: 'items.manage',
    view: (route) => <ItemEditorPage key={route.id ?? 'new'} id={route.id ?? null} />,
  },
  'admin-announcements': {
    path: 'admin/announcements',
    entry: 'announcements',
    nav: { label: 'navAdminAnnouncements' },
    permission: 'announcements.manage',
    view: () => <AnnouncementsPage />,
  },
  'admin-campaigns': {
    path: 'admin/campaigns',
    entry: 'campaigns',
    nav: { label: 'navAdminCampaigns' },
    permission: 'campaigns.manage',
    view: () => <CampaignsAdminPage />,
  },
  'admin-analytics': {
    path: 'admin/analytics',
    entry: 'analytics',
    nav: { label: 'navAnalytics' },
    permission: 'analytics.read',
    view: () => <AnalyticsPage />,
  },
  'analytics-report': {
    // A month as the id ("2026-11"; "new": last month). Reached from Analytics, printed from the browser.
    path: 'admin/analytics/report/:id',
    entry: 'analytics-report',
    nav: { label: 'navAnalyticsReport', shown: ({ current }) => current, selectable: false },
    permission: 'analytics.read',
    view: (route) => <ReportPage month={route.id ?? null} />,
  },
  'admin-directory': {
    path: 'admin/directory',
    entry: 'directory',
    nav: { label: 'navAdminDirectory' },
    permission: 'directory.manage',
    view: () => <DirectoryPage />,
  },
  privacy: { path: 'privacy', entry: 'privacy', permission: null, view: () => <PrivacyPage /> },
  terms: { path: 'terms', entry: 'terms', permission: null, view: () => <TermsPage /> },
  'not-found': { path: null, permission: 'app.use', view: () => <NotFoundPage /> },
} satisfies Record<string, PageEntry>;

export type PageName = keyof typeof PAGES;

/** Where the tab is: a page, and for pages with `:id` in their path the id (null: a new one). */
export interface Route {
  page: PageName;
  id?: string | null;
}

/** The page the tab opens on. */
export const HOME: PageName = 'share';

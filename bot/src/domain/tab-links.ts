/** Tab pages cards link to. Static tabs of the app package have their own entity; the rest open in Share. */
export type TabPage = 'share' | 'impact' | 'my-shares' | 'guidelines' | 'trainings' | 'onboarding' | 'crisis';

const STATIC_TABS: ReadonlySet<TabPage> = new Set(['share', 'guidelines', 'trainings', 'onboarding']);

/**
 * Where a card's button leads for a tab page. With the Teams app id: a Teams deep link
 * (…/l/entity/<app>/<tab>) that opens the page inside Teams, its sub-page telling the tab
 * where to go; without one (local development, the playground): the tab's web address.
 */
export function tabLinks(publicUrl: string, teamsAppId: string | undefined): (page: TabPage) => string {
  return (page) =>
    teamsAppId
      ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${STATIC_TABS.has(page) ? page : 'share'}` +
        `?context=${encodeURIComponent(JSON.stringify({ subEntityId: page }))}`
      : `${publicUrl}/tab/?page=${page}`;
}

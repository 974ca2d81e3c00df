import { useEffect, useState } from 'react';

export type Route =
  | { page: 'share' }
  | { page: 'my-shares' }
  | { page: 'admin-items' }
  | { page: 'admin-edit'; id: string | null }
  | { page: 'admin-announcements' }
  | { page: 'crisis' }
  | { page: 'guidelines' }
  | { page: 'trainings' }
  | { page: 'onboarding' }
  | { page: 'privacy' }
  | { page: 'terms' }
  | { page: 'not-found' };

/** `?page=` as the Teams manifest uses it (contentUrl /tab/?page=share&inTeams=1). */
const QUERY_PAGES: Record<string, Route> = {
  share: { page: 'share' },
  'my-shares': { page: 'my-shares' },
  admin: { page: 'admin-items' },
  announcements: { page: 'admin-announcements' },
  crisis: { page: 'crisis' },
  guidelines: { page: 'guidelines' },
  trainings: { page: 'trainings' },
  onboarding: { page: 'onboarding' },
  privacy: { page: 'privacy' },
  terms: { page: 'terms' },
};

/**
 * A Teams deep link's sub-page (`subEntityId`, e.g. "crisis" or "trainings") as a route;
 * undefined for anything we do not know (the tab then opens as usual).
 */
export function deepLinkRoute(subPageId: string | undefined): Route | undefined {
  return subPageId ? QUERY_PAGES[subPageId] : undefined;
}

/** Hash routes (#/share, #/admin/items/<id>) for in-app navigation; `?page=` for entry points. */
export function parseRoute(hash: string, search: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (!path) {
    const page = new URLSearchParams(search).get('page');
    return page ? (QUERY_PAGES[page] ?? { page: 'not-found' }) : { page: 'share' };
  }
  const [first, second, third, ...rest] = path.split('/');
  if (rest.length === 0 && !third) {
    if (first === 'share' && !second) return { page: 'share' };
    if (first === 'my-shares' && !second) return { page: 'my-shares' };
    if (first === 'privacy' && !second) return { page: 'privacy' };
    if (first === 'terms' && !second) return { page: 'terms' };
    if (first === 'crisis' && !second) return { page: 'crisis' };
    if (first === 'guidelines' && !second) return { page: 'guidelines' };
    if (first === 'trainings' && !second) return { page: 'trainings' };
    if (first === 'onboarding' && !second) return { page: 'onboarding' };
    if (first === 'admin' && (second === 'items' || !second)) return { page: 'admin-items' };
    if (first === 'admin' && second === 'announcements') return { page: 'admin-announcements' };
  }
  if (first === 'admin' && second === 'items' && third && rest.length === 0) {
    return { page: 'admin-edit', id: third === 'new' ? null : decodeURIComponent(third) };
  }
  return { page: 'not-found' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'admin-items':
      return '#/admin/items';
    case 'admin-edit':
      return `#/admin/items/${route.id ? encodeURIComponent(route.id) : 'new'}`;
    case 'admin-announcements':
      return '#/admin/announcements';
    case 'not-found':
      return '#/share';
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const read = () => parseRoute(window.location.hash, window.location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const onChange = () => {
      setRoute(read());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

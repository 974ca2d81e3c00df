import { useEffect, useState } from 'react';
import { HOME, PAGES, type PageEntry, type PageName, type Route } from './route-table.js';

export type { PageName, Route };

/** Read when asked, not when this module loads: pages import `navigate` from here, and the table imports the pages. */
const entries = () => Object.entries(PAGES) as Array<[PageName, PageEntry]>;

/** A `?page=` name (the Teams manifest: contentUrl /tab/?page=share&inTeams=1) as a route. */
function entryRoute(name: string): Route | undefined {
  const found = entries().find(([, p]) => p.entry === name || p.entryAliases?.includes(name));
  return found ? { page: found[0] } : undefined;
}

/**
 * A Teams deep link's sub-page (`subEntityId`, e.g. "crisis" or "trainings") as a route;
 * undefined for anything we do not know (the tab then opens as usual).
 */
export function deepLinkRoute(subPageId: string | undefined): Route | undefined {
  return subPageId ? entryRoute(subPageId) : undefined;
}

/** A hash path against a pattern from the table: `:id` takes one segment ("new": none yet). */
function matchPath(pattern: string, segments: string[]): Route['id'] | false {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return false;
  let id: Route['id'];
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] as string;
    if (part === ':id') id = segment === 'new' ? null : decodeURIComponent(segment);
    else if (part !== segment) return false;
  }
  return id;
}

/** Hash routes (#/share, #/admin/items/<id>) for in-app navigation; `?page=` for entry points. */
export function parseRoute(hash: string, search: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  if (!path) {
    const page = new URLSearchParams(search).get('page');
    return page ? (entryRoute(page) ?? { page: 'not-found' }) : { page: HOME };
  }
  const segments = path.split('/');
  for (const [page, entry] of entries()) {
    for (const pattern of [entry.path, ...(entry.aliases ?? [])]) {
      if (pattern === null) continue;
      const id = matchPath(pattern, segments);
      if (id === false) continue;
      return id === undefined ? { page } : { page, id };
    }
  }
  return { page: 'not-found' };
}

export function routeHash(route: Route): string {
  const path = PAGES[route.page].path;
  if (path === null) return `#/${PAGES[HOME].path}`;
  return `#/${path.replace(':id', route.id ? encodeURIComponent(route.id) : 'new')}`;
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

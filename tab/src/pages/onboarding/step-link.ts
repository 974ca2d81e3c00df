import { parseRoute, type Route } from '../../routing.js';

/**
 * The page inside this app that a step's link points to (`…/tab/?page=guidelines`), or null
 * for anything else. Such links navigate in place: a new browser tab would leave Teams.
 */
export function tabRouteOf(linkUrl: string, here: { origin: string }): Route | null {
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return null;
  }
  if (url.origin !== here.origin || !/^\/tab\/?$/.test(url.pathname)) return null;
  const route = parseRoute(url.hash, url.search);
  return route.page === 'not-found' ? null : route;
}

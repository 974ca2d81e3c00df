import { describe, expect, it } from 'vitest';
import { deepLinkRoute, parseRoute, routeHash } from './routing.js';

describe('routes from the one table', () => {
  it('reads hash paths, with an id where the path has one', () => {
    expect(parseRoute('#/share', '')).toEqual({ page: 'share' });
    expect(parseRoute('#/trainings/', '')).toEqual({ page: 'trainings' });
    expect(parseRoute('#/admin', '')).toEqual({ page: 'admin-items' });
    expect(parseRoute('#/admin/items', '')).toEqual({ page: 'admin-items' });
    expect(parseRoute('#/admin/items/new', '')).toEqual({ page: 'admin-edit', id: null });
    expect(parseRoute('#/admin/items/a%20b', '')).toEqual({ page: 'admin-edit', id: 'a b' });
    expect(parseRoute('#/admin/announcements', '')).toEqual({ page: 'admin-announcements' });
    expect(parseRoute('#/share/extra', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/nowhere', '')).toEqual({ page: 'not-found' });
  });

  it('opens entry points by ?page= (the Teams manifest) and the Share page by default', () => {
    expect(parseRoute('', '?page=guidelines&inTeams=1')).toEqual({ page: 'guidelines' });
    expect(parseRoute('', '?page=admin')).toEqual({ page: 'admin-items' });
    expect(parseRoute('', '?page=announcements')).toEqual({ page: 'admin-announcements' });
    expect(parseRoute('', '?page=bogus')).toEqual({ page: 'not-found' });
    expect(parseRoute('', '')).toEqual({ page: 'share' });
  });

  it('opens My impact by its new and its old names ("My shares" grew into it)', () => {
    expect(parseRoute('#/impact', '')).toEqual({ page: 'impact' });
    expect(parseRoute('#/my-shares', '')).toEqual({ page: 'impact' });
    expect(parseRoute('', '?page=impact')).toEqual({ page: 'impact' });
    expect(parseRoute('', '?page=my-shares')).toEqual({ page: 'impact' });
    expect(deepLinkRoute('my-shares')).toEqual({ page: 'impact' });
    expect(routeHash({ page: 'impact' })).toBe('#/impact');
  });

  it('writes hashes the parser reads back', () => {
    for (const route of [{ page: 'crisis' }, { page: 'admin-edit', id: 'x/y' }, { page: 'admin-edit', id: null }, { page: 'admin-items' }] as const) {
      expect(parseRoute(routeHash(route), '')).toEqual(route);
    }
    expect(routeHash({ page: 'not-found' })).toBe('#/share');
  });

  it("follows a Teams deep link's sub-page, and ignores one it does not know", () => {
    expect(deepLinkRoute('crisis')).toEqual({ page: 'crisis' });
    expect(deepLinkRoute('trainings')).toEqual({ page: 'trainings' });
    expect(deepLinkRoute('elsewhere')).toBeUndefined();
    expect(deepLinkRoute(undefined)).toBeUndefined();
  });
});

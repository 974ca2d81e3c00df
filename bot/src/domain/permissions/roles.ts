/**
 * Who someone is to Chorus. Everybody signed in is an employee; admin, editor and analyst
 * come on top, from configuration (Entra app roles or a group, see config.ts), never from
 * a route. A person may hold several.
 */
export const ROLES = ['admin', 'editor', 'analyst', 'employee'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role may do, by name. Routes and tab pages ask for one of these; only this
 * file says which roles grant it.
 *
 * - `app.use`: the feed, sharing, trainings, guidelines, onboarding, the crisis notice.
 * - `*.manage`: write and steer that feature (and read its admin lists).
 * - `aggregates.read`: counts and sums across people (delivery counts, shares per item);
 *   never a person's own numbers, never who did what.
 * - `campaigns.manage`: campaigns (admins and editors).
 * - `disclosure.manage`: the employment disclosure added to posts, and whether people may
 *   remove it — a legal duty (FTC endorsement guides, §5a UWG), so admins only.
 * - `jobs.read`: the background jobs' state (operators; admins only).
 * - `thanks.send`: a personal thank-you to someone on the leaderboard (admins only).
 * - `points.manage`: the points program's rules and recomputing the ledger (admins only: a
 *   works council may want a say in what earns points).
 * - `analytics.read`: the content team's dashboard and its exports — aggregates over groups of
 *   at least the minimum group (≥ 5), never a person (admins and analysts).
 * - `analytics.manage`: the dashboard's settings — the minimum group and the cost per click
 *   that earned media value uses (admins only).
 * - `conversions.manage`: the sources that may report conversions and their signing secrets
 *   (admins only: a secret lets a system outside Chorus write results and earn people points).
 * - `directory.manage`: the directory sync's state and "Sync now" (admins only).
 */
export const PERMISSIONS = [
  'app.use',
  'items.manage',
  'announcements.manage',
  'trainings.manage',
  'guidelines.manage',
  'onboarding.manage',
  'campaigns.manage',
  'disclosure.manage',
  'crisis.manage',
  'aggregates.read',
  'jobs.read',
  'thanks.send',
  'points.manage',
  'analytics.read',
  'analytics.manage',
  'conversions.manage',
  'directory.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EDITOR: readonly Permission[] = ['app.use', 'items.manage', 'announcements.manage', 'trainings.manage', 'guidelines.manage', 'onboarding.manage', 'campaigns.manage'];

export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  employee: ['app.use'],
  // Content work without the crisis switch: that stays with admins.
  editor: EDITOR,
  analyst: ['app.use', 'aggregates.read', 'analytics.read'],
  admin: PERMISSIONS,
};

import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../permissions/roles.js';
import { NETWORKS } from '../sharing/networks.js';
import { isoDateTime, languageSchema, pageQuery } from './common.js';

export { PERMISSIONS, ROLES, type Permission, type Role } from '../permissions/roles.js';

export const meSchema = z.strictObject({
  id: z.uuid(),
  displayName: z.string(),
  /** admin or employee, as stored; what the person may do is `permissions`. */
  role: z.enum(['admin', 'employee']),
  /** Every role the person holds now (from the token in Entra mode). */
  roles: z.array(z.enum(ROLES)),
  /** What the person may do: the tab shows and hides pages and sections by these. */
  permissions: z.array(z.enum(PERMISSIONS)),
  language: languageSchema,
  department: z.string().nullable(),
  location: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const myShareItemSchema = z.strictObject({
  itemId: z.uuid(),
  title: z.string(),
  url: z.string(),
  lastSharedAt: isoDateTime,
  networks: z.array(z.strictObject({ network: z.enum(NETWORKS), sharedAt: isoDateTime, clicks: z.number().int() })),
  clicks: z.number().int(),
});
export type MyShareItem = z.infer<typeof myShareItemSchema>;

/** GET /api/v1/me/shares — newest first, paged by item; the totals cover every page. */
export const mySharesQuerySchema = z.strictObject(pageQuery(50, 100));

/** Visible to the person only: no other route returns another person's numbers. */
export const mySharesSchema = z.strictObject({
  totals: z.strictObject({ items: z.number().int(), shares: z.number().int(), clicks: z.number().int() }),
  items: z.array(myShareItemSchema),
  nextCursor: z.string().nullable(),
});
export type MyShares = z.infer<typeof mySharesSchema>;

export const demoPersonSchema = z.strictObject({
  key: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'employee']),
  department: z.string().nullable(),
  language: languageSchema,
  newHire: z.boolean(),
});
export type DemoPerson = z.infer<typeof demoPersonSchema>;

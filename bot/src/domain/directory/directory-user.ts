import { z } from 'zod';
import type { Language } from '../model/common.js';

/** What Chorus asks Graph for each user. */
export const USER_SELECT = 'id,displayName,mail,department,officeLocation,preferredLanguage,employeeHireDate,accountEnabled';

/**
 * One user of a delta page as Chorus keeps it. A field that is `undefined` was not in the page
 * (delta pages carry only what changed): it stays as it is. `null` clears it.
 */
export interface DirectoryUser {
  id: string;
  displayName?: string;
  department?: string | null;
  location?: string | null;
  language?: Language;
  hiredAt?: string | null;
  /** Removed from the directory or disabled. */
  left: boolean;
}

const text = z.string().nullable().optional();
const entry = z.object({
  id: z.string().regex(/^[0-9a-fA-F-]{36}$/),
  displayName: text,
  mail: text,
  department: text,
  officeLocation: text,
  preferredLanguage: text,
  employeeHireDate: text,
  accountEnabled: z.boolean().nullable().optional(),
  '@removed': z.object({ reason: z.string().optional() }).passthrough().optional(),
});

/** Control and format characters out, whitespace collapsed, at most `max` characters; empty: null. */
export function cleanText(value: string, max: number): string | null {
  const cleaned = value
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  return [...cleaned].slice(0, max).join('').trim();
}

const field = (v: string | null | undefined, max: number) => (v === undefined ? undefined : v === null ? null : cleanText(v, max));

/**
 * A user of a Graph page, or null when it cannot be one (no id): such entries are counted and
 * skipped, never half-written. Departments and locations keep 100 characters, names 200.
 */
export function directoryUser(raw: unknown): DirectoryUser | null {
  const parsed = entry.safeParse(raw);
  if (!parsed.success) return null;
  const u = parsed.data;
  const left = u['@removed'] !== undefined || u.accountEnabled === false;
  const name = field(u.displayName, 200) ?? (u.displayName !== undefined || u.mail !== undefined ? field(u.mail, 200) : undefined);
  const language = u.preferredLanguage ? (u.preferredLanguage.toLowerCase().startsWith('de') ? 'de' : 'en') : undefined;
  let hiredAt: string | null | undefined = undefined;
  if (u.employeeHireDate === null) hiredAt = null;
  else if (u.employeeHireDate !== undefined) {
    const t = Date.parse(u.employeeHireDate);
    // A hire date Graph cannot have meant (garbage, or before 1900) is left out, not stored.
    hiredAt = Number.isFinite(t) && t > Date.UTC(1900, 0, 1) ? new Date(t).toISOString() : undefined;
  }
  return {
    id: u.id.toLowerCase(),
    ...(name !== undefined && name !== null ? { displayName: name } : {}),
    ...(u.department !== undefined ? { department: field(u.department, 100) } : {}),
    ...(u.officeLocation !== undefined ? { location: field(u.officeLocation, 100) } : {}),
    ...(language ? { language } : {}),
    ...(hiredAt !== undefined ? { hiredAt } : {}),
    left,
  };
}

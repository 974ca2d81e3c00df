import { invalid } from '../../domain/errors.js';

/** Timestamps leave the storage layer as ISO strings (both engines return Date). */
export function iso(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function isoRequired(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** LIKE pattern that matches `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A timestamp of the right shape that also names a real moment Postgres accepts: no month
 * 13, no 30 February, no year 0000, no offset beyond ±14:00.
 */
export function isRealTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [date, time] = [value.slice(0, 10), value.slice(11, 19)];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, sec] = time.split(':').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1 || day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
  if (h > 23 || mi > 59 || sec > 59) return false;
  const zone = m[2] ?? 'Z';
  if (zone === 'Z') return true;
  const digits = zone.slice(1).replace(':', '');
  const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
  return oh < 14 || (oh === 14 && om === 0) ? om < 60 : false;
}

export type CursorPart = 'timestamp' | 'uuid' | 'flag' | 'int' | 'text';

/**
 * The parts of a cursor we made, checked one by one before they reach SQL; a forged
 * or damaged cursor is the caller's mistake (400), never a database error.
 */
export function decodeCursor(cursor: string, shape: CursorPart[]): Array<string | number> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const ok =
    Array.isArray(parts) &&
    parts.length === shape.length &&
    shape.every((kind, i) => {
      const v: unknown = parts[i];
      if (kind === 'flag') return v === 0 || v === 1;
      if (kind === 'int') return Number.isSafeInteger(v);
      if (kind === 'text') return typeof v === 'string' && v.length <= 100;
      return typeof v === 'string' && (kind === 'uuid' ? UUID.test(v) : isRealTimestamp(v));
    });
  if (!ok) throw invalid({ cursor: 'field.cursor' });
  return parts as Array<string | number>;
}

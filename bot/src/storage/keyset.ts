import type { Page } from '../domain/model/common.js';
import type { Queryable } from './db.js';
import { decodeCursor, encodeCursor, type CursorPart } from './repos/rows.js';

/** One ordering column: its SQL, and what its cursor value is (checked before it reaches SQL). */
export interface KeyColumn {
  sql: string;
  kind: CursorPart;
}

export interface KeysetQuery<Row, Item> {
  /** The select list, without the key columns (the helper adds them). */
  columns: string;
  /** `from …` with its joins (a subquery works too). */
  from: string;
  where?: string[];
  /** The statement's parameters so far; the cursor's are appended. */
  params?: unknown[];
  /** The order, most significant first; all in one direction, and unique together (end with an id). */
  keys: KeyColumn[];
  direction: 'asc' | 'desc';
  page: { cursor?: string | undefined; limit: number };
  map: (row: Row) => Item;
}

const CASTS: Record<CursorPart, string> = { timestamp: '::timestamptz', uuid: '::uuid', flag: '::int', int: '::bigint', text: '::text' };

/**
 * One keyset page for every list that can grow: rows after the cursor's position in the
 * order (`(k1, k2, …) > (…)`, or `<` descending), one row more than asked to know whether
 * a next page exists, and the next cursor from the last row. New rows never shift pages.
 * Timestamps travel as Postgres text: full microseconds, so no row is skipped.
 */
export async function keysetPage<Row extends object, Item>(db: Queryable, q: KeysetQuery<Row, Item>): Promise<Page<Item>> {
  const params = [...(q.params ?? [])];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = [...(q.where ?? [])];
  if (q.page.cursor) {
    const values = decodeCursor(q.page.cursor, q.keys.map((k) => k.kind));
    const position = values.map((v, i) => `${add(v)}${CASTS[(q.keys[i] as KeyColumn).kind]}`);
    where.push(`(${q.keys.map((k) => k.sql).join(', ')}) ${q.direction === 'asc' ? '>' : '<'} (${position.join(', ')})`);
  }
  const keyColumns = q.keys.map((k, i) => `(${k.sql})${k.kind === 'timestamp' ? '::text' : ''} as _key${i}`).join(', ');
  const order = q.keys.map((k) => `${k.sql} ${q.direction}`).join(', ');
  const rows = await db.query<Row & Record<string, unknown>>(
    `select ${q.columns}, ${keyColumns} ${q.from} ${where.length ? `where ${where.join(' and ')}` : ''} order by ${order} limit ${add(q.page.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, q.page.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(q.map),
    nextCursor: rows.length > q.page.limit && last ? encodeCursor(q.keys.map((_, i) => normalised(last[`_key${i}`]))) : null,
  };
}

/** bigint columns arrive as strings from pg and as numbers from PGlite: cursors carry numbers. */
function normalised(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

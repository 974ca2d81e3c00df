import path from 'node:path';
import type { Config } from '../config.js';
import { projectRoot } from '../paths.js';
import { openPglite, openPostgres, type Db } from './db.js';

/** Postgres did not answer at start-up; the message is one line that names DATABASE_URL, never its password. */
export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * The database the configuration names: Postgres, or PGlite in DATA_DIR (relative to the
 * project). Postgres is asked once before anything else runs, so a wrong host, port,
 * password or TLS setting stops start-up with one line instead of a stack trace from the
 * first migration.
 */
export async function openDatabase(config: Config): Promise<Db> {
  if (config.database.kind === 'pglite') return openPglite(path.resolve(projectRoot(), config.database.dataDir));
  const { url } = config.database;
  const db = openPostgres(url);
  try {
    await db.query('select 1');
  } catch (err) {
    await db.close().catch(() => undefined);
    throw new DatabaseUnreachableError(`DATABASE_URL: cannot connect to ${describeTarget(url)}: ${describeFailure(err)}`);
  }
  return db;
}

/** "the database chorus on db.example.com:5432 as chorus" — never the password. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname ? `${u.hostname}:${u.port || '5432'}` : 'the local socket';
    const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
    const user = decodeURIComponent(u.username);
    return `${name ? `the database ${name}` : 'the database'} on ${host}${user ? ` as ${user}` : ''}`;
  } catch {
    return 'the database';
  }
}

/** The driver's reason on one line; Node's multi-address attempts (AggregateError) carry theirs inside. */
export function describeFailure(err: unknown): string {
  const reasons = (e: unknown): string[] => {
    if (e instanceof AggregateError && e.errors.length > 0) return e.errors.flatMap(reasons);
    if (e instanceof Error) return [e.message || (e as NodeJS.ErrnoException).code || e.name];
    return [String(e)];
  };
  return [...new Set(reasons(err))].join('; ').replace(/\s+/g, ' ').trim() || 'no reason given';
}

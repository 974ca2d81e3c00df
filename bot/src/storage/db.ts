// One SQL dialect, two engines: server Postgres through node-postgres, or embedded
// PGlite (WASM Postgres) in a data directory. Repositories only see `Db`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export interface Queryable {
  /**
   * `options.name`: on server Postgres, each connection parses and plans the statement once
   * and reuses the plan (for hot reads whose planning costs more than running them);
   * PGlite ignores it. One name, one SQL text.
   */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: { name?: string }): Promise<R[]>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Run `fn` while holding a session-level advisory lock (serialises across processes). */
  withAdvisoryLock<T>(key: number, fn: (session: Session) => Promise<T>): Promise<T>;
  /** A session for leader election: named locks held until released or the process dies. */
  leaderLocks(): Promise<LeaderLocks>;
  close(): Promise<void>;
}

/**
 * Named, session-level locks for "exactly one process does this" (one sender per tenant).
 * On Postgres they live on a dedicated connection: when the holder dies, its connection
 * closes and the server frees the locks, so a standby's next `tryTake` wins.
 */
export interface LeaderLocks {
  /** Takes the lock if it is free or already ours; true while this session holds it. */
  tryTake(name: string): Promise<boolean>;
  release(name: string): Promise<void>;
  /** False once the session died: every lock it held is gone. */
  readonly alive: boolean;
  /**
   * Asks the server whether the session is still there (a connection can die silently,
   * e.g. behind a NAT); false, and `alive` false, when it is not.
   */
  check(): Promise<boolean>;
  close(): Promise<void>;
}

/** One connection held for a while: queries plus multi-statement scripts. */
export interface Session extends Queryable {
  exec(sql: string): Promise<void>;
}

export async function one<R>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<R> {
  const rows = await q.query<R>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0] as R;
}

export async function maybeOne<R>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<R | undefined> {
  const rows = await q.query<R>(sql, params);
  return rows[0];
}

// ---- server Postgres ---------------------------------------------------------------

export function openPostgres(url: string, options: { max?: number } = {}): Db {
  // keepAlive: notice connections that died silently; a bounded connect instead of a hang.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, keepAlive: true, connectionTimeoutMillis: 10_000 });
  // An idle client that dies (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const query = async <R>(sql: string, params?: readonly unknown[], options?: { name?: string }) =>
    (options?.name
      ? await pool.query({ name: options.name, text: sql, values: params as unknown[] | undefined })
      : await pool.query(sql, params as unknown[] | undefined)
    ).rows as R[];
  return {
    kind: 'postgres',
    query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(clientQueryable(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn(clientQueryable(client));
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async leaderLocks() {
      // Named, so operators (and tests) can see in pg_stat_activity which process leads.
      const client = new pg.Client({
        connectionString: url,
        application_name: `chorus leader ${process.pid}`,
        keepAlive: true,
        connectionTimeoutMillis: 10_000,
      });
      const held = new Set<string>();
      let alive = true;
      const lost = () => {
        alive = false;
        held.clear();
      };
      client.on('error', lost);
      client.on('end', lost);
      await client.connect();
      return {
        get alive() {
          return alive;
        },
        async tryTake(name) {
          if (!alive) return false;
          if (held.has(name)) return true; // session locks stack; take each one once
          const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [name]);
          if (rows[0]?.ok) held.add(name);
          return held.has(name);
        },
        async check() {
          if (!alive) return false;
          const ok = await Promise.race([
            client.query('select 1').then(() => true, () => false),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
          ]);
          if (!ok) {
            lost();
            client.end().catch(() => undefined);
          }
          return ok;
        },
        async release(name) {
          if (!held.delete(name) || !alive) return;
          await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [name]);
        },
        async close() {
          if (!alive) return;
          lost();
          await client.end().catch(() => undefined);
        },
      };
    },
    async close() {
      if (pool.ended) return;
      await pool.end();
    },
  };
}

function clientQueryable(client: pg.PoolClient): Session {
  return {
    async query<R>(sql: string, params?: readonly unknown[]) {
      return (await client.query(sql, params as unknown[] | undefined)).rows as R[];
    },
    // Without parameters node-postgres uses the simple protocol: several statements are fine.
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

// ---- embedded PGlite ---------------------------------------------------------------

/**
 * PGlite is single-process: two processes on one data directory corrupt it. A pid file
 * makes a second process fail with a clear message instead.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = path.join(dir, 'chorus.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx': create only if absent, atomically — two processes cannot both win.
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${pid}. Stop that process, or set DATABASE_URL to share a Postgres server.`,
      );
    }
    rmSync(lockFile, { force: true }); // left behind by a process that died
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `dataDir` undefined: in memory (tests). */
export async function openPglite(dataDir?: string, options: { startFrom?: Blob } = {}): Promise<Db> {
  let unlock = () => undefined as void;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  // startFrom: a dump of another database (dumpDataDir) instead of running initdb, which
  // takes seconds; the test suite starts each in-memory database from one dump.
  const from = options.startFrom ? { loadDataDir: options.startFrom } : {};
  const db = dataDir ? new PGlite(path.join(dataDir, 'pglite'), from) : new PGlite(from);
  await db.waitReady;
  const query = async <R>(sql: string, params?: readonly unknown[]) =>
    (await db.query<R>(sql, params as unknown[] | undefined)).rows;
  let closed = false;
  const leaders = new Set<string>();
  // One connection: callers in this process take turns for "locked" sections.
  let lockChain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    query,
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn) {
      return db.transaction(async (tx) =>
        fn({ query: async <R>(sql: string, params?: readonly unknown[]) => (await tx.query<R>(sql, params as unknown[] | undefined)).rows }),
      );
    },
    async withAdvisoryLock(_key, fn) {
      // One process owns the data directory (see lockDataDir), so an in-process queue
      // gives the same guarantee as Postgres' advisory lock.
      const run = lockChain.then(() => fn({ query, exec: async (sql) => void (await db.exec(sql)) }));
      lockChain = run.catch(() => undefined);
      return run;
    },
    async leaderLocks() {
      // One process owns the data directory (lockDataDir), so in-process bookkeeping is the
      // whole truth; it still keeps two workers in this process from leading one tenant.
      const mine = new Set<string>();
      let open = true;
      return {
        get alive() {
          return open && !closed;
        },
        async tryTake(name) {
          if (!open || closed) return false;
          if (!leaders.has(name)) {
            leaders.add(name);
            mine.add(name);
          }
          return mine.has(name);
        },
        async release(name) {
          if (mine.delete(name)) leaders.delete(name);
        },
        check: async () => open && !closed,
        async close() {
          open = false;
          for (const name of mine) leaders.delete(name);
          mine.clear();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      unlock();
    },
  };
}

import type { Db } from './db.js';
import { migrations } from './migrations/index.js';

// Any constant works; it only has to be the same in every Chorus process.
const MIGRATION_LOCK = 0x43686f72; // "Chor"

export interface MigrationResult {
  applied: string[];
  /** True when this run created the schema from nothing (a new database). */
  fresh: boolean;
}

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock
 * makes concurrent runs (two processes starting at once) wait for each other; the
 * second one then finds nothing to do.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  return db.withAdvisoryLock(MIGRATION_LOCK, async (q) => {
    await q.query(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await q.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id));
    const fresh = done.size === 0;
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await q.query('begin');
      try {
        await q.exec(m.sql);
        await q.query('insert into schema_migrations (id) values ($1)', [m.id]);
        await q.query('commit');
      } catch (err) {
        await q.query('rollback');
        throw new Error(`Migration ${m.id} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(m.id);
    }
    return { applied, fresh };
  });
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const rows = await db
    .query<{ id: string }>('select id from schema_migrations')
    .catch(() => [] as { id: string }[]);
  const done = new Set(rows.map((r) => r.id));
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../bot/src/storage/db.js';

/**
 * A fresh, empty database for one test file: in-memory PGlite, or — when DATABASE_URL
 * is set (CI's second pass) — a new database on that Postgres server, dropped after.
 */
export async function createTestDb(): Promise<{ db: Db; url?: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const name = `chorus_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../bot/src/storage/db.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PGLITE_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

/**
 * An empty database cluster, right after initdb, as PGlite dumps it. initdb takes seconds
 * (more on a busy machine) and every test database would run it again; loading this dump
 * takes a fraction of that. Made once per PGlite version and kept in .tmp/; nothing is
 * migrated in it, so each test database still starts empty and is migrated as in production.
 */
let emptyCluster: Blob | undefined;
async function afterInitdb(): Promise<Blob> {
  if (emptyCluster) return emptyCluster;
  const file = path.join(ROOT, '.tmp', `pglite-${PGLITE_VERSION}-initdb.tar`);
  if (!existsSync(file)) {
    const fresh = new PGlite();
    await fresh.waitReady;
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file); // atomic: test processes starting at once never read half a file
  }
  return (emptyCluster = new Blob([readFileSync(file)]));
}

/**
 * A fresh, empty database for one test file: in-memory PGlite, or — when DATABASE_URL
 * is set (CI's second pass) — a new database on that Postgres server, dropped after.
 */
export async function createTestDb(): Promise<{ db: Db; url?: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite(undefined, { startFrom: await afterInitdb() });
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

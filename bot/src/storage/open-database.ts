import path from 'node:path';
import type { Config } from '../config.js';
import { projectRoot } from '../paths.js';
import { openPglite, openPostgres, type Db } from './db.js';

/** The database the configuration names: Postgres, or PGlite in DATA_DIR (relative to the project). */
export async function openDatabase(config: Config): Promise<Db> {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.url)
    : openPglite(path.resolve(projectRoot(), config.database.dataDir));
}

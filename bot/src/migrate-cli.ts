import { openDatabase } from './storage/open-database.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './storage/migrate.js';

try {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const { applied } = await migrate(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`);
  process.exit(1);
}

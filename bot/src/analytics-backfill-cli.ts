import { openDatabase } from './storage/open-database.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './storage/migrate.js';
import { backfillAnalytics } from './storage/repos/analytics-rollup.js';

// npm run analytics:backfill: rebuild the dashboard's daily aggregates from the stored shares,
// clicks and unique readers (data from before the analytics processor, or after a repair).
// Safe while Chorus runs: one transaction, and the processor continues after it.
try {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const started = Date.now();
    const { rows, position } = await backfillAnalytics(db, config.timeZone);
    console.log(`Rebuilt ${rows} daily aggregate rows in ${((Date.now() - started) / 1000).toFixed(1)} s (days in ${config.timeZone}); events after #${position} follow as usual.`);
  } finally {
    await db.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Back-fill failed: ${(err as Error).message}`);
  process.exit(1);
}

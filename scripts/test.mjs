// npm test: the whole suite (unit, integration, bot, browser) in one vitest run.
// Builds the tab first when it is stale (the browser tests load dist/tab), then prints
// one plain summary line that CI reads.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, root } from './lib/build-if-needed.mjs';

buildIfNeeded(['tab']);
const report = path.join(root, '.tmp', 'test-report.json');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  const line = `${process.env.DATABASE_URL ? 'postgres' : 'pglite'}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
  console.log(`\n${line}`);
  // CI adds up both runs (PGlite and Postgres) from this file.
  appendFileSync(path.join(root, '.tmp', 'test-summary.txt'), `${line}\n`);
} catch {
  console.log('\nno test report was written');
}
process.exit(run.status ?? 1);

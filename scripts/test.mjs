// npm test: the whole suite (unit, integration, bot, browser), then one plain summary line
// that CI reads. Builds the tab first when it is stale (the browser tests load dist/tab).
//
// The browser tests run one file at a time (one Chromium on two cores) in a vitest of their
// own, beside the rest rather than after it: inside one vitest run they were held to the
// end, where they used one core for a minute and a half while the other idled.
// Arguments (`npm test -- tests/integration/x.test.ts`, `--project unit`) go to one run.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, root } from './lib/build-if-needed.mjs';

buildIfNeeded(['tab']);
const reports = path.join(root, '.tmp');
mkdirSync(reports, { recursive: true });

function vitest(name, args) {
  const report = path.join(reports, `test-report-${name}.json`);
  rmSync(report, { force: true });
  const child = spawn('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ report, code: code ?? 1 })));
}

const asked = process.argv.slice(2);
const runs = asked.length > 0
  ? [vitest('all', asked)]
  : [vitest('browser', ['--project', 'e2e']), vitest('rest', ['--project', 'unit', '--project', 'tab', '--project', 'integration'])];
const done = await Promise.all(runs);

let passed = 0, failed = 0, skipped = 0, missing = false;
const failures = [];
for (const { report } of done) {
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    for (const file of r.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status !== 'failed') continue;
        const first = String(t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
        failures.push(`${path.relative(root, file.name)} > ${t.fullName}\n    ${first}`);
      }
    }
  } catch {
    missing = true;
  }
}
// The failures again, last: CI logs are often read from the tail only.
if (failures.length > 0) {
  const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  appendFileSync(path.join(reports, 'test-failures.txt'), failures.map((f) => `${db}: ${f}\n`).join(''));
}
if (missing) console.log('\nno test report was written');
else {
  const line = `${process.env.DATABASE_URL ? 'postgres' : 'pglite'}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  console.log(`\n${line}`);
  // CI adds up both runs (PGlite and Postgres) from this file.
  appendFileSync(path.join(reports, 'test-summary.txt'), `${line}\n`);
}
process.exit(done.every((d) => d.code === 0) && !missing ? 0 : 1);

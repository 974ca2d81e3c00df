// npm run bench [-- <entry> …]: the performance targets ("Targets" in ../shared/design/architecture.md),
// one entry per target in tests/bench/<name>.mjs. Each entry prints its own table; the
// results go to .tmp/bench-<name>.json. Exits non-zero when an entry fails its checks.
//
// Knobs (environment): BENCH_SECONDS per measured round (5), BENCH_ROUNDS per server (3),
// BENCH_CONNECTIONS (50), BENCH_LOG_LEVEL of the Chorus child (silent; `info` is what
// production runs), BENCH_CPU_PROF=1 writes V8 CPU profiles of the Chorus child to
// .tmp/bench-prof/, BENCH_DATABASE_URL (else DATABASE_URL, else local Postgres).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIfNeeded, root } from './lib/build-if-needed.mjs';
import { Cleanup } from '../tests/bench/support.mjs';

const ENTRIES = ['links', 'fanout', 'crisis', 'impact', 'feed', 'analytics', 'directory', 'installs'];

const positiveInt = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`${name} must be a positive integer (got "${raw}")`);
    process.exit(2);
  }
  return n;
};

const settings = {
  seconds: positiveInt('BENCH_SECONDS', 5),
  rounds: positiveInt('BENCH_ROUNDS', 3),
  connections: positiveInt('BENCH_CONNECTIONS', 50),
  cpuProfile: process.env.BENCH_CPU_PROF === '1',
  logLevel: process.env.BENCH_LOG_LEVEL || 'silent',
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !ENTRIES.includes(name));
if (unknown.length) {
  console.error(`Unknown bench entries: ${unknown.join(', ')} (known: ${ENTRIES.join(', ')})`);
  process.exit(2);
}
const selected = wanted.length ? wanted : ENTRIES;

const cleanup = new Cleanup();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up …`);
    void cleanup.runAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

const started = performance.now();
const outDir = path.join(root, '.tmp');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const name of selected) {
  const entry = await import(`../tests/bench/${name}.mjs`);
  buildIfNeeded(entry.needs ?? []);
  console.log(`\n== bench: ${entry.title} ==`);
  const entryStarted = performance.now();
  try {
    const { ok, results } = await entry.run({ cleanup, settings });
    const file = path.join(outDir, `bench-${name}.json`);
    const seconds = (performance.now() - entryStarted) / 1000;
    writeFileSync(file, JSON.stringify({ entry: name, at: new Date().toISOString(), node: process.version, seconds, ok, ...results }, null, 2) + '\n');
    console.log(`\n${name}: ${ok ? 'checks passed' : 'CHECKS FAILED'} in ${seconds.toFixed(0)} s; results in ${path.relative(root, file)}`);
    failed ||= !ok;
  } catch (err) {
    console.error(`\n${name}: failed: ${err instanceof Error ? err.stack : err}`);
    failed = true;
  } finally {
    await cleanup.runAll();
  }
}
console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s${failed ? ' with failures' : ''}`);
process.exit(failed ? 1 : 0);

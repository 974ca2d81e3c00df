// Bench entry "directory" (issue 14, Benchmark): directory sync from the fake Microsoft Graph
// (tests/support/fake-graph.ts, in this process) into a fresh Postgres database, by the real
// sync from dist/ in a process of its own (tests/bench/directory-child.mjs), so that its peak
// memory is measured alone.
//
// 1. A full sync of BENCH_DIRECTORY_USERS (100,000) at 999 per page with throttling injected
//    (every BENCH_DIRECTORY_THROTTLE_EVERY-th request answers 429, Retry-After 1 s): time and
//    peak memory; compared in the same run with a full sync of a tenth of the users (memory
//    must not grow with the directory: peak growth ratio ≤ 1.5) and with reading the same
//    pages without writing anything (what the database costs).
// 2. A delta round with 1 % of the users changed (department moves, some leave): time.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { createBenchDatabase, root, table } from './support.mjs';

export const title = 'directory sync at company size (fake Graph, Postgres): time and peak memory of a full sync, then a 1 % delta';
export const needs = ['bot'];

const USERS = Number(process.env.BENCH_DIRECTORY_USERS || 100_000);
const THROTTLE_EVERY = Number(process.env.BENCH_DIRECTORY_THROTTLE_EVERY || 10);
const MEMORY_RATIO_LIMIT = 1.5;

const departments = ['Sales', 'Engineering', 'Marketing', 'Finance', 'Legal', 'People', 'Support', 'Research'];
const user = (n) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  displayName: `Person ${n}`,
  mail: `person${n}@contoso.example`,
  department: departments[n % departments.length],
  officeLocation: ['Berlin', 'Hamburg', 'Munich', 'Vienna'][n % 4],
  preferredLanguage: n % 3 === 0 ? 'de-DE' : 'en-US',
  employeeHireDate: new Date(Date.UTC(2015, 0, 1) + (n % 3650) * 86_400_000).toISOString(),
  accountEnabled: true,
});

function child(env) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', path.join(root, 'tests/bench/directory-child.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`directory-child exited ${code}: ${out}`))));
  });
}

export async function run({ cleanup }) {
  const { FakeGraph } = await tsImport('../support/fake-graph.ts', import.meta.url);
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = {};

  async function fullSync(users, label) {
    const graph = await new FakeGraph().start();
    cleanup.add(`stop the fake Graph (${label})`, () => graph.stop());
    for (let n = 1; n <= users; n++) graph.put(user(n));
    graph.throttleEvery = { n: THROTTLE_EVERY, retryAfter: '1' };
    const { url } = await createBenchDatabase(cleanup, serverUrl);
    const read = await child({ DATABASE_URL: url, GRAPH_URL: graph.url, MODE: 'read-only' });
    const throttledRead = graph.throttled;
    const full = await child({ DATABASE_URL: url, GRAPH_URL: graph.url });
    if (full.result.status !== 'ok' || full.result.counts.created !== users) throw new Error(`${label}: the full sync did not create everyone: ${JSON.stringify(full.result)}`);
    return { graph, url, read, full, throttled: graph.throttled - throttledRead };
  }

  console.log(`\nFull sync of ${(USERS / 10).toLocaleString('en-US')} and ${USERS.toLocaleString('en-US')} users, 999 per page, every ${THROTTLE_EVERY}th request throttled (429, Retry-After 1 s) …`);
  const small = await fullSync(USERS / 10, 'a tenth');
  const big = await fullSync(USERS, 'all');
  const growth = (r) => (r.peakKb - r.rssBeforeKb) / 1024;

  // A delta round with 1 % changed: a new department for most, some leave the company.
  const changed = USERS / 100;
  for (let i = 0; i < changed; i++) {
    const n = 1 + Math.floor((i * USERS) / changed);
    if (i % 10 === 0) big.graph.remove(user(n).id);
    else big.graph.put({ id: user(n).id, department: 'Moved' });
  }
  const delta = await child({ DATABASE_URL: big.url, GRAPH_URL: big.graph.url });
  if (delta.result.status !== 'ok' || delta.result.full) throw new Error(`the delta round failed: ${JSON.stringify(delta.result)}`);

  const ratio = growth(big.full) / Math.max(growth(small.full), 1);
  console.log(
    '\n' +
      table([
        ['round', 'users', 'pages', 'seconds', 'users/s', 'throttled', 'memory before → peak (growth)'],
        ...[
          [`read the pages only (${(USERS / 10).toLocaleString('en-US')}, baseline)`, small.read, null],
          [`full sync (${(USERS / 10).toLocaleString('en-US')})`, small.full, small.throttled],
          [`read the pages only (${USERS.toLocaleString('en-US')}, baseline)`, big.read, null],
          [`full sync (${USERS.toLocaleString('en-US')})`, big.full, big.throttled],
          [`delta, 1 % changed (${changed.toLocaleString('en-US')})`, delta, null],
        ].map(([name, r, throttled]) => [
          name,
          (r.result.counts.seen ?? 0).toLocaleString('en-US'),
          r.result.counts.pages ?? '',
          r.seconds.toFixed(1),
          Math.round((r.result.counts.seen ?? 0) / r.seconds).toLocaleString('en-US'),
          throttled ?? '',
          `${(r.rssBeforeKb / 1024).toFixed(0)} → ${(r.peakKb / 1024).toFixed(0)} MB (+${growth(r).toFixed(1)} MB)`,
        ]),
      ]).replace(/^/gm, '    '),
  );
  const passed = ratio <= MEMORY_RATIO_LIMIT;
  console.log(
    `    peak memory growth, ${USERS.toLocaleString('en-US')} ÷ ${(USERS / 10).toLocaleString('en-US')} users: ${ratio.toFixed(2)} (≤ ${MEMORY_RATIO_LIMIT}: it does not grow with the directory) ${passed ? '✓'
      : '✗'}; full sync ÷ reading the pages: ${(big.full.seconds / big.read.seconds).toFixed(1)}×; delta: ${delta.result.counts.updated} updated, ${delta.result.counts.left} left in ${delta.seconds.toFixed(1)} s`,
  );
  Object.assign(results, { users: USERS, throttleEvery: THROTTLE_EVERY, small, big: { read: big.read, full: big.full, throttled: big.throttled }, delta, memoryRatio: ratio, passed });
  delete results.small.graph;
  return { ok: passed, results };
}

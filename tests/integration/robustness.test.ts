// Issue 10, "A robustness test that stays": a few thousand generated requests to every
// route of a real server running in a child process, asserting that it stays alive, never
// answers 5xx to input, answers API errors in the documented shape, and writes nothing
// when it refuses a request. First a sweep that is the same on every run (each path
// parameter, query key and body field of each route gets a bad value in turn), then
// random and mutated requests from fast-check, seeded. Every distinct failure is collected
// and reported with the seed and the request (and, in .tmp/robustness-report.json, the
// exact bytes sent), so it can be replayed:
//   ROBUSTNESS_SEED=<seed> npx vitest run tests/integration/robustness.test.ts
//   ROBUSTNESS_ONLY=<index>,<index>   only those requests of that seed (without what came before)
//   ROBUSTNESS_LIST=1                 writes every request of the seed to .tmp/robustness-requests.txt
//   ROBUSTNESS_STATS=1                prints the answers per route and status
//   ROBUSTNESS_REQUESTS=<n>           more or fewer random requests
// The parts live in tests/support/robustness/ (run.ts is where they meet).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { dropDatabases } from '../support/robustness/child-server.js';
import { report, saveReport, summary } from '../support/robustness/report.js';
import { run, type RunOptions, type RunResult, type Spawned } from '../support/robustness/run.js';

const options: RunOptions = {
  seed: Number(process.env.ROBUSTNESS_SEED ?? 1_010_010),
  // Random requests, after the sweep (about 1,000 requests, the same for every seed).
  requests: Number(process.env.ROBUSTNESS_REQUESTS ?? 1500),
  only: process.env.ROBUSTNESS_ONLY ? new Set(process.env.ROBUSTNESS_ONLY.split(',').map(Number)) : undefined,
  list: Boolean(process.env.ROBUSTNESS_LIST),
  stats: Boolean(process.env.ROBUSTNESS_STATS),
};

describe('robustness: a few thousand generated requests to every route', () => {
  let connector: FakeBotConnector;
  let root = '';
  const spawned: Spawned = { servers: [], databases: [] };
  let result: RunResult;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'chorus-robustness-'));
    connector = await new FakeBotConnector().start();
    console.log(`robustness: seed ${options.seed} (set ROBUSTNESS_SEED to change), a sweep and ${options.requests} random requests`);
    result = await run(options, connector, root, spawned);
    console.log(summary(result, options.seed));
    saveReport(result, options.seed);
  }, 300_000);

  afterAll(async () => {
    for (const s of spawned.servers) await s.stop();
    await connector?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
    await dropDatabases(spawned.databases);
  });

  it('stays alive and answering: /healthz is 200 after every batch and at the end', () => {
    const failures = result.findings.all(['crash', 'no-answer', 'health']);
    expect(failures.length, report(failures, 'the server died, hung or stopped answering', options.seed)).toBe(0);
  }, 120_000);

  it('never answers 5xx to input, and every API error has the documented body', () => {
    const failures = result.findings.all(['5xx', 'error-body']);
    expect(failures.length, report(failures, 'wrong answers', options.seed)).toBe(0);
  }, 120_000);

  it('writes nothing when it refuses a request', () => {
    const failures = result.findings.all(['wrote']);
    expect(failures.length, report(failures, 'refused requests that wrote', options.seed)).toBe(0);
  }, 120_000);
});

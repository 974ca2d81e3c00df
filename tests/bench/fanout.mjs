// Bench entry "fanout": one announcement to 10,000 recipients, sent by the real Chorus
// process (dist/bot/main.js) to the fake Bot Connector in this process, which enforces a
// tenant limit of L requests/s and injects 2 % 5xx and a few 429s. Then the same with a
// SIGKILL at 50 % and a restart. Targets (architecture.md, issue 3): sends/s ÷ L ≥ 0.95,
// lost = 0, duplicated = 0 (≤ the in-flight window after a kill), 429 share < 1 %.
//
// Knobs: BENCH_FANOUT_RECIPIENTS (10000) and BENCH_FANOUT_RPS (200) for Postgres,
// BENCH_FANOUT_PGLITE_RECIPIENTS (3000) and BENCH_FANOUT_PGLITE_RPS (50) for PGlite,
// BENCH_FANOUT_DB (postgres,pglite), BENCH_DATABASE_URL / DATABASE_URL for Postgres.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';
import { freshPglite, freshPostgres, root, sleep, startServer, table } from './support.mjs';

export const title = 'fan-out of one announcement at the tenant rate limit (fake Bot Connector with faults)';
export const needs = ['bot'];

// PGlite (the laptop database: WASM, one connection, in the server's own thread) is
// measured at Teams' real limit; Postgres at 200/s so 10,000 recipients take a minute.
const SIZES = {
  postgres: { recipients: Number(process.env.BENCH_FANOUT_RECIPIENTS || 10_000), rps: Number(process.env.BENCH_FANOUT_RPS || 200) },
  pglite: { recipients: Number(process.env.BENCH_FANOUT_PGLITE_RECIPIENTS || 3_000), rps: Number(process.env.BENCH_FANOUT_PGLITE_RPS || 50) },
};
let RECIPIENTS = SIZES.postgres.recipients;
let RPS = SIZES.postgres.rps;
const DATABASES = (process.env.BENCH_FANOUT_DB || 'postgres,pglite').split(',').map((s) => s.trim());
const FAULT_RATE = 0.02;
/** Injected 429s per run, each with Teams' smallest Retry-After (1 s), spread over the run. */
const INJECTED_429 = 2;
const TARGET_RATIO = 0.95;
const TARGET_429_SHARE = 0.01;
/** The worker's concurrency: the most sends on their way when the process dies. */
const IN_FLIGHT_WINDOW = 32;
const ADMIN = { authorization: 'Bearer dev.clara', 'content-type': 'application/json' };

export async function run({ cleanup, settings }) {
  const { FakeBotConnector } = await tsImport('../support/fake-bot-connector.ts', import.meta.url);
  const { addReachablePeople } = await tsImport('../support/reachable.ts', import.meta.url);
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = {};
  let ok = true;
  for (const kind of DATABASES) {
    if (kind !== 'postgres' && kind !== 'pglite') throw new Error(`BENCH_FANOUT_DB: unknown database ${kind}`);
    const label = kind === 'postgres' ? 'Postgres' : 'PGlite';
    ({ recipients: RECIPIENTS, rps: RPS } = SIZES[kind]);
    console.log(`\n${label}: ${RECIPIENTS.toLocaleString('en-US')} recipients, limit L = ${RPS}/s, ${FAULT_RATE * 100} % 5xx, ${INJECTED_429} × 429 (Retry-After 1 s)`);
    const connector = await new FakeBotConnector({ globalRps: RPS, faultRate: FAULT_RATE, seed: 42, keepBodies: false }).start();
    cleanup.add('stop the fake Bot Connector', () => connector.stop());
    const store = kind === 'postgres' ? await freshPostgres(cleanup, serverUrl) : freshPglite(cleanup);
    const seeded = performance.now();
    const people = await store.seed((db) => addReachablePeople(db, RECIPIENTS, { serviceUrl: connector.url, department: 'Bench', prefix: 'bench' }));
    console.log(`  seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const start = () =>
      startServer(cleanup, {
        name: `Chorus (${label})`,
        script: path.join(root, 'dist/bot/main.js'),
        env: (port) => ({
          NODE_ENV: 'test', HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: settings.logLevel === 'silent' ? 'warn' : settings.logLevel,
          AUTH_MODE: 'dev', SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', TEAMS_RATE_LIMIT_RPS: String(RPS), ...store.env,
        }),
        readyPath: '/readyz',
      });

    // Run 1: straight through.
    let chorus = await start();
    const straight = await fanOut({ connector, current: () => chorus, people, title: 'Bench: straight run' });
    print('straight run', straight);

    // Run 2: SIGKILL at 50 %, then a fresh process resumes.
    connector.reset();
    connector.setFaultRate(FAULT_RATE, 43);
    const killed = await fanOut({
      connector,
      current: () => chorus,
      people,
      title: 'Bench: killed at half',
      async atHalf() {
        process.kill(chorus.pid, 'SIGKILL');
        await chorus.stop();
        const restartAt = performance.now();
        chorus = await start();
        return { restartSeconds: (performance.now() - restartAt) / 1000 };
      },
    });
    print('SIGKILL at 50 % + restart', killed);
    await chorus.stop();

    const checks = {
      ratio: straight.ratioExcludingPauses >= TARGET_RATIO,
      lost: straight.lost === 0 && killed.lost === 0,
      duplicated: straight.duplicated === 0 && killed.duplicated <= IN_FLIGHT_WINDOW,
      share429: straight.share429 < TARGET_429_SHARE && killed.share429 < TARGET_429_SHARE,
    };
    const passed = Object.values(checks).every(Boolean);
    console.log(
      `\n  ${label}: sends/s ÷ L ${straight.ratioExcludingPauses.toFixed(3)} (target ≥ ${TARGET_RATIO}) ${checks.ratio ? '✓' : '✗'}` +
        `, lost ${straight.lost}/${killed.lost} ${checks.lost ? '✓' : '✗'}` +
        `, duplicated ${straight.duplicated}/${killed.duplicated} (≤ ${IN_FLIGHT_WINDOW} after the kill) ${checks.duplicated ? '✓' : '✗'}` +
        `, 429 share ${(straight.share429 * 100).toFixed(2)} %/${(killed.share429 * 100).toFixed(2)} % ${checks.share429 ? '✓' : '✗'}`,
    );
    results[kind] = { straight, killed, checks, passed };
    ok &&= passed;
    await connector.stop();
  }
  const teamsMinutes = 100_000 / (50 * 0.98) / 60;
  console.log(`\n  At Teams' real limit of 50/s this pace sends 100,000 cards in ${teamsMinutes.toFixed(0)} min (physics: 100,000 ÷ 50/s = 33 min).`);
  return { ok, results: { sizes: SIZES, faultRate: FAULT_RATE, injected429: INJECTED_429, targets: { ratio: TARGET_RATIO, share429: TARGET_429_SHARE, inFlightWindow: IN_FLIGHT_WINDOW }, databases: results } };
}

async function call(url, method, pathName, body) {
  const res = await fetch(url + pathName, { method, headers: ADMIN, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${pathName}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function fanOut({ connector, current: chorusNow, people, title: itemTitle, atHalf }) {
  const chorus = chorusNow();
  const item = await call(chorus.url, 'POST', '/api/v1/admin/items', {
    kind: 'article', title: itemTitle, url: 'https://www.contoso.example/blog/bench', why: 'Bench', language: 'en', topics: [],
    audience: { departments: ['Bench'], locations: [] }, posts: { linkedin: 'Bench run', x: 'Bench run' }, hashtags: [],
  });
  await call(chorus.url, 'POST', `/api/v1/admin/items/${item.item.id}/publish`, {});
  const wallStart = performance.now();
  const announcement = await call(chorus.url, 'POST', `/api/v1/admin/items/${item.item.id}/announce`, {});
  const inject = new Set(Array.from({ length: INJECTED_429 }, (_, i) => Math.round(((i + 1) / (INJECTED_429 + 1)) * RECIPIENTS)));
  let half;
  let lastLog = 0;
  for (;;) {
    const received = connector.received.length;
    for (const at of inject) {
      if (received >= at) {
        connector.failNext(1, 429, 1_000);
        inject.delete(at);
      }
    }
    if (atHalf && !half && received >= RECIPIENTS / 2) half = { atReceived: received, ...(await atHalf()) };
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      console.log(`  … ${received.toLocaleString('en-US')} cards accepted`);
    }
    const progress = await call(chorusNow().url, 'GET', `/api/v1/admin/announcements/${announcement.id}`).catch(() => undefined);
    if (progress?.status === 'done') break;
    if (performance.now() - wallStart > 15 * 60_000) throw new Error('the fan-out did not finish within 15 minutes');
    await sleep(500); // polling gently: this process also hosts the fake connector's clock
  }
  const endToEndSeconds = (performance.now() - wallStart) / 1000;
  const done = await call(chorusNow().url, 'GET', `/api/v1/admin/announcements/${announcement.id}`);
  const stats = connector.stats();
  const times = connector.timeline.map((t) => t.at).sort((a, b) => a - b);
  const seconds = (times.at(-1) - times[0]) / 1000;
  const injectedPauses = INJECTED_429 * 1; // seconds the connector told us to wait
  // Requests that reached the connector per second of the run (accepted and faulted).
  const perSecond = [];
  for (const t of times) perSecond[Math.floor((t - times[0]) / 1000)] = (perSecond[Math.floor((t - times[0]) / 1000)] ?? 0) + 1;
  const perConversation = new Map();
  for (const r of connector.received) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
  const counts = people.map((p) => perConversation.get(p.conversationId) ?? 0);
  const requests = stats.requests;
  const restartPause = half?.restartSeconds ?? 0;
  return {
    seconds,
    requests,
    accepted: stats.accepted,
    byStatus: stats.byStatus,
    throttledByLimit: stats.throttled,
    sendsPerSecond: requests / seconds,
    ratio: requests / seconds / RPS,
    ratioExcludingPauses: requests / Math.max(0.001, seconds - injectedPauses - restartPause) / RPS,
    cardsPerSecond: stats.accepted / seconds,
    // From the admin's click to "done" (start-up tick, expansion, the tail of retries included).
    endToEndSeconds,
    endToEndRatio: requests / endToEndSeconds / RPS,
    share429: (stats.byStatus[429] ?? 0) / requests,
    maxAcceptedRps: stats.maxAcceptedRps,
    maxObservedRps: stats.maxObservedRps,
    lost: counts.filter((n) => n === 0).length,
    duplicated: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    delivery: done.counts,
    acceptedPerSecond: Array.from(perSecond, (n) => n ?? 0),
    ...(half ? { killedAtReceived: half.atReceived, restartSeconds: half.restartSeconds } : {}),
  };
}

function print(label, r) {
  const f = (n, d = 0) => Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  console.log(`\n  ${label}${r.killedAtReceived ? ` (killed after ${f(r.killedAtReceived)} cards; the new process was ready in ${r.restartSeconds.toFixed(1)} s)` : ''}`);
  console.log(
    table([
      ['seconds', 'requests', 'sends/s', '÷ L', '÷ L without waits', 'cards/s', '429 (limit)', '429 share', '5xx', 'max/1 s', 'lost', 'duplicated'],
      [
        f(r.seconds, 1), f(r.requests), f(r.sendsPerSecond, 1), r.ratio.toFixed(3), r.ratioExcludingPauses.toFixed(3), f(r.cardsPerSecond, 1),
        `${r.byStatus[429] ?? 0} (${r.throttledByLimit})`, `${(r.share429 * 100).toFixed(2)} %`,
        f(Object.entries(r.byStatus).filter(([s]) => Number(s) >= 500).reduce((a, [, n]) => a + n, 0)), f(r.maxObservedRps), f(r.lost), f(r.duplicated),
      ],
    ]).replace(/^/gm, '    '),
  );
  console.log(`    from "announce" to done: ${r.endToEndSeconds.toFixed(1)} s (${(r.endToEndRatio).toFixed(3)} of L)`);
  console.log(`    accepted per second: ${r.acceptedPerSecond.join(' ')}`);
  console.log(`    deliveries: ${JSON.stringify(r.delivery)}  ("without waits": minus the Retry-After seconds${r.restartSeconds ? ' and the restart' : ''})`);
}

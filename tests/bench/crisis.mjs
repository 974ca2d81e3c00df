// Bench entry "crisis" (issue 4), two measurements:
//
// 1. Reach: two Chorus processes on one Postgres. An admin switches crisis mode on at the
//    first; how long until the second refuses a share page (423)? Target ≤ 1 s. Baseline in
//    the same run: the same measurement against the first instance itself (it knows at
//    once). Ten rounds; the worst round counts. Postgres only: PGlite is one process.
// 2. Card updates: 10,000 cards delivered yesterday are paused in place by the switch, sent
//    by the real Chorus process to the fake Bot Connector at its limit L (2 % 5xx).
//    Target: update requests/s ÷ L ≥ 0.95, no card left out. PGlite at Teams' real 50/s
//    with 3,000 cards.
//
// Knobs: BENCH_CRISIS_CARDS (10000) and BENCH_CRISIS_RPS (200) for Postgres,
// BENCH_CRISIS_PGLITE_CARDS (3000) and BENCH_CRISIS_PGLITE_RPS (50), BENCH_CRISIS_DB
// (postgres,pglite), BENCH_CRISIS_ROUNDS (10), BENCH_DATABASE_URL / DATABASE_URL.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';
import { freshPglite, freshPostgres, median, root, sleep, startServer, table } from './support.mjs';

export const title = 'crisis switch: reach of a second instance, and updating delivered cards at the rate limit';
export const needs = ['bot'];

const SIZES = {
  postgres: { cards: Number(process.env.BENCH_CRISIS_CARDS || 10_000), rps: Number(process.env.BENCH_CRISIS_RPS || 200) },
  pglite: { cards: Number(process.env.BENCH_CRISIS_PGLITE_CARDS || 3_000), rps: Number(process.env.BENCH_CRISIS_PGLITE_RPS || 50) },
};
const DATABASES = (process.env.BENCH_CRISIS_DB || 'postgres,pglite').split(',').map((s) => s.trim());
const ROUNDS = Number(process.env.BENCH_CRISIS_ROUNDS || 10);
const FAULT_RATE = 0.02;
const TARGET_REACH_MS = 1_000;
const TARGET_RATIO = 0.95;
const ADMIN = { authorization: 'Bearer dev.clara', 'content-type': 'application/json' };
const EMPLOYEE = { authorization: 'Bearer dev.aylin', 'content-type': 'application/json' };
const ON = { reason: 'Bench', instructions: { en: 'Please share nothing for now.', de: 'Bitte vorerst nichts teilen.' } };

export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = {};
  let ok = true;
  const env = (store, rps, extra = {}) => (port) => ({
    NODE_ENV: 'test', HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: settings.logLevel === 'silent' ? 'warn' : settings.logLevel,
    AUTH_MODE: 'dev', SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', TEAMS_RATE_LIMIT_RPS: String(rps), ...store.env, ...extra,
  });

  if (DATABASES.includes('postgres')) {
    console.log(`\nReach: switch on at instance A, poll a share page on instance B (Postgres, ${ROUNDS} rounds)`);
    const store = await freshPostgres(cleanup, serverUrl);
    await store.seed(async () => undefined);
    const start = (name, extra) => startServer(cleanup, { name, script: path.join(root, 'dist/bot/main.js'), env: env(store, 50, extra), readyPath: '/readyz' });
    const a = await start('Chorus A');
    const b = await start('Chorus B (web only)', { WORKER: 'false' });
    const reach = await measureReach(a, b);
    await a.stop();
    await b.stop();
    const check = reach.other.max <= TARGET_REACH_MS;
    console.log(
      '\n' +
        table([
          ['share page polled on', 'median ms', 'max ms', 'max ÷ target (1 s)'],
          ['A (switched there; baseline)', reach.same.median.toFixed(1), reach.same.max.toFixed(1), (reach.same.max / TARGET_REACH_MS).toFixed(3)],
          ['B (another process)', reach.other.median.toFixed(1), reach.other.max.toFixed(1), (reach.other.max / TARGET_REACH_MS).toFixed(3)],
        ]).replace(/^/gm, '    '),
    );
    console.log(`    B ÷ A (median): ${(reach.other.median / Math.max(0.1, reach.same.median)).toFixed(1)}×; every round: ${reach.other.rounds.map((ms) => ms.toFixed(0)).join(' ')} ms`);
    console.log(`\n  reach: worst ${reach.other.max.toFixed(0)} ms (target ≤ ${TARGET_REACH_MS} ms) ${check ? '✓' : '✗'}`);
    results.reach = { ...reach, passed: check };
    ok &&= check;
  }

  const { FakeBotConnector } = await tsImport('../support/fake-bot-connector.ts', import.meta.url);
  const { addReachablePeople } = await tsImport('../support/reachable.ts', import.meta.url);
  results.updates = {};
  for (const kind of DATABASES) {
    if (kind !== 'postgres' && kind !== 'pglite') throw new Error(`BENCH_CRISIS_DB: unknown database ${kind}`);
    const label = kind === 'postgres' ? 'Postgres' : 'PGlite';
    const { cards, rps } = SIZES[kind];
    console.log(`\nCard updates (${label}): ${cards.toLocaleString('en-US')} cards delivered yesterday, limit L = ${rps}/s, ${FAULT_RATE * 100} % 5xx`);
    const connector = await new FakeBotConnector({ globalRps: rps, faultRate: FAULT_RATE, seed: 7, keepBodies: false }).start();
    cleanup.add('stop the fake Bot Connector', () => connector.stop());
    const store = kind === 'postgres' ? await freshPostgres(cleanup, serverUrl) : freshPglite(cleanup);
    const delivered = await store.seed(async (db) => {
      const people = await addReachablePeople(db, cards, { serviceUrl: connector.url, department: 'Bench', prefix: 'bench' });
      return deliveredYesterday(db, people);
    });
    connector.adopt(delivered);
    const chorus = await startServer(cleanup, { name: `Chorus (${label})`, script: path.join(root, 'dist/bot/main.js'), env: env(store, rps), readyPath: '/readyz' });
    const r = await measureUpdates(chorus, connector, delivered, rps);
    await chorus.stop();
    await connector.stop();
    const checks = { ratio: r.ratio >= TARGET_RATIO, complete: r.missed === 0 };
    const f = (n, d = 0) => Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
    console.log(
      '\n' +
        table([
          ['seconds', 'requests', 'requests/s', '÷ L', 'updated', 'missed', 'twice', '429 (limit)', '5xx', 'max/1 s', 'switch → first update'],
          [
            f(r.seconds, 1), f(r.requests), f(r.requestsPerSecond, 1), r.ratio.toFixed(3), f(r.updated), f(r.missed), f(r.twice),
            f(r.byStatus[429] ?? 0), f(Object.entries(r.byStatus).filter(([s]) => Number(s) >= 500).reduce((a, [, n]) => a + n, 0)),
            f(r.maxObservedRps), `${f(r.firstUpdateMs)} ms`,
          ],
        ]).replace(/^/gm, '    '),
    );
    console.log(`    from the switch to the last card updated: ${r.endToEndSeconds.toFixed(1)} s; deliveries: ${JSON.stringify(r.delivery)}`);
    console.log(`\n  ${label}: update requests/s ÷ L ${r.ratio.toFixed(3)} (target ≥ ${TARGET_RATIO}) ${checks.ratio ? '✓' : '✗'}, missed ${r.missed} ${checks.complete ? '✓' : '✗'}`);
    const passed = Object.values(checks).every(Boolean);
    results.updates[kind] = { ...r, checks, passed };
    ok &&= passed;
  }
  return { ok, results: { sizes: SIZES, rounds: ROUNDS, faultRate: FAULT_RATE, targets: { reachMs: TARGET_REACH_MS, ratio: TARGET_RATIO }, ...results } };
}

async function call(url, method, pathName, body, headers = ADMIN) {
  const res = await fetch(url + pathName, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${pathName}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Rounds of: switch on at A, poll the share page on `target` until it says 423, switch off. */
async function measureReach(a, b) {
  const feed = await call(a.url, 'GET', '/api/v1/items', undefined, EMPLOYEE);
  const item = feed.items[0];
  if (!item) throw new Error('no demo item to share');
  const { url } = await call(a.url, 'POST', `/api/v1/items/${item.id}/share-link`, {}, EMPLOYEE);
  const sharePath = new URL(url).pathname;
  const status = async (server) => {
    const res = await fetch(server.url + sharePath, { headers: { accept: 'text/html' } });
    await res.arrayBuffer();
    return res.status;
  };
  const measure = async (target) => {
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      if ((await status(target)) !== 200) throw new Error('the share page does not work before the switch');
      // From the moment the admin's request leaves: the switch itself is part of the time.
      const t0 = performance.now();
      const switched = call(a.url, 'POST', '/api/v1/admin/crisis', ON);
      while ((await status(target)) !== 423) {
        if (performance.now() - t0 > 10_000) throw new Error(`${target.name} did not refuse within 10 s`);
        await sleep(2);
      }
      rounds.push(performance.now() - t0);
      await switched;
      await call(a.url, 'POST', '/api/v1/admin/crisis/off', {});
      // Both instances back to normal before the next round.
      while ((await status(b)) !== 200 || (await status(a)) !== 200) await sleep(20);
    }
    return { rounds, median: median(rounds), max: Math.max(...rounds) };
  };
  return { same: await measure(a), other: await measure(b) };
}

/** One item announcement, sent yesterday to everyone: the cards a crisis switch updates. */
async function deliveredYesterday(db, people) {
  const [item] = await db.query(`select id from items where status = 'published' order by created_at limit 1`);
  const { enqueueIn } = await import(path.join(root, 'dist/bot/notifications/enqueue.js'));
  const { itemKind } = await import(path.join(root, 'dist/bot/notifications/kinds/item.js'));
  const id = await enqueueIn(db, itemKind, { itemId: item.id }, 'by_kind', new Date(Date.now() - 86_400_000));
  const [announcement] = await db.query(
    `update announcements set status = 'done', started_at = now() - interval '1 day', finished_at = now() - interval '1 day' where id = $1 returning id`,
    [id],
  );
  const activityIds = people.map((_, i) => `seeded-${i + 1}`);
  await db.query(
    `insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, status, sent_at, activity_id)
     select $1, p, c, 'tenant-1', 'sent', now() - interval '1 day', a from unnest($2::uuid[], $3::text[], $4::text[]) as x(p, c, a)`,
    [announcement.id, people.map((p) => p.id), people.map((p) => p.conversationId), activityIds],
  );
  await db.query('analyze deliveries');
  return people.map((p, i) => ({ conversationId: p.conversationId, activityId: activityIds[i] }));
}

async function measureUpdates(chorus, connector, delivered, rps) {
  const t0 = performance.now();
  await call(chorus.url, 'POST', '/api/v1/admin/crisis', ON);
  let update;
  let lastLog = 0;
  for (;;) {
    const { items } = await call(chorus.url, 'GET', '/api/v1/admin/announcements?limit=5');
    update = items.find((x) => x.subject === 'card_update');
    if (update?.status === 'done') break;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      console.log(`  … ${connector.updates.length.toLocaleString('en-US')} cards updated`);
    }
    if (performance.now() - t0 > 15 * 60_000) throw new Error('the card updates did not finish within 15 minutes');
    await sleep(500);
  }
  const endToEndSeconds = (performance.now() - t0) / 1000;
  const stats = connector.stats();
  const times = connector.timeline.map((t) => t.at).sort((x, y) => x - y);
  const seconds = (times.at(-1) - times[0]) / 1000;
  const perCard = new Map();
  for (const u of connector.updates) perCard.set(`${u.conversationId}\n${u.activityId}`, (perCard.get(`${u.conversationId}\n${u.activityId}`) ?? 0) + 1);
  const counts = delivered.map((d) => perCard.get(`${d.conversationId}\n${d.activityId}`) ?? 0);
  return {
    seconds,
    requests: stats.requests,
    requestsPerSecond: stats.requests / seconds,
    ratio: stats.requests / seconds / rps,
    byStatus: stats.byStatus,
    maxObservedRps: stats.maxObservedRps,
    updated: counts.filter((n) => n > 0).length,
    missed: counts.filter((n) => n === 0).length,
    twice: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    firstUpdateMs: times[0] - (performance.timeOrigin + t0),
    endToEndSeconds,
    delivery: update.counts,
  };
}

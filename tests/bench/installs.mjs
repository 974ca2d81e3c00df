// Bench entry "installs" (issue 14, Benchmark), one function per part, one result table:
//
// 1. An install wave (installWave): BENCH_INSTALLS (2,000) people install Chorus in personal
//    scope at once, as a rollout by Teams admin policy does. Each install is what Teams posts
//    to the bot endpoint (a conversationUpdate with the bot among membersAdded and an
//    installationUpdate "add"), sent to the real Chorus process (dist/bot/main.js,
//    /api/messages, development sign-in without an app id: "this computer only") as fast as
//    it answers, BENCH_INSTALLS_IN_FLIGHT (50) activities at a time. The welcome cards go
//    out through the delivery queue to the fake Bot Connector in this process, which
//    enforces Teams' 50 requests/s per app and tenant (429 + Retry-After). Targets: one
//    welcome card per person (0 lost, 0 twice), 0 × 429, nothing sent inline. The baseline
//    is the limit itself: the sending rate ÷ 50/s.
// 2. Proactive installs through Graph (proactiveInstalls): an item announced to a department
//    of BENCH_PROACTIVE (2,000) people who never opened Chorus, with PROACTIVE_INSTALL on.
//    Chorus installs the app for each through the fake Graph in this process (three requests
//    a person; Graph's 30 requests/s per app and tenant enforced, 429 + Retry-After), stores
//    the chats and delivers the item (and a welcome) to the fake Bot Connector. Targets:
//    Graph requests/s ÷ 30/s ≥ 0.9, every person installed and the item delivered once.
//
// Both fakes judge their limits by when Chorus sent each request (stamp-departures.mjs).
// Knobs: BENCH_INSTALLS (2000), BENCH_INSTALLS_IN_FLIGHT (50), BENCH_PROACTIVE (2000),
// BENCH_INSTALLS_PARTS (wave,proactive), BENCH_DATABASE_URL / DATABASE_URL (else local Postgres).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { createBenchDatabase, freshPostgres, latencyStats, root, sleep, startServer, table, withClient } from './support.mjs';

export const needs = ['bot'];

const positive = (name, fallback) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
};

const INSTALLS = positive('BENCH_INSTALLS', 2_000);
const IN_FLIGHT = positive('BENCH_INSTALLS_IN_FLIGHT', 50);
const PROACTIVE = positive('BENCH_PROACTIVE', 2_000);
const PARTS = (process.env.BENCH_INSTALLS_PARTS || 'wave,proactive').split(',');
/** Graph's limit on the app-install endpoints, per app and tenant. */
const GRAPH_RPS = 30;
const TARGET_GRAPH_RATIO = 0.9;

export const title = `install waves: ${INSTALLS.toLocaleString('en-US')} personal installs at the bot endpoint → one welcome card each at Teams' 50 requests/s (fake Bot Connector, Postgres)`;

const TENANT = '14141414-0000-4000-8000-0000000000be';
/** Every third person's Teams speaks German, so both languages of the card are rendered. */
const german = (i) => i % 3 === 0;

export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const parts = [];
  if (PARTS.includes('wave')) parts.push(await installWave({ cleanup, settings, serverUrl }));
  if (PARTS.includes('proactive')) parts.push(await proactiveInstalls({ cleanup, settings, serverUrl }));

  console.log('\n' + table([
    ['part', 'people', 'limit', 'requests', 'seconds', 'requests/s', '÷ limit', 'peak in 1 s', '429', 'lost', 'twice', 'checks'],
    ...parts.map((p) => [
      p.part, f(p.people), `${p.limit.name} ${p.limit.rps}/s`, f(p.requests), f(p.seconds, 1), f(p.requestsPerSecond, 1), p.ratio.toFixed(3),
      f(p.peakPerSecond), f(p.throttled), f(p.lost), f(p.twice), p.passed ? '✓' : '✗',
    ]),
  ]).replace(/^/gm, '    '));
  return { ok: parts.every((p) => p.passed), results: { parts } };
}

/**
 * Part 1: the install wave. Returns the shared row (part, people, limit, requests to the
 * limited service, its rate ÷ the limit, peak, 429s, lost, twice, checks) and its own details.
 */
async function installWave({ cleanup, settings, serverUrl }) {
  const { FakeBotConnector, TEAMS_GLOBAL_RPS } = await tsImport('../support/fake-bot-connector.ts', import.meta.url);
  const { botTraffic } = await tsImport('../support/bot-traffic.ts', import.meta.url);
  const rps = TEAMS_GLOBAL_RPS;
  console.log(`\nInstall wave: ${f(INSTALLS)} personal installs, ${IN_FLIGHT} activities in flight; the fake Bot Connector enforces ${rps} requests/s`);

  // No bodies kept: a growing heap in this process would delay (and bunch) the arrivals it
  // judges. What the cards say is welcome-wave.test.ts's business; here: who got how many.
  // Judged by when Chorus sent each request (stamp-departures.mjs), as Teams would see them.
  const connector = await new FakeBotConnector({ globalRps: rps, keepBodies: false, sentAtHeader: 'x-bench-sent-at' }).start();
  cleanup.add('stop the fake Bot Connector', () => connector.stop());
  const { url: databaseUrl } = await createBenchDatabase(cleanup, serverUrl);
  const chorus = await startStampedChorus(cleanup, settings, {
    name: 'Chorus',
    script: 'dist/bot/main.js',
    env: { TEAMS_RATE_LIMIT_RPS: String(rps), DATABASE_URL: databaseUrl },
  });

  const { activity, send } = botTraffic({ serviceUrl: () => connector.url, serverUrl: () => chorus.url, tenant: TENANT });
  const people = Array.from({ length: INSTALLS }, (_, i) => ({
    id: `29:install-${i}`,
    aadObjectId: `eeeeeeee-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Person ${i}`,
    locale: german(i) ? 'de-DE' : 'en-US',
  }));
  // What Teams posts on a personal install, both at once from its many front ends.
  const activities = people.flatMap(({ locale, ...user }) => [
    { person: user, kind: 'conversationUpdate', body: activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:chorus-bot' }], locale }, user) },
    { person: user, kind: 'installationUpdate', body: activity({ type: 'installationUpdate', action: 'add', locale }, user) },
  ]);

  // Send as fast as the endpoint answers, IN_FLIGHT at a time.
  const answers = new Map(); // person id → status of the installationUpdate
  const statuses = {};
  const latencies = [];
  let next = 0;
  let answered = 0;
  const sendStart = performance.now();
  const sendStartWall = Date.now();
  const progress = setInterval(() => {
    console.log(`  … ${f(answered)} of ${f(activities.length)} activities answered, ${f(connector.received.length)} welcome cards accepted`);
  }, 10_000);
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < activities.length; i = next++) {
        const a = activities[i];
        const t = performance.now();
        const status = await send(a.body).then((r) => r.status, (err) => `error: ${err instanceof Error ? err.message : err}`);
        latencies.push(performance.now() - t);
        answered++;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (a.kind === 'installationUpdate') answers.set(a.person.id, status);
      }
    }),
  );
  const acceptSeconds = (performance.now() - sendStart) / 1000;
  const installsAccepted = [...answers.values()].filter((s) => s === 200).length;
  console.log(`  ${f(installsAccepted)} installs accepted in ${acceptSeconds.toFixed(1)} s (${f(installsAccepted / acceptSeconds, 1)}/s); answers: ${JSON.stringify(statuses)}`);

  // Every queued welcome is in the table once its install has been answered: wait until none is open.
  const deadline = performance.now() + Math.max(120, (INSTALLS / rps) * 4) * 1000;
  let queue;
  for (;;) {
    queue = await withClient(databaseUrl, (c) =>
      c.query(`select count(*)::int as queued, count(*) filter (where status <> 'done')::int as open from announcements where kind = 'welcome'`),
    ).then((r) => r.rows[0]);
    if (queue.open === 0) break;
    if (performance.now() > deadline) {
      clearInterval(progress);
      throw new Error(`the welcome queue did not drain: ${JSON.stringify(queue)}`);
    }
    await sleep(500); // gently: this process also hosts the fake connector's clock
  }
  clearInterval(progress);
  const drainedSeconds = (performance.now() - sendStart) / 1000;
  const { deliveries, timeline } = await withClient(databaseUrl, async (c) => ({
    deliveries: await c.query(`select d.status, coalesce(d.reason, '') as reason, count(*)::int as n from deliveries d join announcements a on a.id = d.announcement_id where a.kind = 'welcome' group by 1, 2 order by 1, 2`)
      .then((r) => Object.fromEntries(r.rows.map((row) => [row.reason ? `${row.status} (${row.reason})` : row.status, row.n]))),
    // Seconds after the first install was sent (one machine, one clock).
    timeline: await c.query(
      `select extract(epoch from min(created_at)) * 1000 as first_queued, extract(epoch from max(created_at)) * 1000 as last_queued,
              extract(epoch from min(started_at)) * 1000 as first_started, extract(epoch from max(started_at)) * 1000 as last_started
       from announcements where kind = 'welcome'`,
    ).then((r) => Object.fromEntries(Object.entries(r.rows[0]).map(([k, ms]) => [k, (Number(ms) - sendStartWall) / 1000]))),
  }));
  await chorus.stop();

  // Who got how many: exactly one card each in their personal chat.
  const perChat = new Map();
  for (const r of connector.received) perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
  const counts = people.map((p) => perChat.get(`a:personal-${p.id}`) ?? 0);
  const stats = connector.stats();
  const times = connector.timeline.map((t) => t.at).sort((a, b) => a - b);
  const sendSeconds = times.length > 1 ? (times.at(-1) - times[0]) / 1000 : 0;
  const perSecond = [];
  for (const t of times) perSecond[Math.floor((t - times[0]) / 1000)] = (perSecond[Math.floor((t - times[0]) / 1000)] ?? 0) + 1;
  const sinceFirstInstall = (at) => (at - (performance.timeOrigin + sendStart)) / 1000;

  const row = {
    part: 'install wave (bot endpoint → welcome cards)',
    people: INSTALLS,
    limit: { name: 'Bot Connector', rps },
    requests: stats.requests,
    seconds: sendSeconds,
    requestsPerSecond: sendSeconds ? stats.requests / sendSeconds : 0,
    ratio: sendSeconds ? stats.requests / sendSeconds / rps : 0,
    peakPerSecond: stats.maxObservedRps,
    throttled: stats.byStatus[429] ?? 0,
    lost: counts.filter((n) => n === 0).length,
    twice: counts.filter((n) => n > 1).length,
  };
  const details = {
    inFlight: IN_FLIGHT,
    installsAccepted,
    answers: statuses,
    acceptSeconds,
    installsPerSecond: installsAccepted / acceptSeconds,
    answerLatencyMs: latencyStats(latencies),
    welcomesQueued: queue.queued,
    deliveries,
    cardsDelivered: connector.received.length,
    sentInline: connector.received.filter((r) => r.replyToId !== undefined).length,
    peakAcceptedPerSecond: stats.maxAcceptedRps,
    // Seconds after the first install was sent.
    timeline: { ...timeline, firstCard: times.length ? sinceFirstInstall(times[0]) : null, lastCard: times.length ? sinceFirstInstall(times.at(-1)) : null },
    physicsSeconds: INSTALLS / rps,
    drainedSeconds,
    cardsPerSecond: Array.from(perSecond, (n) => n ?? 0),
  };
  const checks = {
    lost: row.lost === 0,
    twice: row.twice === 0,
    throttled: row.throttled === 0,
    sentInline: details.sentInline === 0,
  };
  const passed = Object.values(checks).every(Boolean);
  await connector.stop();

  console.log(
    '\n' +
      table([
        ['installs accepted', 'time to accept', 'installs/s', 'answer p50 / p99', 'welcome cards', 'lost (0 cards)', 'twice (> 1)', 'sent inline', '429', 'peak in 1 s', 'sends/s ÷ 50/s'],
        [
          `${f(installsAccepted)} of ${f(INSTALLS)}`, `${acceptSeconds.toFixed(1)} s`, f(details.installsPerSecond, 1),
          `${f(details.answerLatencyMs.p50)} / ${f(details.answerLatencyMs.p99)} ms`, f(details.cardsDelivered), f(row.lost), f(row.twice),
          f(details.sentInline), f(row.throttled), `${f(row.peakPerSecond)} (${f(details.peakAcceptedPerSecond)} accepted)`, row.ratio.toFixed(3),
        ],
      ]).replace(/^/gm, '    '),
  );
  const t = details.timeline;
  console.log(
    `    after the first install was sent: welcomes queued ${t.first_queued.toFixed(1)}–${t.last_queued.toFixed(1)} s, started ${t.first_started.toFixed(1)}–${t.last_started.toFixed(1)} s,` +
      ` cards sent ${t.firstCard?.toFixed(1)}–${t.lastCard?.toFixed(1)} s (${f(INSTALLS)} ÷ ${rps}/s = ${details.physicsSeconds.toFixed(0)} s at best); queue seen drained at ${drainedSeconds.toFixed(1)} s`,
  );
  console.log(`    welcome deliveries: ${JSON.stringify(deliveries)}`);
  console.log(`    welcome cards per second: ${details.cardsPerSecond.join(' ')}`);
  console.log(
    `    lost ${row.lost} ${checks.lost ? '✓' : '✗'}, twice ${row.twice} ${checks.twice ? '✓' : '✗'}, 429 ${row.throttled} ${checks.throttled ? '✓' : '✗'}` +
      `, sent inline ${details.sentInline} ${checks.sentInline ? '✓' : '✗'}`,
  );
  return { ...row, checks, passed, details };
}

/**
 * Part 2: proactive installs. The shared row counts Graph's install requests: their rate from
 * the first to the last ÷ 30/s (the baseline is Graph's limit), peak, 429s; lost: people whose
 * item card was not sent; twice: chats with more than the item and the welcome.
 */
async function proactiveInstalls({ cleanup, settings, serverUrl }) {
  const { FakeBotConnector, TEAMS_GLOBAL_RPS } = await tsImport('../support/fake-bot-connector.ts', import.meta.url);
  const { FakeGraph } = await tsImport('../support/fake-graph.ts', import.meta.url);
  const { addReachablePeople } = await tsImport('../support/reachable.ts', import.meta.url);
  console.log(`\nProactive installs: an item announced to ${f(PROACTIVE)} people who never opened Chorus; the fake Graph enforces ${GRAPH_RPS} requests/s on the install endpoints`);

  const graph = await new FakeGraph().start();
  cleanup.add('stop the fake Graph', () => graph.stop());
  graph.installRps = GRAPH_RPS;
  graph.sentAtHeader = 'x-bench-sent-at';
  const connector = await new FakeBotConnector({ globalRps: TEAMS_GLOBAL_RPS, keepBodies: false, sentAtHeader: 'x-bench-sent-at' }).start();
  cleanup.add('stop the fake Bot Connector', () => connector.stop());
  const aad = (i) => `ffffffff-0000-4000-8000-${String(i).padStart(12, '0')}`;
  for (let i = 0; i < PROACTIVE; i++) graph.put({ id: aad(i), displayName: `Newcomer ${i}`, department: 'Proactive' });

  const store = await freshPostgres(cleanup, serverUrl);
  await store.seed(async (db) => {
    // Someone in the tenant has used Chorus (the admin who rolled it out): Teams told the bot where its chats live.
    await addReachablePeople(db, 1, { serviceUrl: connector.url, tenantId: TENANT, department: 'Proactive', prefix: 'known' });
    await db.query(
      `insert into people (display_name, aad_object_id, tenant_id, department)
       select 'Newcomer ' || n, 'ffffffff-0000-4000-8000-' || lpad(n::text, 12, '0'), $1, 'Proactive' from generate_series(0, $2::int - 1) as n`,
      [TENANT, PROACTIVE],
    );
  });
  const chorus = await startStampedChorus(cleanup, settings, {
    name: 'Chorus (proactive installs)',
    script: 'tests/bench/chorus-no-bot-token.mjs',
    env: {
      TEAMS_RATE_LIMIT_RPS: String(TEAMS_GLOBAL_RPS), ...store.env,
      MicrosoftAppId: 'bench-app', MicrosoftAppPassword: 'bench-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT,
      GRAPH_BASE_URL: graph.graphUrl, ENTRA_AUTHORITY_HOST: graph.url, DIRECTORY_SYNC_MINUTES: '0',
      PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: 'chorus-catalog-id',
    },
  });

  const admin = { authorization: 'Bearer dev.clara', 'content-type': 'application/json' };
  const call = async (method, pathName, body) => {
    const res = await fetch(chorus.url + pathName, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${pathName}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const item = await call('POST', '/api/v1/admin/items', {
    kind: 'article', title: 'Proactive bench', url: 'https://www.contoso.example/blog/proactive', why: 'Bench', language: 'en', topics: [],
    audience: { departments: ['Proactive'], locations: [] }, posts: { linkedin: 'Bench run', x: 'Bench run' }, hashtags: [],
  });
  await call('POST', `/api/v1/admin/items/${item.item.id}/publish`, {});
  const started = performance.now();
  const announcement = await call('POST', `/api/v1/admin/items/${item.item.id}/announce`, {});
  const deadline = started + Math.max(300, ((PROACTIVE * 3) / GRAPH_RPS) * 3) * 1000;
  let progress;
  let lastLog = 0;
  for (;;) {
    progress = await call('GET', `/api/v1/admin/announcements/${announcement.id}`);
    if (progress.status === 'done') break;
    if (performance.now() > deadline) throw new Error(`the announcement did not finish: ${JSON.stringify(progress.counts)}`);
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      console.log(`  … ${f(graph.installRequests.length)} Graph requests, ${f(progress.counts.installing)} waiting for their install, ${f(progress.counts.sent)} item cards sent`);
    }
    await sleep(1_000);
  }
  const doneSeconds = (performance.now() - started) / 1000;
  // The welcomes are queued as the installs end; let them go out before counting cards.
  for (;;) {
    const open = await withClient(store.env.DATABASE_URL, (c) => c.query(`select count(*)::int as n from announcements where kind = 'welcome' and status <> 'done'`)).then((r) => r.rows[0].n);
    if (open === 0) break;
    if (performance.now() > deadline) throw new Error(`${open} welcome announcements did not finish`);
    await sleep(1_000);
  }
  const installed = await withClient(store.env.DATABASE_URL, (c) =>
    c.query(`select status, count(*)::int as n from app_installs group by 1`).then((r) => Object.fromEntries(r.rows.map((row) => [row.status, row.n]))),
  );
  await chorus.stop();

  const times = [...graph.installRequests].sort((a, b) => a - b);
  const graphSeconds = times.length > 1 ? (times.at(-1) - times[0]) / 1000 : 0;
  let peak = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  const perChat = new Map();
  for (const r of connector.received) perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
  const chats = [...graph.installations.values()].map((apps) => apps.get('chorus-catalog-id')?.chatId);
  const row = {
    part: 'proactive installs (Graph → item + welcome)',
    people: PROACTIVE,
    limit: { name: 'Graph installs', rps: GRAPH_RPS },
    requests: times.length,
    seconds: graphSeconds,
    requestsPerSecond: graphSeconds ? times.length / graphSeconds : 0,
    ratio: graphSeconds ? times.length / graphSeconds / GRAPH_RPS : 0,
    peakPerSecond: peak,
    throttled: graph.installThrottled,
    lost: PROACTIVE + 1 - progress.counts.sent,
    twice: chats.filter((id) => (perChat.get(id) ?? 0) > 2).length,
  };
  const checks = {
    ratio: row.ratio >= TARGET_GRAPH_RATIO,
    installed: (installed.installed ?? 0) === PROACTIVE && chats.length === PROACTIVE,
    delivered: progress.counts.sent === PROACTIVE + 1 && progress.counts.failed === 0,
    twice: row.twice === 0,
  };
  const passed = Object.values(checks).every(Boolean);
  await connector.stop();
  await graph.stop();
  console.log(
    '\n' +
      table([
        ['people', 'Graph requests', 'in', 'requests/s', '÷ 30/s', 'peak in 1 s', '429', 'installed', 'item cards sent', 'announce → done', 'cards (item + welcome)'],
        [
          f(PROACTIVE), f(row.requests), `${graphSeconds.toFixed(1)} s`, f(row.requestsPerSecond, 1), row.ratio.toFixed(3), f(peak), f(row.throttled),
          f(installed.installed ?? 0), f(progress.counts.sent), `${doneSeconds.toFixed(1)} s`, f(connector.received.length),
        ],
      ]).replace(/^/gm, '    '),
  );
  console.log(
    `    Graph ÷ limit ${row.ratio.toFixed(3)} (target ≥ ${TARGET_GRAPH_RATIO}) ${checks.ratio ? '✓' : '✗'}, installed ${checks.installed ? '✓' : '✗'}` +
      `, delivered ${checks.delivered ? '✓' : '✗'}, twice ${row.twice} ${checks.twice ? '✓' : '✗'}; physics: ${f(PROACTIVE * 3)} requests ÷ ${GRAPH_RPS}/s = ${((PROACTIVE * 3) / GRAPH_RPS).toFixed(0)} s`,
  );
  return { ...row, checks, passed, details: { installed, counts: progress.counts, reasons: progress.reasons, doneSeconds, cards: connector.received.length } };
}

/**
 * A Chorus child on the bench's settings (development sign-in, no demo, no digests or results
 * rounds) plus `env`, whose every request carries when it left (stamp-departures.mjs), so the
 * fakes here judge their limits as the real services would see Chorus's pace.
 */
function startStampedChorus(cleanup, settings, { name, script, env }) {
  return startServer(cleanup, {
    name,
    script: path.join(root, script),
    execArgv: ['--import', pathToFileURL(path.join(root, 'tests/bench/stamp-departures.mjs')).href],
    env: (port) => ({
      NODE_ENV: 'test', HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: settings.logLevel === 'silent' ? 'warn' : settings.logLevel,
      AUTH_MODE: 'dev', SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', RESULTS_SCHEDULE: 'off', ...env,
    }),
    readyPath: '/readyz',
  });
}

const f = (n, d = 0) => Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// Bench entry "impact" (issue 12): personal results at company size on Postgres —
// 100,000 people, 10,000 items, 300,000 shares and 1,200,000 click rows (and a readers row
// per link and day with clicks). Each target endpoint is measured through the real Chorus
// process (`node dist/bot/main.js`) with 10 concurrent requests for different people (p95
// ≤ 50 ms), and in the same run the same answer is computed by a full scan of clicks (the
// query with index scans switched off, straight on Postgres, no HTTP), printed beside it
// with the ratio. The answers must agree.
//
// Another endpoint (the leaderboard) is one more entry in TARGETS below.
// Knobs: BENCH_IMPACT_REQUESTS (2000 per target), BENCH_IMPACT_SCAN_REQUESTS (40),
// BENCH_IMPACT_CONCURRENCY (10), BENCH_DATABASE_URL / DATABASE_URL.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { SIZE, seedCompany } from './company-data.mjs';
import { freshPostgres, measure, root, sleep, startServer, table, withClient } from './support.mjs';

export const title = 'my impact at company size (Postgres): p95 under 10 concurrent requests vs a full scan of clicks';
export const needs = ['bot'];

const TARGET_P95_MS = 50;
const REQUESTS = Number(process.env.BENCH_IMPACT_REQUESTS || 2_000);
const SCAN_REQUESTS = Number(process.env.BENCH_IMPACT_SCAN_REQUESTS || 40);
const CONCURRENCY = Number(process.env.BENCH_IMPACT_CONCURRENCY || 10);
// Leaderboard: requests right after a change of who is on the board (each ranks anew).
const RANKINGS = Number(process.env.BENCH_IMPACT_RANKINGS || 40);
const SAMPLE_PEOPLE = 500;
// Only the targets whose name contains this (e.g. "leaderboard"); all by default.
const ONLY = process.env.BENCH_IMPACT_ONLY || '';
// Point processing under the click bench's load: seconds of clicks, links clicked, connections.
const PROCESSING_SECONDS = Number(process.env.BENCH_IMPACT_PROCESSING_SECONDS || 20);
const PROCESSING_LINKS = 5_000;
const CLICK_CONNECTIONS = 50;

/**
 * What is measured: the request a person's tab sends, and the same answer by a full scan.
 * `fullScan(client, person)` returns what `compare(answer)` must equal.
 */
/** My impact's own statement with index scans switched off: what answering by scanning every click costs. */
async function impactByFullScan(client, impact, personId, period) {
  await client.query('begin');
  await client.query('set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off');
  const rows = (await client.query(impact.IMPACT_ROWS_SQL, impact.impactQueryParams(personId, period, 'Europe/Berlin'))).rows;
  await client.query('commit');
  return rows.reduce((t, r) => ({ shares: t.shares + r.shares, clicks: t.clicks + r.clicks, readers: t.readers + r.readers }), { shares: 0, clicks: 0, readers: 0 });
}

const TARGETS = [
  {
    // What the page asks for when it opens: the last 30 days.
    name: 'GET /api/v1/me/impact (default: 30 days)',
    path: () => '/api/v1/me/impact',
    compare: (answer) => answer.totals,
    fullScan: (client, { person, today, monthAgo, impact }) => impactByFullScan(client, impact, person.id, { from: monthAgo, to: today }),
  },
  {
    // The longest period it answers for: a year, per week.
    name: 'GET /api/v1/me/impact (a year)',
    path: ({ today, yearAgo }) => `/api/v1/me/impact?from=${yearAgo}&to=${today}`,
    compare: (answer) => answer.totals,
    fullScan: (client, { person, today, yearAgo, impact }) => impactByFullScan(client, impact, person.id, { from: yearAgo, to: today }),
  },
  ...['week', 'month', 'all'].map((period) => ({
    name: `GET /api/v1/leaderboard?period=${period}`,
    path: () => `/api/v1/leaderboard?period=${period}&teams=department`,
    compare: boardAnswer,
    scanned: 'full scan of the points ledger (SQL only)',
    afterChange: true,
    fullScan: (client, { person, periods }) => boardByFullScan(client, periods.periodWindow(period, new Date(), 'Europe/Berlin'), person.id),
  })),
];

/** What must agree on the board: the top 10's ranks and points (and entry ids), my rank and points, the teams shown. */
function boardAnswer(answer) {
  return {
    top: answer.top.map((e) => ({ rank: e.rank, boardId: e.boardId, points: e.points })),
    me: answer.me.optedIn ? { rank: answer.me.rank, points: answer.me.points } : null,
    teams: answer.teams.items.map((t) => ({ rank: t.rank, name: t.name, points: t.points })),
  };
}

/**
 * The board from every ledger row in the window, with index scans switched off: the
 * opted-in people's sums, ranked; teams of at least five opted-in members (ranked as the
 * domain's rankTeams does: by points, then name, the top 10).
 */
const BOARD_FULL_SCAN_SQL = `
  with scores as (
    select pr.person_id, pr.board_id, pe.department, coalesce(s.points, 0)::int as points
    from preferences pr
    join people pe on pe.id = pr.person_id
    left join (select person_id, sum(points) as points from points_ledger
               where occurred_at >= $1::timestamptz and occurred_at < $2::timestamptz group by person_id) s on s.person_id = pr.person_id
    where pr.leaderboard_opt_in and pr.board_id is not null
  ), ranked as (select *, rank() over (order by points desc)::int as rank from scores)
  select (select coalesce(json_agg(t), '[]') from (select rank, board_id as "boardId", points from ranked where points > 0 order by rank, board_id limit 10) t) as top,
         (select json_build_object('rank', rank, 'points', points) from ranked where person_id = $3::uuid) as me,
         (select coalesce(json_agg(t), '[]') from (select department as name, sum(points)::int as points from scores
            where department is not null group by department having count(*) >= 5) t) as teams`;

async function boardByFullScan(client, window, personId) {
  await client.query('begin');
  await client.query('set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off');
  const [row] = (await client.query(BOARD_FULL_SCAN_SQL, [window.from?.toISOString() ?? '-infinity', window.to?.toISOString() ?? 'infinity', personId])).rows;
  await client.query('commit');
  const shown = row.teams.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
  return {
    top: row.top,
    me: row.me,
    teams: shown.slice(0, 10).map((t) => ({ rank: 1 + shown.filter((o) => o.points > t.points).length, name: t.name, points: t.points })),
  };
}

export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const impact = await import(path.join(root, 'dist/bot/storage/repos/impact.js'));
  const { dayOf, addDays } = await import(path.join(root, 'dist/bot/domain/time/tenant-day.js'));
  const periods = await import(path.join(root, 'dist/bot/domain/points/periods.js'));
  const store = await freshPostgres(cleanup, serverUrl);
  console.log(`\nSeeding ${Object.entries(SIZE).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} …`);
  const seeded = await store.seed((db) => seedCompany(db, { samplePeople: SAMPLE_PEOPLE }));
  console.log(`  seeded in ${seeded.seconds.toFixed(0)} s: ${JSON.stringify(seeded.counts)}`);

  const chorus = await startServer(cleanup, {
    name: 'Chorus',
    script: path.join(root, 'dist/bot/main.js'),
    env: (port) => ({
      // development, not test: answers are not checked against their schemas (as in production); dev sign-in stays possible.
      NODE_ENV: 'development', HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: settings.logLevel === 'silent' ? 'warn' : settings.logLevel,
      AUTH_MODE: 'dev', SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', TENANT_TIME_ZONE: 'Europe/Berlin', ...store.env,
    }),
    readyPath: '/readyz',
  });
  const today = dayOf(Date.now(), 'Europe/Berlin');
  const yearAgo = addDays(today, -365);
  const monthAgo = addDays(today, -29);
  const people = seeded.sample;
  const results = { size: SIZE, seeded: seeded.counts, targets: {} };
  let ok = true;

  await withClient(store.env.DATABASE_URL, async (client) => {
    for (const target of TARGETS.filter((t) => t.name.includes(ONLY))) {
      const ask = async (i) => {
        const person = people[i % people.length];
        const res = await fetch(chorus.url + target.path({ person, today, yearAgo, monthAgo }), { headers: { authorization: `Bearer dev.${person.dev_key}` } });
        const body = await res.json();
        if (res.status !== 200) throw new Error(`${target.name}: ${res.status} ${JSON.stringify(body)}`);
        return body;
      };
      // Warm-up (every sampled person once: their rows in Postgres's cache, as for people who
      // use the page), and the answers agree with the full scan (a few people).
      await measure(people.length, CONCURRENCY, ask);
      // Three people on the board and two who are not (the sample is in hash order).
      for (const person of [...people.filter((p) => p.optedIn).slice(0, 3), ...people.filter((p) => !p.optedIn).slice(0, 2)]) {
        const answer = target.compare(await ask(people.indexOf(person)));
        const scanned = await target.fullScan(client, { person, today, yearAgo, monthAgo, impact, periods });
        if (JSON.stringify(answer) !== JSON.stringify(scanned)) throw new Error(`${target.name}: answers differ for ${person.dev_key}: ${JSON.stringify(answer)} vs ${JSON.stringify(scanned)}`);
      }
      const served = await measure(REQUESTS, CONCURRENCY, ask);
      // A board is ranked once and reused (storage/repos/board-cache.ts); what the first
      // request after a change costs (someone opted in or out: every board is ranked anew),
      // one request at a time.
      const afterChange = target.afterChange
        ? await measure(RANKINGS, 1, async (i) => {
            await client.query('update board_versions set members = members + 1 where id');
            return ask(i);
          })
        : undefined;
      // The full scan on its own connections, 10 at a time as well.
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({ connectionString: store.env.DATABASE_URL, max: CONCURRENCY });
      const scan = await measure(SCAN_REQUESTS, CONCURRENCY, async (i) => {
        const c = await pool.connect();
        try {
          await target.fullScan(c, { person: people[i % people.length], today, yearAgo, monthAgo, impact, periods });
        } finally {
          c.release();
        }
      });
      await pool.end();
      const passed = served.p95 <= TARGET_P95_MS;
      ok &&= passed;
      results.targets[target.name] = { served, fullScan: scan, ratio: scan.p95 / served.p95, passed };
      console.log(
        '\n' +
          table([
            [target.name, 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'],
            ['Chorus (HTTP, indexes)', served.requests, served.p50.toFixed(1), served.p95.toFixed(1), served.p99.toFixed(1), (served.requests / served.seconds).toFixed(0)],
            [target.scanned ?? 'full scan of clicks (SQL only)', scan.requests, scan.p50.toFixed(1), scan.p95.toFixed(1), scan.p99.toFixed(1), (scan.requests / scan.seconds).toFixed(1)],
          ]).replace(/^/gm, '    '),
      );
      console.log(`    full scan ÷ Chorus (p95): ${(scan.p95 / served.p95).toFixed(0)}×; Chorus p95 ${served.p95.toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms) ${passed ? '✓' : '✗'}`);
      if (afterChange) {
        results.targets[target.name].afterChange = afterChange;
        console.log(`    the first request after a change (ranks everyone again), one at a time: p50 ${afterChange.p50.toFixed(1)} ms, p95 ${afterChange.p95.toFixed(1)} ms, max ${afterChange.max.toFixed(1)} ms (${afterChange.requests} requests)`);
      }
    }
  });
  if (PROCESSING_SECONDS > 0) {
    const processing = await pointsKeepUp(chorus, store.env.DATABASE_URL);
    results.processing = processing;
    ok &&= !processing.growing;
  }
  await chorus.stop();
  return { ok, results };
}

/**
 * Point processing at the click bench's full rate: clicks through the real /l/ path with 50
 * connections for PROCESSING_SECONDS, while the points processor runs in Chorus as always
 * (the event-processors job, every second). Worst case for it: every click is a new reader
 * (its own user agent) on one of 5,000 shared links, so every flush of the click counter
 * (every 100 ms) brings a "readers counted" event with up to thousands of link-days, each
 * worth a ledger row. Samples the processor's lag (events in the log after its position,
 * and the reader counts in them) twice a second, and then how long it takes to drain.
 */
async function pointsKeepUp(chorus, databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const codes = (await client.query(`select code from links where code like 'B%' order by hashtext(code) limit ${PROCESSING_LINKS}`)).rows.map((r) => r.code);
    const lag = async () => {
      const [r] = (
        await client.query(`select p.last_id::bigint::text as position,
            (select count(*) from events e where e.id > p.last_id)::int as events,
            (select coalesce(sum(jsonb_array_length(e.payload->'counts')), 0) from events e where e.id > p.last_id and e.type = 'readers.counted')::int as counts
          from event_positions p where p.processor = 'points'`)
      ).rows;
      return r ?? { events: 0, counts: 0 };
    };
    const ledgerBefore = (await client.query(`select count(*)::int as n from points_ledger where reason = 'readers'`)).rows[0].n;
    const readersBefore = (await client.query(`select coalesce(sum(readers), 0)::int as n from link_readers`)).rows[0].n;
    console.log(`\n    Point processing: ${PROCESSING_SECONDS} s of clicks on ${codes.length.toLocaleString('en-US')} links, ${CLICK_CONNECTIONS} connections, every click a new reader …`);
    const samples = [];
    const t0 = performance.now();
    let n = 0;
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 bench-reader/';
    const clicking = new Promise((resolve, reject) =>
      autocannon(
        {
          url: chorus.url,
          connections: CLICK_CONNECTIONS,
          duration: PROCESSING_SECONDS,
          timeout: 10,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/l/${codes[n % codes.length]}`, headers: { ...req.headers, 'user-agent': ua + n++ } }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      ),
    );
    let done = false;
    void clicking.finally(() => (done = true));
    while (!done) {
      samples.push({ s: (performance.now() - t0) / 1000, ...(await lag()) });
      await sleep(500);
    }
    const clicks = await clicking;
    const clicksDone = clicks;
    const loadSeconds = (performance.now() - t0) / 1000;
    // Drained: how long after the clicks stop until the processor is at the end of the log.
    let drainSeconds;
    for (let waited = 0; waited < 120; waited += 0.5) {
      const l = await lag();
      samples.push({ s: (performance.now() - t0) / 1000, ...l, after: true });
      if (l.events === 0) {
        drainSeconds = (performance.now() - t0) / 1000 - loadSeconds;
        break;
      }
      await sleep(500);
    }
    const during = samples.filter((x) => !x.after);
    const quarter = Math.max(1, Math.floor(during.length / 4));
    const mean = (xs) => xs.reduce((a, x) => a + x.counts, 0) / Math.max(1, xs.length);
    const first = mean(during.slice(1, 1 + quarter));
    const last = mean(during.slice(-quarter));
    // Least-squares slope of the reader counts waiting, per second of load: over the whole run,
    // and over its second half (after the pipeline filled: a batch a second is always waiting).
    const slopeOf = (xs) => {
      const mx = xs.reduce((a, x) => a + x.s, 0) / xs.length;
      const my = mean(xs);
      return xs.reduce((a, x) => a + (x.s - mx) * (x.counts - my), 0) / Math.max(1e-9, xs.reduce((a, x) => a + (x.s - mx) ** 2, 0));
    };
    const slope = slopeOf(during);
    const secondHalfSlope = slopeOf(during.slice(Math.floor(during.length / 2)));
    const rate = clicksDone.requests.total / clicksDone.duration;
    // Growing: still rising in the second half by more than 5 % of the click rate, or not drained.
    const growing = drainSeconds === undefined || secondHalfSlope > 0.05 * rate;
    const ledgerAfter = (await client.query(`select count(*)::int as n from points_ledger where reason = 'readers'`)).rows[0].n;
    const readersAfter = (await client.query(`select coalesce(sum(readers), 0)::int as n from link_readers`)).rows[0].n;
    const rps = clicks.requests.total / clicks.duration;
    const result = {
      seconds: PROCESSING_SECONDS, links: codes.length, clicks: clicks.requests.total, rps, non2xx: clicks.non2xx - (clicks['3xx'] ?? 0), errors: clicks.errors,
      newReaders: readersAfter - readersBefore, newLedgerRows: ledgerAfter - ledgerBefore,
      lagCounts: { firstQuarterMean: first, lastQuarterMean: last, max: Math.max(...during.map((x) => x.counts)), slopePerSecond: slope, secondHalfSlopePerSecond: secondHalfSlope },
      drainSeconds, growing, samples,
    };
    const every = during.filter((_, i) => i % 2 === 0).map((x) => `${x.counts}`).join(' ');
    console.log(`    clicks: ${result.clicks.toLocaleString('en-US')} in ${clicks.duration} s = ${Math.round(rps).toLocaleString('en-US')} req/s (${clicks['3xx'] ?? 0} redirects, errors ${clicks.errors}, timeouts ${clicks.timeouts})`);
    console.log(`    new readers stored ${result.newReaders.toLocaleString('en-US')}, readers ledger rows added ${result.newLedgerRows.toLocaleString('en-US')}`);
    console.log(`    reader counts waiting for the points processor, once a second: ${every}`);
    console.log(`    first quarter mean ${first.toFixed(0)}, last quarter mean ${last.toFixed(0)}, max ${result.lagCounts.max}, slope ${slope.toFixed(0)}/s (second half ${secondHalfSlope.toFixed(0)}/s); ` +
      `drained ${drainSeconds === undefined ? 'NOT within 120 s' : `${drainSeconds.toFixed(1)} s after the clicks stopped`} — backlog ${growing ? 'GROWS ✗' : 'does not grow ✓'}`);
    return result;
  });
}

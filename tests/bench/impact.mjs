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
import { freshPostgres, median, root, startServer, table, withClient } from './support.mjs';

export const title = 'my impact at company size (Postgres): p95 under 10 concurrent requests vs a full scan of clicks';
export const needs = ['bot'];

const SIZE = { people: 100_000, items: 10_000, shares: 300_000, clickRows: 1_200_000 };
const TARGET_P95_MS = 50;
const REQUESTS = Number(process.env.BENCH_IMPACT_REQUESTS || 2_000);
const SCAN_REQUESTS = Number(process.env.BENCH_IMPACT_SCAN_REQUESTS || 40);
const CONCURRENCY = Number(process.env.BENCH_IMPACT_CONCURRENCY || 10);
const SAMPLE_PEOPLE = 500;

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
  // { name: 'GET /api/v1/leaderboard?period=month', path: () => …, compare: …, fullScan: … },
];

/** Company-size data in a few statements (generate_series, not row by row). */
export async function seed(db) {
  const t0 = performance.now();
  await db.exec(`
    insert into people (display_name, dev_key, language, joined_at)
      select 'Bench person ' || g, 'p' || g, case when g % 3 = 0 then 'de' else 'en' end, now() - interval '2 years'
      from generate_series(1, ${SIZE.people}) g;
    insert into items (kind, title, url, why, language, status, publish_at, campaign)
      select 'article', 'Bench item ' || g, 'https://www.contoso.example/blog/' || g, 'Why item ' || g, 'en', 'published', now() - interval '400 days', 'bench-' || g
      from generate_series(1, ${SIZE.items}) g;
    create temporary table bench_people as select id, row_number() over (order by dev_key) as n from people where dev_key like 'p%';
    create temporary table bench_items as select id, row_number() over (order by campaign) as n from items where campaign like 'bench-%';
    -- Share s (0-based): person s mod P, its k-th share (k = s div P), an item spread by a
    -- multiplicative hash and moved by k (so one person's shares never repeat an item and network).
    insert into links (code, item_id, person_id, network, created_at)
      select 'B' || lpad(to_hex(s), 9, '0'), i.id, p.id, (array['linkedin','x','facebook','xing'])[1 + (s + s / ${SIZE.people}) % 4], now() - (s % 365) * interval '1 day'
      from generate_series(0, ${SIZE.shares - 1}) s
      join bench_people p on p.n = 1 + s % ${SIZE.people}
      join bench_items i on i.n = 1 + (s::bigint * 104729 + (s / ${SIZE.people}) * 997) % ${SIZE.items}
      on conflict do nothing;
    -- Only the bench's own links (a demo link's random code may start with B as well).
    create temporary table bench_links as select l.* from links l join bench_people p on p.id = l.person_id;
    insert into shares (item_id, person_id, network, edited, link_code, created_at)
      select item_id, person_id, network, false, code, created_at from bench_links;
    -- Four click rows per link (minutes on four different days after the share).
    insert into clicks (link_code, minute, item_id, network, clicks)
      select l.code, date_trunc('minute', l.created_at + (k * 3 + 1) * interval '1 day' + (hashtext(l.code) % 600) * interval '1 minute'), l.item_id, l.network, 1 + (hashtext(l.code || k) & 7)
      from bench_links l cross join generate_series(0, ${SIZE.clickRows / SIZE.shares - 1}) k;
    insert into link_readers (link_code, day, item_id, network, readers)
      select link_code, (minute at time zone 'Europe/Berlin')::date, item_id, network, greatest(1, sum(clicks)::int - 1)
      from clicks where link_code in (select code from bench_links) group by 1, 2, 3, 4
      on conflict do nothing;
  `);
  // Vacuumed now, so autovacuum does not start on a million fresh rows while the bench measures.
  await db.exec('vacuum analyze');
  const counts = await db.query(`select (select count(*) from people)::int people, (select count(*) from items)::int items,
    (select count(*) from shares)::int shares, (select count(*) from clicks)::int clicks, (select count(*) from link_readers)::int readers`);
  const sample = await db.query(`select p.id, p.dev_key from people p where p.dev_key like 'p%' and exists (select 1 from shares s where s.person_id = p.id)
    order by hashtext(p.dev_key) limit ${SAMPLE_PEOPLE}`);
  return { counts: counts[0], sample, seconds: (performance.now() - t0) / 1000 };
}

/** `total` requests, `concurrency` at a time; latencies in ms. */
async function measure(total, concurrency, once) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await once(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { requests: total, seconds: (performance.now() - started) / 1000, p50: median(sorted), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) };
}

export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const impact = await import(path.join(root, 'dist/bot/storage/repos/impact.js'));
  const { dayOf, addDays } = await import(path.join(root, 'dist/bot/domain/time/tenant-day.js'));
  const store = await freshPostgres(cleanup, serverUrl);
  console.log(`\nSeeding ${Object.entries(SIZE).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} …`);
  const seeded = await store.seed(seed);
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
    for (const target of TARGETS) {
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
      for (const person of people.slice(0, 5)) {
        const answer = target.compare(await ask(people.indexOf(person)));
        const scanned = await target.fullScan(client, { person, today, yearAgo, monthAgo, impact });
        if (JSON.stringify(answer) !== JSON.stringify(scanned)) throw new Error(`${target.name}: answers differ for ${person.dev_key}: ${JSON.stringify(answer)} vs ${JSON.stringify(scanned)}`);
      }
      const served = await measure(REQUESTS, CONCURRENCY, ask);
      // The full scan on its own connections, 10 at a time as well.
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({ connectionString: store.env.DATABASE_URL, max: CONCURRENCY });
      const scan = await measure(SCAN_REQUESTS, CONCURRENCY, async (i) => {
        const c = await pool.connect();
        try {
          await target.fullScan(c, { person: people[i % people.length], today, yearAgo, monthAgo, impact });
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
            ['full scan of clicks (SQL only)', scan.requests, scan.p50.toFixed(1), scan.p95.toFixed(1), scan.p99.toFixed(1), (scan.requests / scan.seconds).toFixed(1)],
          ]).replace(/^/gm, '    '),
      );
      console.log(`    full scan ÷ Chorus (p95): ${(scan.p95 / served.p95).toFixed(0)}×; Chorus p95 ${served.p95.toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms) ${passed ? '✓' : '✗'}`);
    }
  });
  await chorus.stop();
  return { ok, results };
}

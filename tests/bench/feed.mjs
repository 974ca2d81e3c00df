// Bench entry "feed" (issue 13 §6): the employee feed at company size on Postgres — the
// company of the impact bench (100,000 people, 10,000 items, 300,000 shares, 1,200,000
// click rows; ./company-data.mjs) with items as a content team makes them: both languages,
// published over 400 days, some for one department or location only, some expired,
// archived, drafts or scheduled, with suggested posts. `GET /api/v1/items?limit=20` (what
// the tab asks for when it opens) is measured through the real Chorus process
// (`node dist/bot/main.js`) with 10 concurrent requests (autocannon, 10 keep-alive
// connections) for 500 different people in turn (target: p95 ≤ 25 ms), and beside it, in
// the same run and the same way, alternating per round, a baseline: the same server
// answering a fixed page of the same size through the same sign-in and permission check
// (BENCH_BASELINE; http/bench-baseline.ts), so the difference is the feed's own work.
// Before measuring, the first two pages of several people are compared with the same feed
// computed by plain SQL.
//
// Knobs: BENCH_FEED_REQUESTS (2000 per round and endpoint), BENCH_FEED_ROUNDS (3),
// BENCH_FEED_CONCURRENCY (10), BENCH_DATABASE_URL / DATABASE_URL.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SIZE, seedCompany } from './company-data.mjs';
import autocannon from 'autocannon';
import { freshPostgres, latencyStats, root, startServer, table, withClient } from './support.mjs';

export const title = 'employee feed at company size (Postgres): p95 under 10 concurrent requests vs a fixed page through the same server';
export const needs = ['bot'];

const TARGET_P95_MS = 25;
const REQUESTS = Number(process.env.BENCH_FEED_REQUESTS || 2_000);
const ROUNDS = Number(process.env.BENCH_FEED_ROUNDS || 3);
const CONCURRENCY = Number(process.env.BENCH_FEED_CONCURRENCY || 10);
const SAMPLE_PEOPLE = 500;
const PAGE = 20;

/**
 * The bench items as a content team makes them (n: the item's number). A third German; one
 * published per ~hour over 400 days; every tenth for one department, every twentieth for
 * Munich only; some expired, archived, drafts, or scheduled for the coming days; a topic, a
 * hashtag, half with an image; suggested posts for two to four networks.
 */
export async function varyItems(db) {
  await db.exec(`
    create temporary table bench_item_n as select id, row_number() over (order by campaign) as n from items where campaign like 'bench-%';
    update items i set
      kind = (array['article', 'job', 'event', 'video', 'product'])[1 + b.n % 5],
      language = case when b.n % 3 = 0 then 'de' else 'en' end,
      why = 'Why item ' || b.n || ': ' || repeat('a reason colleagues gladly share it. ', 3),
      topics = array[(array['careers', 'product', 'events', 'culture', 'sustainability'])[1 + b.n % 5]],
      hashtags = array['#contoso', '#bench' || (b.n % 7)],
      image_url = case when b.n % 2 = 0 then 'https://www.contoso.example/img/' || b.n || '.jpg' end,
      audience_departments = case when b.n % 10 = 1 then array['Department ' || lpad((1 + b.n % 600)::text, 3, '0')] else '{}' end,
      audience_locations = case when b.n % 20 = 2 then array['Munich'] else '{}' end,
      status = case when b.n % 100 = 9 then 'draft' when b.n % 100 = 11 then 'scheduled' when b.n % 50 = 7 then 'archived' else 'published' end,
      publish_at = case when b.n % 100 = 9 then null
                        when b.n % 100 = 11 then now() + (1 + b.n % 10) * interval '1 day'
                        else now() - (b.n * interval '58 minutes') end,
      expires_at = case when b.n % 20 = 5 then now() - (b.n * interval '58 minutes') + interval '30 days' end
    from bench_item_n b where b.id = i.id;
    insert into item_posts (item_id, network, text)
      select b.id, nw.network, 'Suggested ' || nw.network || ' post for item ' || b.n || '. ' || repeat('Something worth reading. ', 4)
      from bench_item_n b
      cross join (values ('linkedin', 0), ('x', 0), ('facebook', 2), ('xing', 3)) nw(network, every)
      where nw.every = 0 or b.n % nw.every = 0;
  `);
  await db.exec('vacuum analyze items, item_posts');
  const [live] = await db.query(`select count(*) filter (where status in ('published', 'scheduled') and publish_at <= now() and (expires_at is null or expires_at > now()))::int as live,
    count(*)::int as items from items`);
  return live;
}

/**
 * The same feed by plain SQL: live items meant for the person's department and location,
 * their language first, newest first; their networks and the clicks on their links. The
 * first `limit` rows.
 */
const FEED_BY_SQL = `
  select i.id,
         coalesce((select array_agg(distinct s.network order by s.network) from shares s where s.item_id = i.id and s.person_id = p.id), '{}') as networks,
         (select coalesce(sum(c.clicks), 0)::int from links l join clicks c on c.link_code = l.code where l.item_id = i.id and l.person_id = p.id) as clicks
  from items i join people p on p.id = $1
  where i.status in ('published', 'scheduled') and i.publish_at <= now() and (i.expires_at is null or i.expires_at > now())
    and (i.audience_departments = '{}' or p.department = any(i.audience_departments))
    and (i.audience_locations = '{}' or p.location = any(i.audience_locations))
  order by i.language = p.language desc, i.publish_at desc, i.id desc
  limit $2`;

async function checkAnswers(client, ask, people) {
  for (const person of people) {
    const first = await ask(person);
    const second = first.nextCursor ? await ask(person, first.nextCursor) : { items: [] };
    const served = [...first.items, ...second.items].map((i) => ({ id: i.id, networks: [...i.mine.networks].sort(), clicks: i.mine.clicks }));
    const expected = (await client.query(FEED_BY_SQL, [person.id, 2 * PAGE])).rows;
    if (JSON.stringify(served) !== JSON.stringify(expected)) {
      throw new Error(`feed differs from SQL for ${person.dev_key}:\n  served   ${JSON.stringify(served)}\n  expected ${JSON.stringify(expected)}`);
    }
  }
}

/**
 * `amount` requests for `path`, `CONCURRENCY` at a time over keep-alive connections, each
 * signed in as the next person of `people`; autocannon (not fetch) so that the load
 * generator takes as little of the two cores as it can. Latencies in ms, from autocannon's
 * per-response times.
 */
function hammer(url, path, people, amount, latencies = []) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const started = performance.now();
    let ended;
    const instance = autocannon(
      {
        url, connections: CONCURRENCY, pipelining: 1, amount, timeout: 10, sampleInt: 100,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path, headers: { ...req.headers, authorization: `Bearer dev.${people[n++ % people.length].dev_key}` } }) }],
      },
      (err, result) => {
        if (err) return reject(err);
        if (result.non2xx || result.errors || result.timeouts) return reject(new Error(`${path}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`));
        resolve({ requests: latencies.length, seconds: ((ended ?? performance.now()) - started) / 1000, ...latencyStats(latencies) });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
      if (latencies.length === amount) ended = performance.now();
    });
  });
}

export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const store = await freshPostgres(cleanup, serverUrl);
  console.log(`\nSeeding ${Object.entries(SIZE).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} …`);
  const seeded = await store.seed(async (db) => ({ ...(await seedCompany(db, { samplePeople: SAMPLE_PEOPLE })), items: await varyItems(db) }));
  console.log(`  seeded in ${seeded.seconds.toFixed(0)} s: ${JSON.stringify({ ...seeded.counts, liveItems: seeded.items.live })}`);

  const chorus = await startServer(cleanup, {
    name: 'Chorus',
    script: path.join(root, 'dist/bot/main.js'),
    execArgv: settings.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.tmp', 'bench-prof')}`] : [],
    env: (port) => ({
      // development, not test: answers are not checked against their schemas (as in production); dev sign-in stays possible.
      NODE_ENV: 'development', HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: settings.logLevel === 'silent' ? 'warn' : settings.logLevel,
      AUTH_MODE: 'dev', SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', RESULTS_SCHEDULE: 'off', TENANT_TIME_ZONE: 'Europe/Berlin', BENCH_BASELINE: 'true', ...store.env,
    }),
    readyPath: '/readyz',
  });
  const people = seeded.sample;
  const request = async (pathAndQuery, person) => {
    const res = await fetch(chorus.url + pathAndQuery, { headers: { authorization: `Bearer dev.${person.dev_key}` } });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const feed = (person, cursor) => request(`/api/v1/items?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, person);
  const endpoints = [
    { name: `GET /api/v1/items?limit=${PAGE}`, path: `/api/v1/items?limit=${PAGE}` },
    { name: 'baseline: fixed page, same server', path: '/api/v1/bench/fixed-feed' },
  ];

  const results = { size: SIZE, seeded: { ...seeded.counts, ...seeded.items }, concurrency: CONCURRENCY, rounds: [] };
  await withClient(store.env.DATABASE_URL, async (client) => {
    // Checked people: both languages, someone in a department with items only for it, and
    // people who shared items on their first page (their networks and clicks show).
    const { rows: sharers } = await client.query(`
      with page as (select id from items where status = 'published' and publish_at <= now() and expires_at is null
                      and audience_departments = '{}' and audience_locations = '{}' and language = 'en' order by publish_at desc limit ${PAGE})
      select distinct p.id, p.dev_key from shares s join page on page.id = s.item_id join people p on p.id = s.person_id
      where p.dev_key like 'p%' and p.language = 'en' order by p.dev_key limit 2`);
    const { rows: targeted } = await client.query(`
      select p.id, p.dev_key from people p where p.dev_key like 'p%' and p.location = 'Munich' and p.language = 'de'
        and p.department in (select unnest(audience_departments) from items where status = 'published' and publish_at > now() - interval '30 days')
      order by p.dev_key limit 1`);
    const checked = [...people.slice(0, 3), ...sharers, ...targeted];
    // The fixed page is the first caller's: a person whose page the size check below reads too.
    await fetch(chorus.url + endpoints[1].path, { headers: { authorization: `Bearer dev.${people[1].dev_key}` } }).then((r) => r.arrayBuffer());
    // Warm-up: every sampled person once on both (their rows in Postgres's cache, the server's code hot).
    for (const endpoint of endpoints) await hammer(chorus.url, endpoint.path, people, people.length);
    await checkAnswers(client, feed, checked);
    console.log(`  first two pages agree with plain SQL for ${checked.length} people (${checked.map((p) => p.dev_key).join(', ')})`);
    // The baseline answers a page like the feed's: the same twenty items as that person's feed.
    const bytes = async (path) => (await (await fetch(chorus.url + path, { headers: { authorization: `Bearer dev.${people[1].dev_key}` } })).text()).length;
    results.pageBytes = { feed: await bytes(endpoints[0].path), baseline: await bytes(endpoints[1].path) };
    console.log(`  page sizes: feed ${results.pageBytes.feed} bytes, baseline ${results.pageBytes.baseline} bytes`);
  });

  const all = endpoints.map(() => ({ latencies: [], requests: 0, seconds: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    const row = { load: Number(os.loadavg()[0].toFixed(2)) };
    for (const [k, endpoint] of endpoints.entries()) {
      const latencies = [];
      const m = await hammer(chorus.url, endpoint.path, people, REQUESTS, latencies);
      all[k].latencies.push(...latencies);
      all[k].requests += m.requests;
      all[k].seconds += m.seconds;
      row[k === 0 ? 'feed' : 'baseline'] = { p50: m.p50, p95: m.p95, p99: m.p99, rps: m.requests / m.seconds };
    }
    results.rounds.push(row);
    console.log(`  round ${round + 1}: load ${row.load}; feed p50 ${row.feed.p50.toFixed(1)} / p95 ${row.feed.p95.toFixed(1)} ms (${row.feed.rps.toFixed(0)}/s), baseline p50 ${row.baseline.p50.toFixed(1)} / p95 ${row.baseline.p95.toFixed(1)} ms (${row.baseline.rps.toFixed(0)}/s)`);
  }
  await chorus.stop();

  const [servedFeed, servedBase] = all.map((a) => ({ requests: a.requests, seconds: a.seconds, rps: a.requests / a.seconds, ...latencyStats(a.latencies) }));
  const passed = servedFeed.p95 <= TARGET_P95_MS;
  Object.assign(results, { feed: servedFeed, baseline: servedBase, ratioP95: servedFeed.p95 / servedBase.p95, ratioP50: servedFeed.p50 / servedBase.p50, loadAfter: os.loadavg(), passed });
  console.log(
    '\n' +
      table([
        [`${CONCURRENCY} concurrent, ${ROUNDS} × ${REQUESTS} requests`, 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'],
        ...[servedFeed, servedBase].map((s, k) => [endpoints[k].name, s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1), s.rps.toFixed(0)]),
      ]).replace(/^/gm, '    '),
  );
  console.log(`    feed ÷ baseline: p50 ${results.ratioP50.toFixed(2)}×, p95 ${results.ratioP95.toFixed(2)}×; feed p95 ${servedFeed.p95.toFixed(1)} ms (target ≤ ${TARGET_P95_MS} ms) ${passed ? '✓' : '✗'}`);
  console.log(`    load average (1/5/15 min) after: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} on ${os.cpus().length} cores`);
  return { ok: passed, results };
}

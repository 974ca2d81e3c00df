// Bench entry "analytics" (issue 13, Benchmark): the content team's dashboard at company size
// on Postgres — 100,000 people, 10,000 items, 300,000 shares, 1,200,000 click rows (the
// company of the impact bench), plus what only the dashboard reads: topics, posting hours
// spread over the day, a personal chat per person, one item announced to everybody (its
// funnel), conversions and a cost per click per network.
//
// 1. `npm run analytics:backfill` (the real command) fills the daily aggregates; its time is
//    printed — what the back-fill costs at company size.
// 2. Each dashboard request is measured through the real Chorus process (`node
//    dist/bot/main.js`), 4 at a time (p95 ≤ 100 ms), and in the same run the same answer is
//    computed from the raw rows (shares, clicks, unique readers and conversions joined with
//    links, people and items, straight on Postgres, no HTTP; the ≥ 5 rule and the funnel's
//    stages by the same domain functions the service uses). The answers must agree.
// 3. CSV: a second database where 100,000 items have five sharers each (every item is a row
//    of the item breakdown); the item breakdown is downloaded as CSV from a fresh Chorus
//    process while its resident memory (VmRSS) is sampled every 50 ms: it must grow by less
//    than 50 MB.
//
// Chorus runs with ANALYTICS_REFRESH_SECONDS=60 (its default; BENCH_ANALYTICS_REFRESH_SECONDS
// changes it): the first request of each target computes its answer and is timed alone; the
// measured ones are served what was computed (the data does not change during the run).
//
// Knobs: BENCH_ANALYTICS_REQUESTS (100 per target), BENCH_ANALYTICS_RAW_REQUESTS (4),
// BENCH_ANALYTICS_CONCURRENCY (4), BENCH_ANALYTICS_ONLY (targets whose name contains it;
// "csv" for the CSV part alone), BENCH_ANALYTICS_CSV_ITEMS (100000; 0 skips the CSV part),
// BENCH_ANALYTICS_KEEP=1 keeps the seeded company database (printed) and
// BENCH_ANALYTICS_DATABASE_URL reuses one (no seeding, no back-fill) — for working on a query.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seedCompany } from './company-data.mjs';
import { createBenchDatabase, measure, root, sleep, startServer, table, withClient } from './support.mjs';

export const title = 'analytics dashboard at company size (Postgres): p95 under 4 concurrent requests vs the same answer from raw rows; CSV export memory';
export const needs = ['bot'];

const TZ = 'Europe/Berlin';
const TARGET_P95_MS = 50 * 2;
const CSV_GROWTH_LIMIT_MB = 50;
const REQUESTS = Number(process.env.BENCH_ANALYTICS_REQUESTS || 100);
const RAW_REQUESTS = Number(process.env.BENCH_ANALYTICS_RAW_REQUESTS || 4);
const CONCURRENCY = Number(process.env.BENCH_ANALYTICS_CONCURRENCY || 4);
const WARM_UP = 8;
// How long Chorus serves a computed answer (ANALYTICS_REFRESH_SECONDS; its default is 60).
const REFRESH_SECONDS = Number(process.env.BENCH_ANALYTICS_REFRESH_SECONDS ?? 60);
const ONLY = process.env.BENCH_ANALYTICS_ONLY || '';
const CSV_ITEMS = Number(process.env.BENCH_ANALYTICS_CSV_ITEMS ?? 100_000);
const CSV_SHARERS = 5;
const KEEP = process.env.BENCH_ANALYTICS_KEEP === '1';
const REUSE_URL = process.env.BENCH_ANALYTICS_DATABASE_URL || '';
const ADMIN = { authorization: 'Bearer dev.clara' }; // the demo company's admin
const TOPICS = ['careers', 'products', 'culture', 'events', 'sustainability', 'research', 'finance', 'community'];
const COST_PER_CLICK = { linkedin: 1.8, x: 0.6, facebook: 0.9, xing: 1.2 };

/**
 * What only the dashboard reads, on top of the company: topics (one or two per item),
 * posting hours spread over 16 hours of the day, a personal chat per person (2 % blocked:
 * "reachable"), the busiest item announced to everybody (delivered to those reachable, 3 %
 * failed; reads, share pages opened), conversions for every 97th link, and rates per network.
 */
async function seedDashboard(db) {
  const t0 = performance.now();
  await db.exec(`
    insert into topics (id, name_de, name_en)
      select t, initcap(t) || ' (de)', initcap(t) from unnest(array[${TOPICS.map((t) => `'${t}'`).join(', ')}]) t
      on conflict do nothing;
    update items set topics = case when substr(campaign, 7)::int % 3 = 0
        then array[(array[${TOPICS.map((t) => `'${t}'`).join(', ')}])[1 + substr(campaign, 7)::int % ${TOPICS.length}], (array[${TOPICS.map((t) => `'${t}'`).join(', ')}])[1 + (substr(campaign, 7)::int / 7) % ${TOPICS.length}]]
        else array[(array[${TOPICS.map((t) => `'${t}'`).join(', ')}])[1 + substr(campaign, 7)::int % ${TOPICS.length}]] end
      where campaign like 'bench-%';
    -- The company seed posts everything at the hour the bench started; spread it over 16 hours.
    -- Only the company's links (a demo link's random code may start with B as well).
    create temporary table dash_links as select l.code from links l join people p on p.id = l.person_id where p.dev_key like 'p%';
    update links set created_at = created_at - (hashtext(code) & 15) * interval '1 hour' where code in (select code from dash_links);
    update shares s set created_at = l.created_at from links l where l.code = s.link_code and l.code in (select code from dash_links);
    insert into conversations (id, kind, tenant_id, service_url, person_id, reference, status)
      select 'bench-chat-' || dev_key, 'personal', 'bench-tenant', 'https://smba.trafficmanager.net/emea/', id, '{}'::jsonb,
             case when hashtext(dev_key) % 50 = 0 then 'blocked' else 'active' end
      from people where dev_key like 'p%';
    create temporary table busy as
      select item_id from shares where link_code in (select code from dash_links) group by item_id order by count(*) desc, item_id limit 1;
    insert into announcements (kind, payload, priority, send_at, status, started_at, finished_at, live_key)
      select 'item', jsonb_build_object('itemId', item_id), 0, now() - interval '20 days', 'done', now() - interval '20 days', now() - interval '20 days', item_id::text from busy;
    insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, status, reason, attempts, sent_at)
      select a.id, c.person_id, c.id, c.tenant_id, case when hashtext(c.id) % 33 = 0 then 'failed' else 'sent' end,
             case when hashtext(c.id) % 33 = 0 then 'gone' end, 1, case when hashtext(c.id) % 33 = 0 then null else now() - interval '20 days' end
      from conversations c, announcements a
      where c.id like 'bench-chat-%' and c.status = 'active' and a.kind = 'item' and a.payload->>'itemId' = (select item_id::text from busy);
    insert into announcement_reads (announcement_id, reads)
      select announcement_id, (count(*) * 0.6)::int from deliveries d join announcements a on a.id = d.announcement_id
      where a.payload->>'itemId' = (select item_id::text from busy) and d.status = 'sent' group by 1;
    insert into read_receipts_seen (id, last_at) values (true, now()) on conflict do nothing;
    insert into share_tokens (token, item_id, person_id, created_at, opened_at)
      select 'bench-token-' || d.person_id, b.item_id, d.person_id, now() - interval '20 days', now() - interval '20 days'
      from deliveries d join announcements a on a.id = d.announcement_id, busy b
      where a.payload->>'itemId' = b.item_id::text and (hashtext(d.person_id::text) % 40 = 0
         or d.person_id in (select person_id from shares where item_id = b.item_id))
      on conflict do nothing;
    insert into conversion_sources (name) values ('Bench careers site');
    insert into conversions (source_id, event_id, input, link_code, item_id, person_id, network, type, occurred_at, day)
      select (select id from conversion_sources where name = 'Bench careers site'), 'bench-' || l.code, '{}', l.code, l.item_id, l.person_id, l.network,
             'application', l.created_at + interval '2 days', ((l.created_at + interval '2 days') at time zone '${TZ}')::date
      from links l where l.code in (select code from dash_links) and hashtext(l.code) % 97 = 0;
    update analytics_settings set cost_per_click = '${JSON.stringify(COST_PER_CLICK)}'::jsonb, updated_at = now() where id;
  `);
  await db.exec('vacuum analyze');
  const [counts] = await db.query(`select (select count(*) from conversations)::int conversations, (select count(*) from deliveries)::int deliveries,
    (select count(*) from conversions)::int conversions, (select count(*) from share_tokens where opened_at is not null)::int "opened"`);
  return { counts, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The CSV database: 100,000 items, each shared by five different people (links and shares
 * within the last 80 days), and a click row per link — every item a row of the item breakdown.
 */
async function seedCsv(db, items) {
  const t0 = performance.now();
  const people = Math.max(CSV_SHARERS * 4, Math.ceil(items / 5));
  await db.exec(`
    insert into people (display_name, dev_key, language, joined_at, department, location)
      select 'CSV person ' || g, 'csv' || g, 'en', now() - interval '2 years', 'Department ' || (g % 40), 'Berlin'
      from generate_series(1, ${people}) g;
    insert into items (kind, title, url, why, language, status, publish_at, campaign)
      select 'article', case when g % 1000 = 0 then '=HYPERLINK("https://evil.example","CSV item ' || g || '")' else 'CSV item ' || g end,
             'https://www.contoso.example/csv/' || g, 'Why ' || g, 'en', 'published', now() - interval '100 days', 'csv-' || g
      from generate_series(1, ${items}) g;
    create temporary table csv_people as select id, row_number() over (order by dev_key) as n from people where dev_key like 'csv%';
    create temporary table csv_items as select id, row_number() over (order by campaign) as n from items where campaign like 'csv-%';
    -- Item i's k-th share (k < 5): person (i · 5 + k) mod P — five different people per item.
    insert into links (code, item_id, person_id, network, created_at)
      select 'C' || lpad(to_hex(i.n * ${CSV_SHARERS} + k), 9, '0'), i.id, p.id, (array['linkedin','x','facebook','xing'])[1 + (i.n + k) % 4],
             now() - ((i.n + k) % 80) * interval '1 day'
      from csv_items i cross join generate_series(0, ${CSV_SHARERS - 1}) k
      join csv_people p on p.n = 1 + (i.n * ${CSV_SHARERS} + k) % ${people};
    -- Only the bench's own links (a demo link's random code may start with C as well).
    create temporary table csv_links as select l.* from links l join csv_people p on p.id = l.person_id;
    insert into shares (item_id, person_id, network, edited, link_code, created_at)
      select item_id, person_id, network, false, code, created_at from csv_links;
    insert into clicks (link_code, minute, item_id, network, clicks)
      -- Clicked in the minute it was posted: every click inside the period (a click a day later
      -- fell after today for the links posted today, and their items below five clickers).
      select code, date_trunc('minute', created_at), item_id, network, 1 + (hashtext(code) & 7) from csv_links;
  `);
  await db.exec('vacuum analyze');
  const [counts] = await db.query(`select (select count(*) from people)::int people, (select count(*) from items)::int items,
    (select count(*) from shares)::int shares, (select count(*) from clicks)::int clicks`);
  return { counts, seconds: (performance.now() - t0) / 1000 };
}

/** Migrates and seeds the demo company (its admin signs in), then `fn`. */
async function prepare(url, fn) {
  const { openPostgres } = await import(path.join(root, 'dist/bot/storage/db.js'));
  const { migrate } = await import(path.join(root, 'dist/bot/storage/migrate.js'));
  const { seedDemo } = await import(path.join(root, 'dist/bot/storage/seed-demo.js'));
  const db = openPostgres(url);
  try {
    await migrate(db);
    await seedDemo(db, 'http://localhost');
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The real `npm run analytics:backfill` (its compiled CLI) on `url`: wall time and what it printed. */
function backfill(url) {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'dist/bot/analytics-backfill-cli.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', DATABASE_URL: url, TENANT_TIME_ZONE: TZ, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`analytics:backfill failed: ${result.stderr || result.stdout}`);
  return { seconds: (performance.now() - t0) / 1000, output: result.stdout.trim() };
}

// ---- the same answers from raw rows ---------------------------------------------------

/**
 * Every share, click row, unique-readers row and conversion of tenant days $1..$2 (zone $3),
 * with whose link it was (sharer, item, network) and when that was posted — straight from
 * the raw tables, no aggregates.
 */
const RAW_ACTIVITY = `
  raw as (
    select (coalesce(s.first_at, s.created_at) at time zone $3)::date as day, s.item_id, s.network, s.person_id, coalesce(s.first_at, s.created_at) as posted, 1 as shares, 0 as clicks, 0 as readers, 0 as conversions
      from shares s where (coalesce(s.first_at, s.created_at) at time zone $3)::date between $1::date and $2::date
    union all
    select (c.minute at time zone $3)::date, l.item_id, l.network, l.person_id, l.created_at, 0, c.clicks, 0, 0
      from clicks c join links l on l.code = c.link_code where (c.minute at time zone $3)::date between $1::date and $2::date
    union all
    select r.day, l.item_id, l.network, l.person_id, l.created_at, 0, 0, r.readers, 0
      from link_readers r join links l on l.code = r.link_code where r.day between $1::date and $2::date
    union all
    select v.day, l.item_id, l.network, l.person_id, l.created_at, 0, 0, 0, 1
      from conversions v join links l on l.code = v.link_code where v.day between $1::date and $2::date
  )`;

/** The fewest people behind a group's shares, clicks and readers — the number the ≥ 5 rule checks (as storage does). */
const PEOPLE_BEHIND = `coalesce(least(
    nullif(count(distinct raw.person_id) filter (where raw.shares > 0), 0),
    nullif(count(distinct raw.person_id) filter (where raw.clicks > 0), 0),
    nullif(count(distinct raw.person_id) filter (where raw.readers > 0), 0)), 0)::int`;

async function rawPeriod(client, period) {
  const rows = (
    await client.query(
      `with ${RAW_ACTIVITY}
       select network, sum(shares)::int as shares, sum(clicks)::int as clicks, sum(readers)::int as readers, sum(conversions)::int as conversions,
              count(distinct person_id) filter (where shares > 0)::int as sharers, count(distinct person_id) filter (where clicks > 0)::int as clickers,
              count(distinct person_id) filter (where readers > 0)::int as readers_of, count(distinct person_id) filter (where conversions > 0)::int as converters
       from raw group by grouping sets ((network), ())`,
      [period.from, period.to, TZ],
    )
  ).rows;
  const all = rows.find((r) => r.network === null) ?? { shares: 0, clicks: 0, readers: 0, conversions: 0, sharers: 0, clickers: 0, readers_of: 0, converters: 0 };
  const clicksByNetwork = {};
  for (const r of rows) if (r.network !== null && r.clicks > 0) clicksByNetwork[r.network] = { clicks: r.clicks, people: r.clickers };
  return { ...all, clicksByNetwork };
}

/** The overview from raw rows: the headline numbers of both periods (as the service words them) and the trend. */
async function rawOverview(client, query, d) {
  const { current, previous } = d.analyticsPeriod(query, d.today());
  const settings = (await client.query('select min_group, cost_per_click from analytics_settings where id')).rows[0];
  const min = settings.min_group;
  const measured = (await client.query('select 1 from conversion_sources limit 1')).rows.length > 0;
  const reachable = (await client.query(`select count(distinct person_id)::int as n from conversations where kind = 'personal' and status = 'active' and person_id is not null`)).rows[0].n;
  const totals = (n) => {
    const enough = (people) => people === 0 || people >= min;
    const [sharesOk, clicksOk, readersOk, conversionsOk] = [enough(n.sharers), enough(n.clickers), enough(n.readers_of), enough(n.converters)];
    const emv = d.earnedMediaValue(n.clicksByNetwork, settings.cost_per_click, min).value;
    const emvHidden = Object.keys(settings.cost_per_click).length > 0 && emv === null;
    return {
      withheld: !(sharesOk && clicksOk && readersOk && conversionsOk) || emvHidden,
      reachable,
      activeSharers: sharesOk ? n.sharers : null,
      participation: sharesOk && reachable > 0 ? Math.round((n.sharers / reachable) * 1000) / 1000 : null,
      shares: sharesOk ? n.shares : null,
      clicks: clicksOk ? n.clicks : null,
      readers: readersOk ? n.readers : null,
      clicksPerShare: sharesOk && clicksOk ? d.clicksPerShare(n.clicks, n.shares) : null,
      conversions: measured && conversionsOk ? n.conversions : null,
      earnedMediaValue: clicksOk ? emv : null,
    };
  };
  const now = totals(await rawPeriod(client, current));
  const before = totals(await rawPeriod(client, previous));
  const { starts } = d.trendBuckets(current);
  const bucketsSql = `b as (select start, coalesce(lead(start) over (order by start) - 1, $2::date) as until from unnest($4::date[]) as start)`;
  const buckets = (
    await client.query(
      `with ${RAW_ACTIVITY}, ${bucketsSql}
       select b.start::text as start, sum(raw.shares)::int as shares, sum(raw.clicks)::int as clicks, sum(raw.readers)::int as readers, ${PEOPLE_BEHIND} as people
       from b join raw on raw.day between b.start and b.until group by b.start order by b.start`,
      [current.from, current.to, TZ, starts],
    )
  ).rows;
  const peopleIn = async (hidden) =>
    (
      await client.query(
        `with ${RAW_ACTIVITY}, ${bucketsSql} select ${PEOPLE_BEHIND} as n from b join raw on raw.day between b.start and b.until where b.start = any($5::date[])`,
        [current.from, current.to, TZ, starts, hidden],
      )
    ).rows[0].n;
  const trend = await d.trendSeries(current, buckets, min, peopleIn);
  return { from: current.from, to: current.to, current: now, before, trend: trend.series };
}

const overviewAnswer = (a) => {
  const pick = (t) => ({ withheld: t.withheld, reachable: t.reachable, activeSharers: t.activeSharers, participation: t.participation, shares: t.shares, clicks: t.clicks,
    readers: t.readers, clicksPerShare: t.clicksPerShare, conversions: t.conversions, earnedMediaValue: t.earnedMediaValue });
  return { from: a.from, to: a.to, current: pick(a.current), before: pick(a.before), trend: a.trend.series };
};

/** How each measured dimension groups the raw rows: its join, key and label. */
const RAW_DIMENSIONS = {
  item: { join: 'join items i on i.id = raw.item_id', key: 'raw.item_id::text', label: 'i.title' },
  department: { join: 'join people p on p.id = raw.person_id', key: `coalesce(p.department, '')`, label: `coalesce(p.department, '')` },
  network: { join: '', key: 'raw.network', label: 'raw.network' },
  hour: { join: '', key: `extract(hour from raw.posted at time zone $3)::int::text`, label: `extract(hour from raw.posted at time zone $3)::int::text` },
  topic: {
    join: `join items i on i.id = raw.item_id cross join lateral unnest(case when cardinality(i.topics) = 0 then array[''] else i.topics end) as it(topic) left join topics t on t.id = it.topic`,
    key: 'it.topic',
    label: 'coalesce(t.name_en, it.topic)',
  },
};

/** A breakdown from raw rows, merged under the ≥ minGroup rule by the domain's own mergeSmallGroups. */
async function rawBreakdown(client, query, d) {
  const { current } = d.analyticsPeriod(query, d.today());
  const minGroup = (await client.query('select min_group from analytics_settings where id')).rows[0].min_group;
  const dim = RAW_DIMENSIONS[query.dimension];
  const groups = (
    await client.query(
      `with ${RAW_ACTIVITY}
       select ${dim.key} as key, min(${dim.label}) as label, ${PEOPLE_BEHIND} as people,
              count(distinct raw.person_id) filter (where raw.conversions > 0)::int as converters, sum(raw.shares)::int as shares,
              sum(raw.clicks)::int as clicks, sum(raw.readers)::int as readers, sum(raw.conversions)::int as conversions
       from raw ${dim.join} group by 1`,
      [current.from, current.to, TZ],
    )
  ).rows;
  const peopleIn = async (keys) =>
    (
      await client.query(`with ${RAW_ACTIVITY} select ${PEOPLE_BEHIND} as n from raw ${dim.join} where ${dim.key} = any($4::text[])`, [
        current.from, current.to, TZ, keys,
      ])
    ).rows[0].n;
  const { rows, other } = await d.mergeSmallGroups(groups, minGroup, peopleIn);
  return { from: current.from, to: current.to, rows, other };
}

const breakdownAnswer = (a) => ({ from: a.from, to: a.to, rows: a.rows, other: a.other, more: a.more ?? 0 });
/** The first `limit` rows of a breakdown and how many more there are, as the API pages it. */
const firstRows = (b, limit) => (b.rows.length <= limit ? { ...b, more: 0 } : { ...b, rows: b.rows.slice(0, limit), more: b.rows.length - limit });

/** An item's funnel from raw rows: deliveries, reads, share pages, shares, and clicks and conversions of its links. */
async function rawFunnel(client, itemId, d) {
  const [settings] = (await client.query('select min_group from analytics_settings where id')).rows;
  const receipts = (await client.query('select 1 from read_receipts_seen')).rows.length > 0;
  const measured = (await client.query('select 1 from conversion_sources limit 1')).rows.length > 0;
  const [n] = (
    await client.query(
      `with ids as (select a.id from announcements a where a.kind = 'item' and a.payload->>'itemId' = $1::text),
            got as (select person_id, status from deliveries where announcement_id in (select id from ids)),
            reached as (select distinct person_id from got where status = 'sent')
       select (select count(distinct person_id) from shares where item_id = $1::uuid)::int as sharers, 0 as "otherReached",
              (select count(distinct person_id) from got)::int as recipients, (select count(*) from reached)::int as delivered,
              (select coalesce(sum(reads), 0) from announcement_reads where announcement_id in (select id from ids))::int as reads,
              (select count(*) from share_tokens t where t.item_id = $1::uuid and t.opened_at is not null and t.person_id in (select person_id from reached))::int as opened,
              (select count(distinct s.person_id) from shares s where s.item_id = $1::uuid and s.person_id in (select person_id from reached))::int as posted,
              (select coalesce(sum(c.clicks), 0) from clicks c join links l on l.code = c.link_code where l.item_id = $1::uuid and l.person_id in (select person_id from reached))::int as clicks,
              (select count(*) from conversions v join links l on l.code = v.link_code where l.item_id = $1::uuid and l.person_id in (select person_id from reached))::int as conversions`,
      [itemId],
    )
  ).rows;
  return d.funnelStages({ itemId, ...n, conversions: measured ? n.conversions : null }, settings.min_group, receipts);
}

// ---- what is measured -------------------------------------------------------------------

function targets(d, busyItem) {
  const quarter = { from: d.addDays(d.today(), -91), to: d.today() };
  // As the dashboard asks: the first 50 rows (limit=50); `all` asks for every row, as an API client may.
  const breakdown = (dimension, period = {}, all = false) => ({
    name: `GET /api/v1/analytics/breakdown?dimension=${dimension}${all ? '' : '&limit=50'}${period.from ? ' (a quarter)' : ''}`,
    path: `/api/v1/analytics/breakdown?dimension=${dimension}${all ? '' : '&limit=50'}${period.from ? `&from=${period.from}&to=${period.to}` : ''}`,
    compare: breakdownAnswer,
    raw: async (client) => {
      const b = await rawBreakdown(client, { dimension, ...period }, d);
      return all ? { ...b, more: 0 } : firstRows(b, 50);
    },
    informational: all,
  });
  return [
    // What the dashboard asks first (the server's default period: the last 30 days).
    { name: 'GET /api/v1/analytics/overview (last 30 days)', path: '/api/v1/analytics/overview', compare: overviewAnswer, raw: (client) => rawOverview(client, {}, d) },
    // The longest quarter (92 days, per day), and the 92 days before it.
    {
      name: 'GET /api/v1/analytics/overview (a quarter)',
      path: `/api/v1/analytics/overview?from=${quarter.from}&to=${quarter.to}`,
      compare: overviewAnswer,
      raw: (client) => rawOverview(client, quarter, d),
    },
    breakdown('item'),
    breakdown('department'),
    breakdown('network'),
    breakdown('hour'),
    breakdown('topic'),
    breakdown('item', quarter),
    breakdown('item', quarter, true),
    {
      name: 'GET /api/v1/analytics/funnel?itemId= (announced to everybody)',
      path: `/api/v1/analytics/funnel?itemId=${busyItem}`,
      compare: (a) => a.stages,
      raw: (client) => rawFunnel(client, busyItem, d),
    },
  ];
}


const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

function startChorus(cleanup, url, settings) {
  return startServer(cleanup, {
    name: 'Chorus',
    script: path.join(root, 'dist/bot/main.js'),
    env: (port) => ({
      // development, not test: answers are not checked against their schemas (as in production); dev sign-in stays possible.
      NODE_ENV: 'development', HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: settings.logLevel === 'silent' ? 'warn' : settings.logLevel,
      AUTH_MODE: 'dev', SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', RESULTS_SCHEDULE: 'off', TENANT_TIME_ZONE: TZ, DATABASE_URL: url,
      ANALYTICS_REFRESH_SECONDS: String(REFRESH_SECONDS),
    }),
    readyPath: '/readyz',
  });
}

async function get(chorus, pathAndQuery) {
  const res = await fetch(chorus.url + pathAndQuery, { headers: { ...ADMIN, 'accept-language': 'en' } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const domain = await import(path.join(root, 'dist/bot/domain/analytics/analytics.js'));
  const { dayOf, addDays } = await import(path.join(root, 'dist/bot/domain/time/tenant-day.js'));
  const d = { ...domain, addDays, today: () => dayOf(Date.now(), TZ) };
  const results = { loadAverage: { start: loadAverage() }, targets: {} };
  let ok = true;

  if (ONLY !== 'csv') {
    let url = REUSE_URL;
    if (!url) {
      url = KEEP ? await keptDatabase(serverUrl) : (await createBenchDatabase(cleanup, serverUrl)).url;
      if (KEEP) console.log(`  keeping the company database (drop it by hand): BENCH_ANALYTICS_DATABASE_URL=${url}`);
      console.log('\nSeeding the company (100,000 people, 10,000 items, 300,000 shares, 1,200,000 click rows) and the dashboard\'s extras …');
      const seeded = await prepare(url, async (db) => ({ company: await seedCompany(db), dashboard: await seedDashboard(db) }));
      console.log(`  seeded in ${(seeded.company.seconds + seeded.dashboard.seconds).toFixed(0)} s: ${JSON.stringify({ ...seeded.company.counts, ...seeded.dashboard.counts })}`);
      results.seeded = { ...seeded.company.counts, ...seeded.dashboard.counts };
      const filled = backfill(url);
      console.log(`  npm run analytics:backfill: ${filled.seconds.toFixed(1)} s wall (${filled.output})`);
      results.backfill = filled;
      await withClient(url, (c) => c.query('vacuum analyze analytics_daily'));
    }
    const dailyRows = await withClient(url, async (c) => (await c.query('select count(*)::int as n from analytics_daily')).rows[0].n);
    console.log(`  analytics_daily: ${dailyRows.toLocaleString('en-US')} rows`);
    results.analyticsDailyRows = dailyRows;

    const chorus = await startChorus(cleanup, url, settings);
    const busyItem = await withClient(url, async (c) => (await c.query(`select payload->>'itemId' as id from announcements where kind = 'item' and payload->>'itemId' is not null order by created_at desc limit 1`)).rows[0].id);
    const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
    try {
      for (const target of targets(d, busyItem).filter((t) => t.name.includes(ONLY))) {
        const ask = () => get(chorus, target.path);
        // The first request of a period computes the answer (nothing kept yet): alone, timed.
        const firstStarted = performance.now();
        await ask();
        const firstMs = performance.now() - firstStarted;
        await measure(WARM_UP, CONCURRENCY, ask);
        // The answers agree: the served one and the one from raw rows, asked back to back.
        const client = await pool.connect();
        let rawOnce;
        try {
          const served = target.compare(await ask());
          const t = performance.now();
          const fromRaw = await target.raw(client);
          rawOnce = performance.now() - t;
          const [a, b] = [JSON.stringify(served), JSON.stringify(fromRaw)];
          if (a !== b) throw new Error(`${target.name}: answers differ:\n  served  ${a.slice(0, 2000)}\n  raw     ${b.slice(0, 2000)}`);
        } finally {
          client.release();
        }
        const served = await measure(REQUESTS, CONCURRENCY, ask);
        const fromRaw = await measure(RAW_REQUESTS, CONCURRENCY, async () => {
          const c = await pool.connect();
          try {
            await target.raw(c);
          } finally {
            c.release();
          }
        });
        // Every row of a quarter's 10,000 items (1.6 MB) is not what the dashboard asks: printed, not held to the target.
        const passed = target.informational ? true : served.p95 <= TARGET_P95_MS;
        ok &&= passed;
        results.targets[target.name] = { served, firstMs, refreshSeconds: REFRESH_SECONDS, raw: fromRaw, rawOnceMs: rawOnce, ratio: fromRaw.p95 / served.p95, passed, loadAverage: loadAverage() };
        console.log(
          '\n' +
            table([
              [target.name, 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'],
              ['Chorus, first request (computes)', 1, firstMs.toFixed(0), '', '', ''],
              [`Chorus (HTTP, answers kept ${REFRESH_SECONDS} s)`, served.requests, served.p50.toFixed(1), served.p95.toFixed(1), served.p99.toFixed(1), (served.requests / served.seconds).toFixed(0)],
              ['the same from raw rows (SQL only)', fromRaw.requests, fromRaw.p50.toFixed(0), fromRaw.p95.toFixed(0), fromRaw.p99.toFixed(0), (fromRaw.requests / fromRaw.seconds).toFixed(1)],
            ]).replace(/^/gm, '    '),
        );
        console.log(`    answers agree ✓; raw ÷ Chorus (p95): ${(fromRaw.p95 / served.p95).toFixed(0)}×; Chorus p95 ${served.p95.toFixed(1)} ms ${target.informational ? '(every row, as an API client may ask: not a dashboard request, not held to the target)' : `(target ≤ ${TARGET_P95_MS} ms) ${passed ? '✓' : '✗'}`}; load average ${loadAverage().join(' ')}`);
      }
    } finally {
      await pool.end();
      await chorus.stop();
    }
  }

  if (CSV_ITEMS > 0 && (ONLY === '' || ONLY === 'csv')) {
    const csv = await csvMemory(cleanup, serverUrl, settings, d);
    results.csv = csv;
    ok &&= csv.passed;
  }
  results.loadAverage.end = loadAverage();
  return { ok, results };
}

/** BENCH_ANALYTICS_KEEP=1: a database that outlives the run (no cleanup step), for BENCH_ANALYTICS_DATABASE_URL. */
async function keptDatabase(serverUrl) {
  const name = `abench_${Date.now().toString(36)}`;
  await withClient(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---- CSV: memory while 100,000 rows stream ---------------------------------------------

const rssKb = (pid, field = 'VmRSS') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
  return Number(line?.split(/\s+/)[1]);
};

async function csvMemory(cleanup, serverUrl, settings, d) {
  const { url } = await createBenchDatabase(cleanup, serverUrl);
  console.log(`\nCSV: seeding ${CSV_ITEMS.toLocaleString('en-US')} items with ${CSV_SHARERS} sharers each …`);
  const seeded = await prepare(url, (db) => seedCsv(db, CSV_ITEMS));
  console.log(`  seeded in ${seeded.seconds.toFixed(0)} s: ${JSON.stringify(seeded.counts)}`);
  const filled = backfill(url);
  console.log(`  npm run analytics:backfill: ${filled.seconds.toFixed(1)} s wall (${filled.output})`);
  await withClient(url, (c) => c.query('vacuum analyze analytics_daily'));

  const chorus = await startChorus(cleanup, url, settings);
  try {
    const period = { from: d.addDays(d.today(), -91), to: d.today() };
    // Warm: signed in, the routes and csv-stringify loaded (a small CSV and a small breakdown).
    await get(chorus, `/api/v1/analytics/breakdown?dimension=network&from=${period.from}&to=${period.to}`);
    await (await fetch(`${chorus.url}/api/v1/analytics/breakdown/export.csv?dimension=network&from=${period.from}&to=${period.to}`, { headers: ADMIN })).text();
    await sleep(1_000);
    const before = rssKb(chorus.pid);
    const hwmBefore = rssKb(chorus.pid, 'VmHWM');
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssKb(chorus.pid));
        await sleep(50);
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${chorus.url}/api/v1/analytics/breakdown/export.csv?dimension=item&from=${period.from}&to=${period.to}`, { headers: ADMIN });
    if (res.status !== 200) throw new Error(`CSV export: ${res.status} ${await res.text()}`);
    let firstByte;
    let bytes = 0;
    let lines = 0;
    let formulaLines = 0;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body) {
      firstByte ??= performance.now() - t0;
      bytes += chunk.length;
      const text = tail + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      tail = parts.pop();
      lines += parts.length;
      formulaLines += parts.filter((l) => l.includes(`"'=HYPERLINK`) || l.includes(`'=HYPERLINK`)).length;
    }
    if (tail) lines++;
    const seconds = (performance.now() - t0) / 1000;
    sampling = false;
    await sampler;
    peak = Math.max(peak, rssKb(chorus.pid));
    const hwmAfter = rssKb(chorus.pid, 'VmHWM');
    const after = rssKb(chorus.pid);
    const rows = lines - 1; // the header
    const growthMb = (peak - before) / 1024;
    // After the measurement: the JSON breakdown (every row, in memory) — the CSV must list exactly its rows and "other".
    const json = await get(chorus, `/api/v1/analytics/breakdown?dimension=item&from=${period.from}&to=${period.to}`);
    const expectedRows = json.rows.length + (json.other ? 1 : 0);
    const passed = growthMb < CSV_GROWTH_LIMIT_MB && rows === expectedRows && rows >= Math.min(CSV_ITEMS, 100_000);
    const result = {
      items: CSV_ITEMS, seeded: seeded.counts, backfill: filled, rows, expectedRows, bytes, seconds, firstByteMs: firstByte,
      rssKb: { before, peak, after, hwmBefore, hwmAfter }, growthMb, neutralisedFormulas: formulaLines, passed,
    };
    console.log(
      `  GET /api/v1/analytics/breakdown/export.csv?dimension=item (a quarter): ${rows.toLocaleString('en-US')} rows (the JSON breakdown: ${expectedRows.toLocaleString('en-US')} rows with "other"${rows === expectedRows ? ' ✓' : ' ✗'}; ` +
        `${formulaLines} formula titles neutralised), ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s, first byte after ${firstByte.toFixed(0)} ms`,
    );
    console.log(
      `  Chorus resident memory: ${(before / 1024).toFixed(0)} MB before, peak ${(peak / 1024).toFixed(0)} MB (sampled every 50 ms; VmHWM ${(hwmBefore / 1024).toFixed(0)} → ${(hwmAfter / 1024).toFixed(0)} MB), ` +
        `${(after / 1024).toFixed(0)} MB after: grew ${growthMb.toFixed(1)} MB (limit < ${CSV_GROWTH_LIMIT_MB} MB) ${passed ? '✓' : '✗'}`,
    );
    return result;
  } finally {
    await chorus.stop();
  }
}

// The company the Postgres benches at company size share (issue 12 and issue 13 §6): 100,000
// people in 600 departments, 10,000 items, 300,000 shares (one tracked link each), four
// click rows per link (1,200,000), a readers row per link and day with clicks, the points
// programme on with 10 % of people on the board and their ledger. Written with
// generate_series in a few statements, then vacuumed.
import { performance } from 'node:perf_hooks';

export const SIZE = { people: 100_000, items: 10_000, shares: 300_000, clickRows: 1_200_000 };
export const DEPARTMENTS = 600;

/** Company-size data in a few statements (generate_series, not row by row). */
export async function seedCompany(db, { samplePeople = 500 } = {}) {
  const t0 = performance.now();
  await db.exec(`
    -- Departments of realistic sizes: ${DEPARTMENTS} of them, from ~12,000 people down to ~60
    -- (so that, with 10 % opted in, some teams stay below the five members the board needs).
    insert into people (display_name, dev_key, language, joined_at, department, location)
      select 'Bench person ' || g, 'p' || g, case when g % 3 = 0 then 'de' else 'en' end, now() - interval '2 years',
             'Department ' || lpad((1 + floor(${DEPARTMENTS} * power(g::float8 / ${SIZE.people}, 3)))::int::text, 3, '0'),
             (array['Berlin', 'Munich', 'Hamburg', 'Leipzig', 'Remote'])[1 + g % 5]
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
    -- The board (issue 12 §5): points on since before the data; 10 % opted in (every tenth
    -- person, half of them under a pseudonym); a ledger row per share as the points processor
    -- writes it (10 points), and a readers row (capped at 20) for a quarter of the link days so far.
    update points_rules set enabled = true, per_share = 10, per_reader = 1, reader_daily_cap = 20, updated_at = now() - interval '3 years' where id;
    insert into points_program_log (at, enabled, after_event_id) values (now() - interval '3 years', true, 0);
    insert into preferences (person_id, leaderboard_opt_in, pseudonym, pseudonym_key, board_id)
      select id, true, case when n % 20 = 3 then 'Bench pseudonym ' || n end, case when n % 20 = 3 then 'bench pseudonym ' || n end, gen_random_uuid()
      from bench_people where n % 10 = 3
      on conflict (person_id) do update set leaderboard_opt_in = true, pseudonym = excluded.pseudonym, pseudonym_key = excluded.pseudonym_key, board_id = excluded.board_id;
    insert into points_ledger (person_id, points, reason, source_key, event_id, occurred_at, item_id, network, link_code)
      select person_id, 10, 'share', 'share:' || item_id || ':' || person_id || ':' || network, 0, created_at, item_id, network, code from bench_links;
    insert into points_ledger (person_id, points, reason, source_key, event_id, occurred_at, item_id, network, link_code, day, readers, counted)
      select l.person_id, least(r.readers, 20), 'readers', 'readers:0:' || r.link_code || ':' || r.day, 0,
             (r.day + time '18:00') at time zone 'Europe/Berlin', r.item_id, r.network, r.link_code, r.day, r.readers, least(r.readers, 20)
      from link_readers r join bench_links l on l.code = r.link_code
      where r.day <= (now() at time zone 'Europe/Berlin')::date and hashtext(r.link_code || r.day) & 3 = 0;
  `);
  // Vacuumed now, so autovacuum does not start on a million fresh rows while the bench measures.
  await db.exec('vacuum analyze');
  const counts = await db.query(`select (select count(*) from people)::int people, (select count(*) from items)::int items,
    (select count(*) from shares)::int shares, (select count(*) from clicks)::int clicks, (select count(*) from link_readers)::int readers,
    (select count(*) from preferences where leaderboard_opt_in)::int "optedIn", (select count(*) from points_ledger)::int ledger`);
  const sample = await db.query(`select p.id, p.dev_key,
      exists (select 1 from preferences pr where pr.person_id = p.id and pr.leaderboard_opt_in) as "optedIn" from people p where p.dev_key like 'p%' and exists (select 1 from shares s where s.person_id = p.id)
    order by hashtext(p.dev_key) limit ${samplePeople}`);
  return { counts: counts[0], sample, seconds: (performance.now() - t0) / 1000 };
}

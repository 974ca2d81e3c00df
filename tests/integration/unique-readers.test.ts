import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { chorusJobs } from '../../bot/src/jobs/planners.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { READER } from '../support/http.js';
import { eventually } from '../support/eventually.js';
import { ManualClock } from '../support/manual-clock.js';
import { anItem, aPerson, aShare } from '../support/factories.js';

// 23:00 in Berlin on 2026-11-23: an hour before the tenant's midnight.
const clock = new ManualClock(Date.parse('2026-11-23T22:00:00Z'));
let s: TestServer;
let code: string;
let answered = 0;

beforeAll(async () => {
  // No worker: the day-end job runs below at the times the test chooses. One trusted proxy,
  // so that readers can come from different addresses on loopback.
  s = await startTestServer({ WORKER: 'false', TRUST_PROXY_HOPS: '1', TENANT_TIME_ZONE: 'Europe/Berlin' }, { clock });
  const item = await anItem(s.db);
  ({ linkCode: code } = await aShare(s.db, { item, person: await aPerson(s.db) }));
});
afterAll(async () => s?.close());

async function click(address: string, userAgent = READER['user-agent'], method = 'GET') {
  const res = await fetch(`${s.url}/l/${code}`, { method, redirect: 'manual', headers: { 'user-agent': userAgent, 'x-forwarded-for': `${address}:50123` } });
  expect(res.status).toBe(302);
  const counted = method === 'GET' && !/bot|preview/i.test(userAgent);
  if (counted) answered++;
}

const readers = () => s.db.query<{ day: string; readers: number }>('select day::text as day, readers from link_readers where link_code = $1 order by day', [code]);
const clicks = async () => (await s.db.query<{ n: number }>('select coalesce(sum(clicks), 0)::int as n from clicks where link_code = $1', [code]))[0]!.n;
const settled = () => eventually(clicks, (n) => n === answered);

async function runDayEnd(at: number) {
  const job = chorusJobs({ db: s.db, digest: null, held: () => false, onboardingDays: 60, timeZone: 'Europe/Berlin' }).find((j) => j.name === 'reader-days')!;
  await job.run({ now: new Date(at), dueAt: new Date(at), attempt: 1, payload: undefined, log: pino({ level: 'silent' }) });
}

describe('unique readers', () => {
  it('counts one reader once per day, another user agent or address as another reader, and no preview fetcher', async () => {
    await click('203.0.113.1');
    await click('203.0.113.1');
    await click('203.0.113.1', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1');
    await click('198.51.100.7');
    await click('203.0.113.1', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)');
    await click('203.0.113.9', READER['user-agent'], 'HEAD');
    await settled();
    expect(await eventually(readers, (r) => r[0]?.readers === 3)).toEqual([{ day: '2026-11-23', readers: 3 }]);
    expect(await clicks()).toBe(4);
  });

  it('stores no address or user agent, only marks of the day', async () => {
    const marks = await s.db.query<{ mark: string }>(`select encode(mark, 'hex') as mark from reader_marks where link_code = $1`, [code]);
    expect(marks).toHaveLength(3);
    const everything = JSON.stringify(await s.db.query('select * from reader_marks')) + JSON.stringify(await s.db.query('select * from link_readers'));
    expect(everything).not.toMatch(/203\.0\.113|198\.51|Mozilla/);
  });

  it('counts the same reader again on the next tenant day, with a key made the day before', async () => {
    const keysBefore = await s.db.query<{ day: string }>('select day::text as day from reader_day_keys order by day');
    expect(keysBefore.map((k) => k.day)).toEqual(['2026-11-23', '2026-11-24']);
    await clock.advanceTo(Date.parse('2026-11-23T23:00:30Z')); // 00:00:30 in Berlin
    await click('203.0.113.1');
    await click('203.0.113.1');
    await settled();
    expect(await eventually(readers, (r) => r.length === 2)).toEqual([
      { day: '2026-11-23', readers: 3 },
      { day: '2026-11-24', readers: 1 },
    ]);
  });

  it('records what each flush added as a readers.counted event with ids only', async () => {
    const events = await s.db.query<{ payload: { counts: Array<Record<string, unknown>> } }>(`select payload from events where type = 'readers.counted' order by id`);
    const counts = events.flatMap((e) => e.payload.counts);
    expect(counts.reduce((n, c) => n + (c.readers as number), 0)).toBe(4);
    expect(counts[0]).toEqual({ linkCode: code, itemId: expect.any(String), network: 'linkedin', day: '2026-11-23', readers: expect.any(Number) });
  });

  it('deletes the keys and marks of a day once it is over, keeping the counts', async () => {
    // Within the grace after midnight the day is kept: a late click is still told apart.
    await runDayEnd(Date.parse('2026-11-23T23:02:00Z'));
    expect((await s.db.query('select 1 from reader_day_keys where day = $1', ['2026-11-23'])).length).toBe(1);
    await runDayEnd(Date.parse('2026-11-23T23:20:00Z'));
    expect(await s.db.query('select day::text from reader_day_keys order by day')).toEqual([{ day: '2026-11-24' }, { day: '2026-11-25' }]);
    expect((await s.db.query<{ day: string }>('select distinct day::text as day from reader_marks')).map((r) => r.day)).toEqual(['2026-11-24']);
    expect(await readers()).toEqual([
      { day: '2026-11-23', readers: 3 },
      { day: '2026-11-24', readers: 1 },
    ]);
  });

  it('keeps counting clicks when the day key could not be loaded, and stores clicks equal to the 302s answered', async () => {
    // The database does not give out keys while the next day begins (as if it were away).
    await s.db.query('alter table reader_day_keys rename to reader_day_keys_away');
    await clock.advanceTo(Date.parse('2026-11-24T23:00:30Z')); // 00:00:30 on the 25th in Berlin
    await clock.advanceTo(Date.parse('2026-11-25T23:00:30Z')); // and on the 26th: no key was ever loaded for it
    await click('192.0.2.44');
    await settled();
    await s.db.query('alter table reader_day_keys_away rename to reader_day_keys');
    expect((await readers()).map((r) => r.day)).toEqual(['2026-11-23', '2026-11-24']);
    expect(await clicks()).toBe(answered);
  });
});

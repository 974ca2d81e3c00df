import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUp } from '../../bot/src/storage/events/event-log.js';
import { analyticsProcessor, backfillAnalytics } from '../../bot/src/storage/repos/analytics-rollup.js';
import { dayOf, addDays } from '../../bot/src/domain/time/tenant-day.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { analyticsService } from '../../bot/src/services/analytics.js';
import { AnalyticsCache } from '../../bot/src/services/analytics-cache.js';
import { analyticsRepo, scanGroups } from '../../bot/src/storage/repos/analytics.js';
import { byClicks } from '../../bot/src/domain/analytics/analytics.js';
import { api, READER } from '../support/http.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, anItem, aPerson, aShare, type TestPerson } from '../support/factories.js';

/**
 * Issue 13: the content team's dashboard. Shares are recorded as the share page does, clicks
 * arrive through the real `/l/` redirect (and its unique readers), and the `analytics`
 * processor is moved by the test (no worker), so nothing depends on timing. The rollup must
 * equal a recomputation from the raw rows, and no view may describe fewer than five people.
 */
const TZ = 'Europe/Berlin';
let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;
let today: string;
let from: string;
let to: string;
const people: Record<string, TestPerson[]> = {};
let clicked = 0;
let evil: { id: string; title: string };
let plain: { id: string; title: string };

const processAll = () => catchUp(s.db, analyticsProcessor(TZ));
const rollup = () =>
  s.db.query<Record<string, unknown>>(
    'select day::text, item_id, network, person_id, slot, shares, clicks, readers, conversions from analytics_daily where shares + clicks + readers + conversions > 0 order by 1, 2, 3, 4, 5',
  );
const rawTotals = async () =>
  (
    await s.db.query<{ shares: number; clicks: number; readers: number }>(
      `select (select count(*)::int from shares) as shares, (select coalesce(sum(clicks), 0)::int from clicks) as clicks,
              (select coalesce(sum(readers), 0)::int from link_readers) as readers`,
    )
  )[0]!;
const get = (path: string, who: TestPerson = admin, lang = 'en') => api(s.url, 'GET', path, { headers: { ...who.headers, 'accept-language': lang } });

async function click(code: string, reader: number) {
  const res = await fetch(`${s.url}/l/${code}`, { redirect: 'manual', headers: { ...READER, 'x-forwarded-for': `198.51.100.${reader}` } });
  expect(res.status).toBe(302);
  clicked++;
}

beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false', TRUST_PROXY_HOPS: '1', TENANT_TIME_ZONE: TZ });
  today = dayOf(Date.now(), TZ);
  // Around today, so that a test run across midnight still finds everything.
  from = addDays(today, -1);
  to = addDays(today, 1);
  admin = await anAdmin(s.db);
  employee = await aPerson(s.db);
  plain = await anItem(s.db, { title: 'Quarterly results', topics: ['finance'] });
  evil = await anItem(s.db, { title: '=HYPERLINK("https://evil.example","Click")', topics: ['culture'] });
  const departments = { Sales: 6, Marketing: 5, Legal: 3, Engineering: 3 };
  for (const [department, n] of Object.entries(departments)) {
    people[department] = [];
    for (let i = 0; i < n; i++) people[department]!.push(await aPerson(s.db, { department, location: 'Berlin' }));
  }
  // Everybody shares the plain item to LinkedIn; Sales also shares the other to X, clicked by three readers each.
  let reader = 1;
  let converted = 0;
  let source: Awaited<ReturnType<typeof api>> | undefined;
  for (const [department, members] of Object.entries(people)) {
    for (const person of members) {
      const { linkCode } = await aShare(s.db, { item: plain, person, network: 'linkedin' });
      await click(linkCode, reader);
      await click(linkCode, reader); // the same reader again: a click, not a new reader
      reader++;
      if (department === 'Sales') {
        const x = await aShare(s.db, { item: evil, person, network: 'x' });
        for (let r = 0; r < 3; r++) await click(x.linkCode, 100 + r);
        // A careers site reports one application through each of five Sales people's X links.
        if (converted < 5) {
          converted++;
          source ??= await api(s.url, 'POST', '/api/v1/admin/conversion-sources', { headers: admin.headers, body: { name: 'Careers site' } });
          expect(source.status).toBe(201);
          const body = JSON.stringify({ eventId: `app-${converted}`, linkCode: x.linkCode, type: 'application' });
          const t = Math.floor(Date.now() / 1000);
          const signature = createHmac('sha256', source.body.secret.secret).update(`${t}.${body}`).digest('hex');
          const res = await fetch(`${s.url}/api/v1/conversions`, { method: 'POST', headers: { 'content-type': 'application/json', 'chorus-signature': `t=${t},v1=${signature}` }, body });
          expect(res.status).toBe(201);
        }
      }
    }
  }
  await eventually(rawTotals, (t) => t.clicks === clicked);
  await eventually(rawTotals, (t) => t.readers === 17 + 18);
  await processAll();
});
afterAll(async () => s?.close());

describe('daily aggregates', () => {
  it('kept from events equal a recomputation from the raw rows', async () => {
    const kept = await rollup();
    expect(kept.length).toBeGreaterThan(0);
    const raw = await rawTotals();
    const sum = (k: string) => kept.reduce((n, r) => n + Number(r[k]), 0);
    expect({ shares: sum('shares'), clicks: sum('clicks'), readers: sum('readers') }).toEqual(raw);
    expect(raw).toEqual({ shares: 17 + 6, clicks: 17 * 2 + 6 * 3, readers: 17 + 6 * 3 });

    const result = await backfillAnalytics(s.db, TZ);
    expect(result.rows).toBe(kept.length);
    expect(await rollup()).toEqual(kept);
    // The backfill moved the processor to the end of the log: nothing is counted twice.
    expect(await processAll()).toBe(0);
    expect(await rollup()).toEqual(kept);
  });
});

describe('GET /api/v1/analytics/overview', () => {
  it('answers headline numbers, the period before, and the trend per day', async () => {
    const res = await get(`/api/v1/analytics/overview?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({
      withheld: false,
      activeSharers: 17,
      shares: 23,
      clicks: 52,
      readers: 35,
      clicksPerShare: 2.26,
      conversions: 5,
      earnedMediaValue: null,
    });
    expect(res.body.previous).toEqual({ from: addDays(from, -3), to: addDays(from, -1) });
    expect(res.body.before).toMatchObject({ withheld: false, shares: 0, clicks: 0, activeSharers: 0 });
    expect(res.body.trend.granularity).toBe('day');
    expect(res.body.trend.series.map((d: { start: string }) => d.start)).toEqual([from, today, to]);
    expect(res.body.trend.series.reduce((n: number, d: { clicks: number }) => n + d.clicks, 0)).toBe(52);
    // No rates entered: no value, and which networks lack one.
    expect(res.body.earnedMedia).toEqual({ currency: 'EUR', costPerClick: {}, missingRates: ['linkedin', 'x'] });
  });

  it('computes earned media value from the rates the admins enter, per network', async () => {
    const put = await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: admin.headers, body: { minGroup: 5, currency: 'EUR', costPerClick: { linkedin: 0.5 } } });
    expect(put.status).toBe(200);
    const res = await get(`/api/v1/analytics/overview?from=${from}&to=${to}`);
    // 34 LinkedIn clicks × 0.50; X has no rate yet.
    expect(res.body.current.earnedMediaValue).toBe(17);
    expect(res.body.earnedMedia.missingRates).toEqual(['x']);
  });

  it('withholds a period made up by fewer people than the minimum group', async () => {
    await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: admin.headers, body: { minGroup: 20, currency: 'EUR', costPerClick: {} } });
    try {
      const res = await get(`/api/v1/analytics/overview?from=${from}&to=${to}`);
      expect(res.body.current).toMatchObject({ withheld: true, shares: null, clicks: null, activeSharers: null });
      expect(res.body.trend.series.every((b: { withheld: boolean; clicks: number | null }) => b.clicks === null || b.clicks === 0)).toBe(true);
    } finally {
      await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: admin.headers, body: { minGroup: 5, currency: 'EUR', costPerClick: {} } });
    }
  });
});

describe('no number about fewer than five people', () => {
  // Early January: on Monday eleven people's old links are clicked, on Tuesday Zoe alone shares on Xing.
  beforeAll(async () => {
    const everyone = Object.values(people).flat();
    for (const [i, p] of everyone.slice(0, 11).entries()) {
      await s.db.query(`insert into analytics_daily (day, item_id, network, person_id, slot, clicks, readers) values ('2026-01-05', $1, 'linkedin', $2, 8, $3, 1)`, [plain.id, p.id, 1 + i]);
    }
    const zoe = people.Legal![0]!;
    await s.db.query(`insert into analytics_daily (day, item_id, network, person_id, slot, shares, clicks, readers) values ('2026-01-06', $1, 'xing', $2, 33, 1, 17, 9)`, [evil.id, zoe.id]);
    await s.db.query(`insert into analytics_daily (day, item_id, network, person_id, slot, clicks, readers) select '2026-01-06', $1, 'linkedin', id, 8, 1, 1 from unnest($2::uuid[]) as id`, [plain.id, everyone.slice(0, 11).map((p) => p.id)]);
  });
  // Written straight into the aggregates (no raw rows behind them): gone before the back-fill is compared again.
  afterAll(async () => {
    await s.db.query(`delete from analytics_daily where day in ('2026-01-05', '2026-01-06')`);
  });

  it('withholds a day one person made, and the smallest other day with it', async () => {
    const res = await get('/api/v1/analytics/overview?from=2026-01-05&to=2026-01-07');
    expect(res.status).toBe(200);
    // Tuesday has twelve people's clicks but one person's share: shares need five sharers.
    expect(res.body.current.shares).toBeNull();
    expect(res.body.current.withheld).toBe(true);
    expect(res.body.current.clicks).toBe(66 + 11 + 17);
    const csv = await (await fetch(`${s.url}/api/v1/analytics/overview/export.csv?table=trend&from=2026-01-05&to=2026-01-07`, { headers: admin.headers })).text();
    expect(csv).not.toMatch(/2026-01-06,2026-01-06,1,/);
    const single = await get('/api/v1/analytics/overview?from=2026-01-06&to=2026-01-06');
    expect(single.body.current).toMatchObject({ shares: null, activeSharers: null, clicksPerShare: null });
  });

  it('gives no earned media value that would be one network of one person', async () => {
    await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: admin.headers, body: { minGroup: 5, currency: 'EUR', costPerClick: { xing: 1 } } });
    try {
      const res = await get('/api/v1/analytics/overview?from=2026-01-05&to=2026-01-07');
      expect(res.body.current.earnedMediaValue).toBeNull();
    } finally {
      await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: admin.headers, body: { minGroup: 5, currency: 'EUR', costPerClick: {} } });
    }
  });

  it("never shows a network row that is one person's", async () => {
    const res = await get('/api/v1/analytics/breakdown?dimension=network&from=2026-01-05&to=2026-01-07');
    expect(res.body.rows.map((r: { key: string }) => r.key)).not.toContain('xing');
    for (const row of [...res.body.rows, ...(res.body.other ? [res.body.other] : [])]) expect(row.people).toBeGreaterThanOrEqual(5);
  });
});

describe('GET /api/v1/analytics/breakdown', () => {
  it('shows departments of five or more and merges the rest into "other"', async () => {
    const res = await get(`/api/v1/analytics/breakdown?dimension=department&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { key: string; people: number }) => [r.key, r.people])).toEqual([['Sales', 6], ['Marketing', 5]]);
    expect(res.body.other).toMatchObject({ key: 'other', people: 6, shares: 6, clicks: 12 });
  });

  it('breaks down by network, item, topic, weekday and hour of posting, never below five people', async () => {
    for (const dimension of ['network', 'item', 'topic', 'kind', 'language', 'location', 'weekday', 'hour']) {
      const res = await get(`/api/v1/analytics/breakdown?dimension=${dimension}&from=${from}&to=${to}`);
      expect(res.status, dimension).toBe(200);
      for (const row of [...res.body.rows, ...(res.body.other ? [res.body.other] : [])]) expect(row.people, dimension).toBeGreaterThanOrEqual(5);
      const clicks = [...res.body.rows, ...(res.body.other ? [res.body.other] : [])].reduce((n: number, r: { clicks: number }) => n + r.clicks, 0);
      expect(clicks, dimension).toBe(52);
    }
    const networks = await get(`/api/v1/analytics/breakdown?dimension=network&from=${from}&to=${to}`);
    expect(networks.body.rows).toEqual([
      { key: 'linkedin', label: 'linkedin', people: 17, shares: 17, clicks: 34, readers: 17, conversions: 0, clicksPerShare: 2 },
      { key: 'x', label: 'x', people: 6, shares: 6, clicks: 18, readers: 18, conversions: 5, clicksPerShare: 3 },
    ]);
    const topics = await get(`/api/v1/analytics/breakdown?dimension=topic&from=${from}&to=${to}`, admin, 'de');
    expect(topics.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(['culture', 'finance']);
  });

  it('lists only the first rows with limit, says how many more there are, and refuses a bad limit', async () => {
    const all = (await get(`/api/v1/analytics/breakdown?dimension=network&from=${from}&to=${to}`)).body;
    expect(all.more).toBe(0);
    const first = (await get(`/api/v1/analytics/breakdown?dimension=network&from=${from}&to=${to}&limit=1`)).body;
    expect(first.rows).toEqual(all.rows.slice(0, 1));
    expect(first.more).toBe(all.rows.length - 1);
    expect(first.other).toEqual(all.other);
    for (const limit of ['0', '-1', 'x', '10001']) {
      const res = await get(`/api/v1/analytics/breakdown?dimension=network&limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['limit']);
    }
  });

  it('drops a department that shrinks below five when a person leaves', async () => {
    const leaver = people.Marketing!.pop()!;
    await s.db.query('delete from people where id = $1', [leaver.id]);
    const res = await get(`/api/v1/analytics/breakdown?dimension=department&from=${from}&to=${to}`);
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual(['Sales']);
    expect(res.body.other).toMatchObject({ people: 10 });
    // Never a row for four people, in any dimension.
    expect(JSON.stringify(res.body)).not.toContain('Marketing');
  });
});

describe('CSV export', () => {
  it('streams a breakdown as CSV with spreadsheet formulas neutralised', async () => {
    const res = await fetch(`${s.url}/api/v1/analytics/breakdown/export.csv?dimension=item&from=${from}&to=${to}`, { headers: admin.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="chorus-item-${from}-${to}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    // A byte order mark first, so spreadsheets read umlauts right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('item,key,people,shares,clicks,readers,conversions,clicks_per_share');
    // The title an admin typed is text in the spreadsheet, not a formula.
    expect(lines).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")",${evil.id},6,6,18,18,5,3`);
    expect(lines.some((l) => l.startsWith(`Quarterly results,${plain.id},16,16,32,16,0,2`))).toBe(true);
  });

  it('streams every breakdown with the rows of its JSON twin, in the same order, "other" last', async () => {
    for (const dimension of ['item', 'network', 'department', 'topic', 'hour']) {
      const json = (await get(`/api/v1/analytics/breakdown?dimension=${dimension}&from=${from}&to=${to}`)).body;
      const csv = await (await fetch(`${s.url}/api/v1/analytics/breakdown/export.csv?dimension=${dimension}&from=${from}&to=${to}`, { headers: admin.headers })).text();
      const keys = csv.trim().split('\n').slice(1).map((line) => line.split(',').at(-7));
      expect(keys, dimension).toEqual([...json.rows, ...(json.other ? [json.other] : [])].map((r: { key: string }) => r.key));
    }
  });

  it('reads the groups through a cursor batch by batch, every group once, most clicks first', async () => {
    const period = { from, to };
    const all = await analyticsRepo(s.db).groups('department', period, 'en');
    const seen: string[] = [];
    await scanGroups(s.db, 'department', period, 'en', true, (g) => void seen.push(g.key), 1);
    expect(seen).toEqual([...all].sort(byClicks).map((g) => g.key));
    expect(seen.length).toBeGreaterThan(2);
  });

  it('exports the headline numbers and the trend of the overview', async () => {
    const headline = await (await fetch(`${s.url}/api/v1/analytics/overview/export.csv?from=${from}&to=${to}`, { headers: admin.headers })).text();
    expect(headline).toContain(`metric,${from}..${to},${addDays(from, -3)}..${addDays(from, -1)}`);
    expect(headline).toContain('\nshares,22,0');
    const trend = await (await fetch(`${s.url}/api/v1/analytics/overview/export.csv?table=trend&from=${from}&to=${to}`, { headers: admin.headers })).text();
    expect(trend.split('\n')[0]).toBe('start,end,shares,clicks,readers');
    expect(trend).toContain(`${today},${today},22,`);
  });
});

describe('who may see it, and bad input', () => {
  it('answers employees 403 on every analytics route, CSV included', async () => {
    for (const path of [
      `/api/v1/analytics/overview?from=${from}&to=${to}`,
      '/api/v1/analytics/breakdown?dimension=network',
      '/api/v1/analytics/overview/export.csv',
      '/api/v1/analytics/breakdown/export.csv?dimension=network',
      '/api/v1/admin/analytics/settings',
    ]) {
      expect((await get(path, employee)).status, path).toBe(403);
    }
    expect((await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: employee.headers, body: { minGroup: 5, currency: 'EUR', costPerClick: {} } })).status).toBe(403);
  });

  it('refuses periods that end before they start or span more than two years, and unknown dimensions', async () => {
    const backwards = await get(`/api/v1/analytics/overview?from=${to}&to=${from}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual({ to: 'must not be before from' });
    const long = await get('/api/v1/analytics/overview?from=2023-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toHaveProperty('to');
    const dimension = await get('/api/v1/analytics/breakdown?dimension=person');
    expect(dimension.status).toBe(400);
    expect(dimension.body.error.fields.dimension).toMatch(/not a dimension/);
    const csv = await get('/api/v1/analytics/breakdown/export.csv?dimension=person');
    expect(csv.status).toBe(400);
    expect((await get('/api/v1/analytics/overview?from=yesterday')).status).toBe(400);
    // Years JavaScript would read as 1900–1999, or before anything was counted.
    expect((await get('/api/v1/analytics/overview?from=0100-01-01&to=0100-01-02')).status).toBe(400);
  });

  it('refuses a group minimum below 5, a bad currency or a negative rate, and writes nothing', async () => {
    const before = (await get('/api/v1/admin/analytics/settings')).body;
    for (const [body, field] of [
      [{ minGroup: 4, currency: 'EUR', costPerClick: {} }, 'minGroup'],
      [{ minGroup: 5, currency: 'euro', costPerClick: {} }, 'currency'],
      [{ minGroup: 5, currency: 'EUR', costPerClick: { linkedin: -1 } }, 'costPerClick.linkedin'],
      [{ minGroup: 5, currency: 'EUR', costPerClick: { myspace: 1 } }, 'costPerClick'],
    ] as const) {
      const res = await api(s.url, 'PUT', '/api/v1/admin/analytics/settings', { headers: admin.headers, body });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.error.fields).some((k) => k.startsWith(field)), JSON.stringify(res.body.error.fields)).toBe(true);
    }
    expect((await get('/api/v1/admin/analytics/settings')).body).toEqual(before);
  });
});

describe('a share posted again', () => {
  it('is counted once, on the day it was first posted, by the processor and by the back-fill alike', async () => {
    const person = await aPerson(s.db, { department: 'Engineering' });
    const { linkCode } = await aShare(s.db, { item: plain, person, network: 'xing' });
    // As if it had been posted yesterday (event and row).
    await s.db.query(`update events set created_at = created_at - interval '1 day' where type = 'share.recorded' and payload->>'linkCode' = $1`, [linkCode]);
    await s.db.query(`update shares set created_at = created_at - interval '1 day' where link_code = $1`, [linkCode]);
    await processAll();
    // Posted again today: still one share, its time moves.
    await aShare(s.db, { item: plain, person, network: 'xing' });
    await processAll();
    const kept = await rollup();
    const mine = kept.filter((r) => r.person_id === person.id);
    expect(mine).toEqual([expect.objectContaining({ day: addDays(today, -1), shares: 1 })]);
    await backfillAnalytics(s.db, TZ);
    expect(await rollup()).toEqual(kept);
  });
});

describe('answers kept for a while (ANALYTICS_REFRESH_SECONDS)', () => {
  it('serves a kept answer until the refresh time, shows a raised minimum group at once, and then the new numbers', async () => {
    let now = Date.now();
    const clock = () => now;
    const service = analyticsService(s.db, { timeZone: TZ, now: clock, cache: new AnalyticsCache({ refreshMs: 60_000, now: clock }) });
    const sales = () => service.breakdown({ dimension: 'department', from, to }, 'en').then((b) => b.rows.find((r) => r.key === 'Sales'));
    const before = await sales();
    expect(before).toMatchObject({ people: 6 });

    // A Sales colleague shares once more: within the refresh time the kept answer is served.
    await aShare(s.db, { item: evil, person: people.Sales![1]!, network: 'linkedin' });
    await processAll();
    now += 30_000;
    expect(await sales()).toEqual(before);

    // A raised minimum group is never answered from what was computed under the lower one.
    const settings = await service.repo.settings();
    await service.repo.saveSettings({ minGroup: 7, currency: settings.currency, costPerClick: settings.costPerClick }, admin.id);
    try {
      const raised = await service.breakdown({ dimension: 'department', from, to }, 'en');
      expect(raised.minGroup).toBe(7);
      expect(raised.rows.map((r) => r.key)).toEqual([]);
    } finally {
      await service.repo.saveSettings({ minGroup: settings.minGroup, currency: settings.currency, costPerClick: settings.costPerClick }, admin.id);
    }

    // After the refresh time: the older answer once more, at once, while the new one is computed.
    now += 60_000;
    expect(await sales()).toEqual(before);
    await eventually(
      async () => (await sales())!.shares,
      (shares) => shares === before!.shares + 1,
    );
  });
});

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventProcessor, StoredEvent } from '../../bot/src/domain/events/domain-event.js';
import { eventProcessingJob } from '../../bot/src/jobs/event-processing.js';
import { JobRunner } from '../../bot/src/jobs/job-runner.js';
import { jobsRepo } from '../../bot/src/storage/repos/jobs.js';
import { ManualClock } from '../support/manual-clock.js';
import type { Queryable } from '../../bot/src/storage/db.js';
import { catchUp, positions, processNext, rewind } from '../../bot/src/storage/events/event-log.js';
import { recordEvents } from '../../bot/src/storage/events/record-events.js';
import { ClickRecorder } from '../../bot/src/storage/repos/clicks.js';
import { eventually } from '../support/eventually.js';
import { aGuideline, anAdmin, aPerson, aTopic, type TestPerson } from '../support/factories.js';
import { api, READER, validItem } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 11, domain events: what happened is written in the same transaction as the
 * change; processors read the log at least once, in order, and remember their position.
 */
let s: TestServer;
let adminPerson: TestPerson;
let sharer: TestPerson;
let reader: TestPerson;
beforeAll(async () => {
  // No worker: Chorus's own event-processors job (points) would share the job row the tests below run on a manual clock.
  s = await startTestServer({ WORKER: 'false' });
  // Four people joined: each is a "person joined" event.
  adminPerson = await anAdmin(s.db);
  sharer = await aPerson(s.db);
  reader = await aPerson(s.db);
  await aPerson(s.db);
  await aTopic(s.db, { id: 'culture' }); // validItem's topic
  await aGuideline(s.db, { by: adminPerson });
});
afterAll(async () => s?.close());

const admin = () => adminPerson.headers;
const eventsOf = async (type: string) =>
  s.db.query<{ id: string; subject: string; payload: Record<string, unknown> }>('select id, subject, payload from events where type = $1 order by id', [type]);
const silent = pino({ level: 'silent' });

/** A processor that remembers what it saw, in a table of its own, in the processor's transaction. */
function recorder(name: string, types: StoredEvent['type'][], failOnce = false): EventProcessor<Queryable> & { seen: StoredEvent[] } {
  let failed = !failOnce;
  const seen: StoredEvent[] = [];
  return {
    name,
    types,
    seen,
    async handle(events, tx) {
      for (const e of events) await tx.query('insert into test_seen (processor, event_id) values ($1, $2)', [name, e.id]);
      if (!failed) {
        failed = true;
        throw new Error('the first try fails after writing');
      }
      seen.push(...events);
    },
  };
}

describe('events written with the change', () => {
  it('a share is one event however often it is posted; the clicks of a flush are one event', async () => {
    const { body } = await api(s.url, 'POST', '/api/v1/admin/items', { headers: admin(), body: validItem({ title: 'Events item' }) });
    const itemId = body.item.id as string;
    await api(s.url, 'POST', `/api/v1/admin/items/${itemId}/publish`, { headers: admin(), body: {} });
    const page = await api(s.url, 'POST', `/api/v1/items/${itemId}/share-link`, { headers: sharer.headers });
    const token = page.body.url.split('/s/')[1];
    let link = '';
    for (let i = 0; i < 3; i++) link = (await api(s.url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'x', text: 'hi' } })).body.link;
    const shares = (await eventsOf('share.recorded')).filter((e) => e.payload.itemId === itemId);
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ subject: `item:${itemId}`, payload: { network: 'x', linkCode: link.split('/l/')[1] } });
    expect((await eventsOf('item.published')).some((e) => e.payload.itemId === itemId)).toBe(true);

    const before = (await eventsOf('clicks.counted')).length;
    await Promise.all(Array.from({ length: 5 }, () => fetch(link, { redirect: 'manual', headers: READER })));
    const counted = await eventually(
      async () => (await eventsOf('clicks.counted')).slice(before),
      (events) => events.reduce((n, e) => n + (e.payload.counts as Array<{ clicks: number }>).reduce((m, c) => m + c.clicks, 0), 0) === 5,
    );
    // Batched: five clicks within one flush interval are far fewer than five events.
    expect(counted.length).toBeLessThan(5);

    await api(s.url, 'POST', `/api/v1/admin/items/${itemId}/archive`, { headers: admin(), body: {} });
    expect((await eventsOf('item.archived')).map((e) => e.payload.itemId)).toContain(itemId);
  });

  it('a crisis switch, a guideline read and a new person are events; a refused change is none', async () => {
    const count = async () => (await s.db.query<{ n: number }>('select count(*)::int as n from events'))[0]!.n;
    const refused = await count();
    expect((await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { reason: '', instructions: { en: '' } } })).status).toBe(400);
    expect(await count()).toBe(refused);

    await api(s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: { reason: 'Drill', instructions: { en: 'Say nothing.' } } });
    await api(s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} });
    expect((await eventsOf('crisis.switched')).map((e) => e.payload.active)).toEqual([true, false]);

    const guideline = (await api(s.url, 'GET', '/api/v1/guidelines', { headers: reader.headers })).body.items[0];
    for (let i = 0; i < 2; i++) await api(s.url, 'POST', `/api/v1/guidelines/${guideline.id}/acknowledge`, { headers: reader.headers, body: { version: guideline.version } });
    expect((await eventsOf('guideline.acknowledged')).filter((e) => e.payload.guidelineId === guideline.id)).toHaveLength(1);

    const joined = (await eventsOf('person.joined')).length;
    expect(joined).toBeGreaterThanOrEqual(4); // the four made above
  });

  it('a click flush whose transaction fails leaves neither counts nor an event, and both land on the retry', async () => {
    const [link] = await s.db.query<{ code: string; item_id: string }>('select code, item_id from links limit 1');
    const events = async () => (await eventsOf('clicks.counted')).length;
    const before = await events();
    const rec = new ClickRecorder(s.db, { intervalMs: 60_000, onError: () => undefined });
    rec.record({ code: link!.code, itemId: link!.item_id, network: 'x', at: Date.parse('2020-01-01T00:00:00Z') });
    await s.db.query('alter table events rename to events_away');
    await rec.flush();
    await s.db.query('alter table events_away rename to events');
    const stored = await s.db.query<{ n: number }>(`select count(*)::int as n from clicks where link_code = $1 and minute = '2020-01-01T00:00:00Z'`, [link!.code]);
    expect(stored[0]!.n).toBe(0);
    expect(await events()).toBe(before);
    await rec.close();
    expect(await events()).toBe(before + 1);
  });
});

describe('event processors', () => {
  beforeAll(async () => {
    await s.db.query('create table test_seen (processor text not null, event_id bigint not null)');
  });

  it('see each event of their types once, in log order, and remember where they are', async () => {
    const p = recorder('test-order', ['crisis.switched', 'share.recorded']);
    await catchUp(s.db, p);
    const all = await s.db.query<{ id: string }>(`select id from events where type in ('crisis.switched', 'share.recorded') order by id`);
    expect(p.seen.map((e) => e.id)).toEqual(all.map((r) => Number(r.id)));
    expect(await catchUp(s.db, p)).toBe(0); // nothing twice
    await s.db.transaction((tx) => recordEvents(tx, [{ type: 'crisis.switched', subject: 'crisis', payload: { active: false, version: 99 } }]));
    expect(await catchUp(s.db, p)).toBe(1);
    const [mine] = (await positions(s.db)).filter((x) => x.processor === 'test-order');
    expect(mine).toMatchObject({ processed: all.length + 1, behind: 0 });
  });

  it('a failed batch is handed over again from the same position; what it wrote is undone', async () => {
    const p = recorder('test-retry', ['crisis.switched'], true);
    await expect(processNext(s.db, p)).rejects.toThrow('the first try fails');
    const [{ n: afterFailure } = { n: -1 }] = await s.db.query<{ n: number }>(`select count(*)::int as n from test_seen where processor = 'test-retry'`);
    expect(afterFailure).toBe(0);
    await catchUp(s.db, p);
    const written = await s.db.query<{ event_id: string }>(`select event_id from test_seen where processor = 'test-retry' order by event_id`);
    expect(written.map((r) => Number(r.event_id))).toEqual(p.seen.map((e) => e.id));
    expect(p.seen.length).toBeGreaterThan(0);
  });

  it('can be rewound to recompute from the start of the log', async () => {
    const p = recorder('test-rewind', ['crisis.switched']);
    const first = await catchUp(s.db, p);
    await rewind(s.db, 'test-rewind');
    expect(await catchUp(s.db, p)).toBe(first);
  });

  it('never skips an event: appends racing a processor are all seen, in id order, and rolled-back ones never', async () => {
    const p = recorder('test-race', ['person.left']);
    await catchUp(s.db, p);
    // Eight writers at a time, so the reader always finds a free connection in between.
    let next = 0;
    const append = (i: number) =>
      s.db
        .transaction(async (tx) => {
          await recordEvents(tx, [{ type: 'person.left', subject: `person:race-${i}`, payload: { personId: `race-${i}` } }]);
          // Some appends take their time to commit while later ones are quick: without the
          // append lock the reader would see later ids first and step over the slow ones.
          if (i % 4 === 0) await tx.query('select pg_sleep(0.05)');
          if (i % 10 === 9) throw new Error('rolled back');
        })
        .catch(() => undefined);
    const appends = Array.from({ length: 8 }, async () => {
      while (next < 100) await append(next++);
    });
    let appending = true;
    const reading = (async () => {
      // Whole batches: each read reaches the newest event it can see.
      while (appending) await processNext(s.db, p);
    })();
    await Promise.all(appends);
    appending = false;
    await reading;
    await catchUp(s.db, p);
    const ids = p.seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(90);
    expect(p.seen.map((e) => (e.payload as { personId: string }).personId).filter((x) => /9$/.test(x))).toEqual([]);
  });

  it('a job on the runner keeps processors caught up, carries on past one that fails, and reports the failure', async () => {
    const broken: EventProcessor<Queryable> = { name: 'test-broken', types: ['crisis.switched'], handle: async () => Promise.reject(new Error('always')) };
    const p = recorder('test-job', ['crisis.switched']);
    const clock = new ManualClock(Date.now());
    const runner = new JobRunner({ db: s.db, log: silent, jobs: [eventProcessingJob(s.db, [broken, p])], clock });
    await runner.register();
    await runner.runDue();
    const seen = p.seen.length;
    expect(seen).toBeGreaterThan(0);
    await s.db.transaction((tx) => recordEvents(tx, [{ type: 'crisis.switched', subject: 'crisis', payload: { active: true, version: 100 } }]));
    await clock.advance(60_000); // past the retry's backoff and the next interval
    await runner.runDue();
    expect(p.seen.length).toBe(seen + 1);
    expect((await positions(s.db)).find((x) => x.processor === 'test-broken')?.processed ?? 0).toBe(0);
    const job = (await jobsRepo(s.db).list(new Date(clock.now()))).find((j) => j.name === 'event-processors');
    expect(job?.lastError).toMatch(/test-broken/);
    expect(job?.failures).toBeGreaterThanOrEqual(1);
  });
});

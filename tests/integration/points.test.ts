import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUp, rewind } from '../../bot/src/storage/events/event-log.js';
import { recordEvents } from '../../bot/src/storage/events/record-events.js';
import { pointsProcessor } from '../../bot/src/storage/repos/points-ledger.js';
import { preferencesRepo } from '../../bot/src/storage/repos/preferences.js';
import { anAdmin, anItem, aPerson, aShare, aTraining, type TestPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 12 §4–5: points rules, the ledger the `points` processor writes from events,
 * recomputing, my points, my settings and the opt-in leaderboard. No worker runs here:
 * the test moves the processor itself (catchUp), so nothing depends on timing.
 */
let s: TestServer;
let admin: TestPerson;
let ana: TestPerson;
let ben: TestPerson;
beforeAll(async () => {
  s = await startTestServer({ WORKER: 'false' });
  admin = await anAdmin(s.db);
  ana = await aPerson(s.db, { department: 'Sales', location: 'Hamburg' });
  ben = await aPerson(s.db, { department: 'Sales', location: 'Hamburg' });
});
afterAll(async () => s?.close());

const RULES = { enabled: true, perShare: 10, perReader: 1, readerDailyCap: 5, perTraining: 20, perAcceptedProposal: 25, perConversion: 50 };
const process = () => catchUp(s.db, pointsProcessor);
const ledgerOf = async (person: { id: string }) =>
  s.db.query<{ source_key: string; points: number }>('select source_key, points from points_ledger where person_id = $1 order by source_key', [person.id]);
const total = async (person: TestPerson) => (await api(s.url, 'GET', '/api/v1/me/points', { headers: person.headers })).body.total as number;
const fingerprint = async () =>
  JSON.stringify([await s.db.query('select * from points_rules'), await s.db.query('select * from preferences order by person_id'), await s.db.query('select count(*)::int as n from points_ledger')]);
const readers = (linkCode: string, itemId: string, day: string, n: number) =>
  s.db.transaction((tx) => recordEvents(tx, [{ type: 'readers.counted', subject: 'clicks', payload: { counts: [{ linkCode, itemId, network: 'linkedin', day, readers: n }] } }]));

describe('points rules', () => {
  it('are off by default; only admins read or change them; absurd or negative rules are refused and nothing is written', async () => {
    const got = await api(s.url, 'GET', '/api/v1/admin/points/rules', { headers: admin.headers });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ enabled: false, updatedAt: null });
    expect((await api(s.url, 'GET', '/api/v1/admin/points/rules', { headers: ana.headers })).status).toBe(403);
    expect((await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: ana.headers, body: RULES })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/v1/admin/points/recompute', { headers: ana.headers, body: {} })).status).toBe(403);

    const before = await fingerprint();
    for (const [field, value] of [['perShare', -1], ['perReader', 1001], ['readerDailyCap', 10_001], ['perTraining', 2.5], ['perConversion', '5']] as const) {
      const res = await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: admin.headers, body: { ...RULES, [field]: value } });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
    expect(await fingerprint()).toBe(before);
  });

  it('nothing accrues while the program is off', async () => {
    const item = await anItem(s.db);
    await aShare(s.db, { item, person: ana });
    await process();
    expect(await ledgerOf(ana)).toEqual([]);
    expect((await api(s.url, 'GET', '/api/v1/me/points', { headers: ana.headers })).body).toMatchObject({ programOn: false, total: 0, items: [] });
  });
});

describe('the ledger', () => {
  let item: { id: string; title: string };
  let linkCode: string;
  it('a share, readers capped per share and day, an attended training — each once, however often an event is seen', async () => {
    expect((await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: admin.headers, body: RULES })).status).toBe(200);
    item = await anItem(s.db, { title: 'Points item' });
    ({ linkCode } = await aShare(s.db, { item, person: ben, network: 'linkedin' }));
    await readers(linkCode, item.id, '2026-12-01', 3);
    await readers(linkCode, item.id, '2026-12-01', 4); // 2 of these reach the cap of 5
    await readers(linkCode, item.id, '2026-12-02', 1);
    const training = await aTraining(s.db);
    await s.db.transaction((tx) =>
      recordEvents(tx, [{ type: 'training.attendance', subject: `training:${training.id}`, payload: { trainingId: training.id, attendance: [{ personId: ben.id, attended: true }] } }]),
    );
    await process();
    expect(await total(ben)).toBe(10 + 3 + 2 + 1 + 20);

    // Seen again (the position rewound without clearing): unique source keys add nothing.
    const once = await ledgerOf(ben);
    await rewind(s.db, 'points');
    await process();
    expect(await ledgerOf(ben)).toEqual(once);

    const mine = await api(s.url, 'GET', '/api/v1/me/points', { headers: ben.headers });
    expect(mine.body.programOn).toBe(true);
    const capped = mine.body.items.find((e: { readers: number }) => e.readers === 4);
    expect(capped).toMatchObject({ reason: 'readers', day: '2026-12-01', counted: 2, points: 2, item: { id: item.id, title: 'Points item' }, network: 'linkedin' });
    expect(mine.body.items.find((e: { reason: string }) => e.reason === 'training')).toMatchObject({ points: 20, training: { id: training.id } });

    // Attendance corrected: the training's points go again.
    await s.db.transaction((tx) =>
      recordEvents(tx, [{ type: 'training.attendance', subject: `training:${training.id}`, payload: { trainingId: training.id, attendance: [{ personId: ben.id, attended: false }] } }]),
    );
    await process();
    expect(await total(ben)).toBe(16);
  });

  it('recompute after a rule change equals processing the events as they come, also with the programme off in between', async () => {
    const changed = { ...RULES, perShare: 7, readerDailyCap: 100 };
    const saveRules = async (rules: typeof RULES) => expect((await api(s.url, 'PUT', '/api/v1/admin/points/rules', { headers: admin.headers, body: rules })).status).toBe(200);
    await saveRules(changed);
    const res = await api(s.url, 'POST', '/api/v1/admin/points/recompute', { headers: admin.headers, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.events).toBeGreaterThan(0);
    expect(await total(ben)).toBe(7 + 3 + 4 + 1);
    // Ana shared while the programme was off: that earns nothing, neither then nor recomputed.
    expect(await total(ana)).toBe(0);

    const cleo = await aPerson(s.db);
    const first = await anItem(s.db);
    const { linkCode } = await aShare(s.db, { item: first, person: cleo, network: 'linkedin' });
    await process();
    // Shared while the programme was on, processed only after it went off: still earns.
    await aShare(s.db, { item: await anItem(s.db), person: cleo, network: 'x' });
    await saveRules({ ...changed, enabled: false });
    // While it is off: a share and readers earn nothing, however late they are processed.
    const offItem = await anItem(s.db);
    const { linkCode: offCode } = await aShare(s.db, { item: offItem, person: cleo, network: 'linkedin' });
    await readers(linkCode, first.id, '2026-12-03', 3);
    await process();
    expect(await total(cleo)).toBe(7 + 7);
    // On again: readers counted from now on earn points, also those of the share made while off.
    await saveRules(changed);
    await readers(offCode, offItem.id, '2026-12-04', 2);
    await process();
    expect(await total(cleo)).toBe(7 + 7 + 2);

    const ledger = () => s.db.query('select source_key, points, person_id, event_id from points_ledger order by source_key');
    const live = await ledger();
    // The all-time sums the ledger's triggers keep (migration 021) equal the ledger, however it was written.
    const sums = `select person_id, sum(points)::int as points from points_ledger group by person_id having sum(points) <> 0 order by person_id`;
    const totals = `select person_id, points::int as points from points_totals where points <> 0 order by person_id`;
    expect(await s.db.query(totals)).toEqual(await s.db.query(sums));
    expect((await api(s.url, 'POST', '/api/v1/admin/points/recompute', { headers: admin.headers, body: {} })).status).toBe(200);
    expect(await ledger()).toEqual(live);
    expect(await s.db.query(totals)).toEqual(await s.db.query(sums));
    // And once more from the first event, one batch at a time.
    await s.db.query('delete from points_ledger');
    expect(await s.db.query(totals)).toEqual([]);
    await rewind(s.db, 'points');
    await process();
    expect(await ledger()).toEqual(live);
    expect(await s.db.query(totals)).toEqual(await s.db.query(sums));
    // Processing the same events again adds nothing, to the ledger or to the sums.
    const before = await s.db.query(totals);
    await rewind(s.db, 'points');
    await process();
    expect(await s.db.query(totals)).toEqual(before);
    // Who switched when: one row per save, the line drawn after an event id.
    const log = await s.db.query<{ enabled: boolean }>('select enabled from points_program_log order by id');
    expect(log.map((r) => r.enabled)).toEqual([true, true, false, true]);
  });

  it('my points are mine: no way to ask for someone else’s; bad windows are refused', async () => {
    const other = await api(s.url, 'GET', `/api/v1/me/points?personId=${ben.id}`, { headers: ana.headers });
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toHaveProperty('personId');
    const backwards = await api(s.url, 'GET', '/api/v1/me/points?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', { headers: ana.headers });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toHaveProperty('to');
    expect((await api(s.url, 'GET', '/api/v1/me/points?from=yesterday', { headers: ana.headers })).status).toBe(400);
    expect((await api(s.url, 'GET', '/api/v1/me/points?from=0000-01-01T00:30:00%2B01:00', { headers: ana.headers })).status).toBe(400);
    const empty = await api(s.url, 'GET', '/api/v1/me/points?from=2000-01-01T00:00:00Z&to=2000-02-01T00:00:00Z', { headers: ben.headers });
    expect(empty.body).toMatchObject({ total: 0, items: [] });
  });
});

describe('settings and the opt-in leaderboard', () => {
  const board = async (who: TestPerson, query = 'period=week') => api(s.url, 'GET', `/api/v1/leaderboard?${query}`, { headers: who.headers });
  const settings = (who: TestPerson, body: unknown) => api(s.url, 'PUT', '/api/v1/me/settings', { headers: who.headers, body });

  it('settings are the preferences the bot writes: defaults, language for both, results cards', async () => {
    const got = await api(s.url, 'GET', '/api/v1/me/settings', { headers: ana.headers });
    expect(got.body).toEqual({ resultsCards: true, leaderboard: { optIn: false, pseudonym: null, boardId: null }, notificationLevel: 'every', paused: false, language: 'en' });
    const saved = await settings(ana, { resultsCards: false, notificationLevel: 'digest', language: 'de' });
    expect(saved.body).toMatchObject({ resultsCards: false, notificationLevel: 'digest', language: 'de' });
    const [row] = await s.db.query<{ notification_level: string; language: string; people_language: string }>(
      'select pr.notification_level, pr.language, pe.language as people_language from preferences pr join people pe on pe.id = pr.person_id where pe.id = $1',
      [ana.id],
    );
    expect(row).toEqual({ notification_level: 'digest', language: 'de', people_language: 'de' });
    // What the bot's "stop" and settings card write is what the tab reads, and the other way round.
    await preferencesRepo(s.db).update(ana.id, { paused: true, notificationLevel: 'none' });
    expect((await api(s.url, 'GET', '/api/v1/me/settings', { headers: ana.headers })).body).toMatchObject({ paused: true, notificationLevel: 'none' });
    await settings(ana, { paused: false, notificationLevel: 'every' });
    expect(await preferencesRepo(s.db).get(ana.id)).toEqual({ paused: false, notificationLevel: 'every' });
  });

  it('out by default; opting in puts me on the board under my pseudonym with an opaque board id; out again, gone from every period', async () => {
    expect((await board(ben)).body.top).toEqual([]);
    const optIn = await settings(ben, { leaderboard: { optIn: true, pseudonym: '  Blue Fox ' } });
    expect(optIn.status).toBe(200);
    expect(optIn.body.leaderboard).toMatchObject({ optIn: true, pseudonym: 'Blue Fox' });
    const boardId = optIn.body.leaderboard.boardId as string;
    expect(boardId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(boardId).not.toBe(ben.id);
    for (const period of ['week', 'month', 'all']) {
      const res = await board(ben, `period=${period}`);
      expect(res.body.top, period).toEqual([{ rank: 1, boardId, name: 'Blue Fox', points: 15, me: true }]);
      expect(res.body.me).toEqual({ optedIn: true, rank: 1, points: 15 });
      expect(JSON.stringify(res.body)).not.toContain(ben.id);
    }
    // The board id stays while the name shown next to it stays (the same pseudonym again, or
    // left out: anything left out stays as it is) ...
    expect((await settings(ben, { leaderboard: { optIn: true, pseudonym: 'Blue Fox' } })).body.leaderboard.boardId).toBe(boardId);
    const leftOut = await settings(ben, { resultsCards: true, leaderboard: { optIn: true } });
    expect(leftOut.body.leaderboard).toEqual({ optIn: true, pseudonym: 'Blue Fox', boardId });
    // ... and is a new random one whenever that name changes, so nobody can tell that the id
    // once shown next to one name now belongs to another.
    const seen = new Set([boardId]);
    const renamed = async (pseudonym: string | null) => {
      const res = await settings(ben, { leaderboard: { optIn: true, pseudonym } });
      expect(res.status).toBe(200);
      const id = res.body.leaderboard.boardId as string;
      expect(seen.has(id), String(pseudonym)).toBe(false);
      seen.add(id);
      return id;
    };
    await renamed('Green Fox'); // changed
    await renamed(null); // cleared: now his own name
    const green = await renamed('Green Fox'); // set
    await settings(ben, { leaderboard: { optIn: false } });
    const again = await settings(ben, { leaderboard: { optIn: true, pseudonym: 'Green Fox' } }); // opted in again
    expect(seen.has(again.body.leaderboard.boardId), 'opt-in again').toBe(false);
    expect(again.body.leaderboard.boardId).not.toBe(green);
    expect((await board(ben, 'period=all')).body.top).toEqual([{ rank: 1, boardId: again.body.leaderboard.boardId, name: 'Green Fox', points: 15, me: true }]);

    // Admins see exactly what employees see; people who did not opt in are nowhere.
    const asAdmin = await board(admin);
    const asAna = await board(ana);
    const strip = (b: { top: Array<Record<string, unknown>> }) => ({ ...b, top: b.top.map(({ me: _me, ...e }) => e), me: undefined });
    expect(strip(asAdmin.body)).toEqual(strip(asAna.body));
    expect(asAna.body.me).toEqual({ optedIn: false, rank: null, points: null });
    expect(JSON.stringify(asAdmin.body)).not.toContain(ana.id);

    await settings(ben, { leaderboard: { optIn: false } });
    for (const period of ['week', 'month', 'all']) expect((await board(ana, `period=${period}`)).body.top, period).toEqual([]);
    expect((await api(s.url, 'GET', '/api/v1/me/settings', { headers: ben.headers })).body.leaderboard).toEqual({ optIn: false, pseudonym: null, boardId: null });
  });

  it('bad pseudonyms are refused with the field, and nothing is written', async () => {
    expect((await settings(ben, { leaderboard: { optIn: true, pseudonym: 'Anna' } })).status).toBe(200);
    const before = await fingerprint();
    const cases: Array<[string, number]> = [
      ['', 400], ['  ', 400], ['ab', 400], ['x'.repeat(31), 400], ['<b>Anna</b>', 400], ['Anna!', 400],
      ['ANNA', 409], ['anna', 409], ['Ａｎｎａ', 409], ['Аппа', 409], ['Αηηα', 409], ['Anna_', 409],
      // Mixed alphabets, invisible fillers, other scripts and Latin look-alikes: refused outright.
      ['Аnna', 400], ['Αnnα', 400], ['Anna\u3164', 400], ['\u3164\u3164\u3164', 400], ['Anna\uFFA0', 400], ['An\u200Dna', 400],
      ['ɑnna', 400], ['Ꭺnna', 400], ['ᴀnna', 400],
    ];
    for (const [pseudonym, status] of cases) {
      const res = await settings(ana, { resultsCards: true, leaderboard: { optIn: true, pseudonym } });
      expect(res.status, pseudonym).toBe(status);
      expect(res.body.error.fields, pseudonym).toHaveProperty(['leaderboard.pseudonym']);
    }
    expect(await fingerprint()).toBe(before);
    // Ben may keep his own in another case.
    expect((await settings(ben, { leaderboard: { optIn: true, pseudonym: 'ANNA' } })).status).toBe(200);
  });

  it("a pseudonym may not be (or look like) another person's name: 409, nothing written", async () => {
    const anna = await aPerson(s.db, { displayName: 'Anna Schmidt' });
    await settings(anna, { leaderboard: { optIn: true } });
    const before = await fingerprint();
    for (const pseudonym of ['Anna Schmidt', 'anna schmidt', 'ANNA_SCHMIDT', 'Anna  Schmidt', 'Anna-Schmidt', 'Anna Schmldt', 'Аnnа Sсhmidt']) {
      const res = await settings(ben, { leaderboard: { optIn: true, pseudonym } });
      expect([409, 400], pseudonym).toContain(res.status);
      if (!/[А-я]/.test(pseudonym)) expect(res.status, pseudonym).toBe(409);
      expect(res.body.error.fields, pseudonym).toHaveProperty(['leaderboard.pseudonym']);
    }
    expect(await fingerprint()).toBe(before);
    // Her own name is hers to use as a pseudonym.
    expect((await settings(anna, { leaderboard: { optIn: true, pseudonym: 'Anna Schmidt' } })).status).toBe(200);
    await settings(anna, { leaderboard: { optIn: false } });
  });

  it('teams appear only with at least five members opted in, summing only their points', async () => {
    const sales = [ana, ben, ...(await Promise.all([1, 2, 3].map(() => aPerson(s.db, { department: 'Sales', location: 'Hamburg' }))))];
    const legal = await Promise.all([1, 2, 3, 4].map(() => aPerson(s.db, { department: 'Legal', location: 'Hamburg' })));
    for (const p of [...sales, ...legal]) await settings(p, { leaderboard: { optIn: true } });
    const res = await board(ana, 'period=all');
    expect(res.body.teams).toEqual({ by: 'department', minMembers: 5, items: [{ rank: 1, name: 'Sales', points: 0 + 15 }] });
    // How many took part is not told: in a department of six, "5 members" would say who stayed out.
    expect(res.body.teams.items[0]).not.toHaveProperty('members');
    const byLocation = await board(ana, 'period=all&teams=location');
    expect(byLocation.body.teams.items).toEqual([{ rank: 1, name: 'Hamburg', points: 15 }]);
    // Opting out of one member takes Sales below five: the team is not shown at all.
    await settings(sales[4] as TestPerson, { leaderboard: { optIn: false } });
    expect((await board(ana, 'period=all')).body.teams.items).toEqual([]);
  });

  it('periods that do not exist are a 400; a campaign nobody wired is a 404', async () => {
    const bad = await board(ana, 'period=year');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('period');
    expect((await board(ana, 'period=campaign')).status).toBe(400);
    expect((await board(ana, 'period=campaign&campaignId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it("a campaign's period is its time box", async () => {
    const [row] = await s.db.query<{ id: string }>(
      `insert into campaigns (name, starts_at, ends_at, topic, goal_metric, goal_target)
       values ('Spring', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'culture', 'shares', 10) returning id`,
    );
    const res = await board(ana, `period=campaign&campaignId=${row!.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: 'campaign', from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
  });
});

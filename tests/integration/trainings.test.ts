import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAdmin, aPerson, type TestPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Trainings (issue 5): planning, registering with a waitlist, the race for the last seat,
// the calendar file, attendance, and the refusals — real server, real SQL.
let s: TestServer;
let admin: TestPerson;
/** In Engineering: sessions for Sales are not meant for him. */
let engineer: TestPerson;
/** In Sales, Hamburg, reads English. */
let seller: TestPerson;
beforeAll(async () => {
  s = await startTestServer();
  admin = await anAdmin(s.db);
  engineer = await aPerson(s.db, { department: 'Engineering', location: 'München' });
  seller = await aPerson(s.db, { department: 'Sales', location: 'Hamburg', language: 'en' });
});
afterAll(async () => {
  await s?.close();
});

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();
const session = (over: Record<string, unknown> = {}) => ({
  title: 'LinkedIn profile session',
  description: 'Headline, photo, about: we fix yours together.',
  startsAt: at(48),
  endsAt: at(49.5),
  timeZone: 'Europe/Berlin',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  capacity: 2,
  language: 'en',
  host: 'Petra Press',
  ...over,
});
const as = (who: string, extra: Record<string, string> = {}) => ({ ...s.as(who), ...extra });
const create = async (over: Record<string, unknown> = {}) => {
  const res = await api(s.url, 'POST', '/api/v1/admin/trainings', { headers: as(admin.devKey), body: session(over) });
  expect(res.status).toBe(201);
  return res.body.training.id as string;
};
const register = (id: string, who: string) => api(s.url, 'POST', `/api/v1/trainings/${id}/register`, { headers: as(who), body: {} });
const unregister = (id: string, who: string) => api(s.url, 'POST', `/api/v1/trainings/${id}/unregister`, { headers: as(who), body: {} });
const view = async (id: string, who: string) => (await api(s.url, 'GET', `/api/v1/trainings/${id}`, { headers: as(who) })).body;

/** People who can sign in with dev keys `<prefix>-1` … `<prefix>-n`. */
async function people(prefix: string, n: number, department = 'Sales'): Promise<string[]> {
  await s.db.query(
    `insert into people (display_name, role, language, department, location, dev_key)
     select $1 || ' ' || g, 'employee', 'en', $3, 'Hamburg', $1 || '-' || g from generate_series(1, $2::int) g`,
    [prefix, n, department],
  );
  return Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
}

describe('trainings', () => {
  it('seats first, then the waitlist in order; a freed seat goes to the first waiting', async () => {
    const id = await create();
    const [a, b, c, d] = await people('wait', 4);
    expect((await register(id, a!)).body).toMatchObject({ outcome: 'registered', training: { seatsLeft: 1, mine: { status: 'registered' } } });
    expect((await register(id, a!)).body.outcome).toBe('unchanged'); // twice: harmless
    expect((await register(id, b!)).body).toMatchObject({ outcome: 'registered', training: { seatsLeft: 0 } });
    expect((await register(id, c!)).body).toMatchObject({ outcome: 'waitlisted', training: { mine: { status: 'waitlisted', position: 1 } } });
    expect((await register(id, d!)).body.training.mine).toEqual({ status: 'waitlisted', position: 2 });

    expect((await unregister(id, a!)).body).toMatchObject({ outcome: 'cancelled', training: { mine: { status: 'cancelled' } } });
    expect((await view(id, c!)).mine).toEqual({ status: 'registered' }); // promoted
    expect((await view(id, d!)).mine).toEqual({ status: 'waitlisted', position: 1 });
    expect(await view(id, engineer.devKey)).toMatchObject({ registered: 2, waitlisted: 1, seatsLeft: 0 });
    expect((await unregister(id, a!)).body.outcome).toBe('unchanged');

    // A waiting person leaving frees no seat and moves the line up.
    expect((await unregister(id, d!)).body.outcome).toBe('cancelled');
    expect(await view(id, engineer.devKey)).toMatchObject({ registered: 2, waitlisted: 0 });
    // Coming back: the end of the line.
    expect((await register(id, a!)).body.training.mine).toEqual({ status: 'waitlisted', position: 1 });
  });

  it('two dozen people racing for the last seat: exactly one gets it, the rest queue in distinct places', async () => {
    const id = await create({ capacity: 1 });
    const racers = await people('race', 24);
    const results = await Promise.all(racers.map((who) => register(id, who)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === 'registered')).toHaveLength(1);
    const places = results.filter((r) => r.body.outcome === 'waitlisted').map((r) => r.body.training.mine.position as number);
    expect(new Set(places).size).toBe(23);
    const [counts] = await s.db.query<{ registered: number; waitlisted: number }>(
      `select count(*) filter (where status = 'registered')::int as registered, count(*) filter (where status = 'waitlisted')::int as waitlisted
       from training_registrations where training_id = $1`,
      [id],
    );
    expect(counts).toEqual({ registered: 1, waitlisted: 23 });

    // Leaving and joining at once: the seat count never goes over capacity.
    const holder = racers[results.findIndex((r) => r.body.outcome === 'registered')]!;
    const late = await people('late', 5);
    await Promise.all([unregister(id, holder), ...late.map((who) => register(id, who))]);
    const after = await view(id, engineer.devKey);
    expect(after.registered).toBe(1);
    expect(after.waitlisted).toBe(27);
  });

  it('lists upcoming sessions meant for me, my sessions, and past ones with materials', async () => {
    const forSales = await create({ title: 'X for beginners', audience: { departments: ['Sales'], locations: [] } });
    const forEngineering = await create({ title: 'Engineering only', audience: { departments: ['Engineering'], locations: [] } });
    const past = await create({ title: 'Last week', materialsUrl: 'https://example.com/slides.pdf' });
    await register(past, seller.devKey);
    await s.db.query(`update trainings set starts_at = now() - interval '7 days', ends_at = now() - interval '7 days' + interval '1 hour' where id = $1`, [past]);

    const upcoming = (await api(s.url, 'GET', '/api/v1/trainings', { headers: as(seller.devKey) })).body.items as Array<{ id: string }>;
    expect(upcoming.map((t) => t.id)).toContain(forSales);
    expect(upcoming.map((t) => t.id)).not.toContain(forEngineering);
    expect(upcoming.map((t) => t.id)).not.toContain(past);
    // Not meant for her: as if it did not exist.
    expect((await api(s.url, 'GET', `/api/v1/trainings/${forEngineering}`, { headers: as(seller.devKey) })).status).toBe(404);
    expect((await register(forEngineering, seller.devKey)).status).toBe(404);

    await register(forSales, seller.devKey);
    const mine = (await api(s.url, 'GET', '/api/v1/trainings?view=mine', { headers: as(seller.devKey) })).body.items as Array<{ id: string }>;
    expect(mine.map((t) => t.id)).toContain(forSales);
    const pastList = (await api(s.url, 'GET', '/api/v1/trainings?view=past', { headers: as(seller.devKey) })).body.items as Array<{ id: string; materialsUrl: string }>;
    expect(pastList.find((t) => t.id === past)?.materialsUrl).toBe('https://example.com/slides.pdf');
    // Too late to register for what has begun.
    expect((await register(past, engineer.devKey)).status).toBe(409);
  });

  it('gives a calendar file whose revision grows with every change and that says CANCELLED once cancelled', async () => {
    const id = await create({ room: 'Berlin, 3rd floor, Spree', title: 'Twitter, sorry: X for beginners' });
    const ics = await fetch(`${s.url}/api/v1/trainings/${id}/ics`, { headers: as(seller.devKey) });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(ics.headers.get('content-disposition')).toContain('.ics');
    const first = await ics.text();
    expect(first).toContain('SUMMARY:Twitter\\, sorry: X for beginners');
    expect(first).toContain(`UID:${id}@localhost`);
    expect(first).toContain('SEQUENCE:0');
    expect(first).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(first).toContain('LOCATION:Berlin\\, 3rd floor\\, Spree');

    expect((await api(s.url, 'PUT', `/api/v1/admin/trainings/${id}`, { headers: as(admin.devKey), body: session({ room: 'Room 2', capacity: 5 }) })).status).toBe(200);
    const second = await (await fetch(`${s.url}/api/v1/trainings/${id}/ics`, { headers: as(seller.devKey) })).text();
    expect(second).toContain('SEQUENCE:1');

    expect((await api(s.url, 'POST', `/api/v1/admin/trainings/${id}/cancel`, { headers: as(admin.devKey), body: {} })).body.status).toBe('cancelled');
    const third = await (await fetch(`${s.url}/api/v1/trainings/${id}/ics`, { headers: as(seller.devKey) })).text();
    expect(third).toContain('STATUS:CANCELLED');
    expect(third).toContain('SEQUENCE:2');
    expect((await register(id, seller.devKey)).status).toBe(409);
    expect((await register(id, seller.devKey)).body.error.message).toBe('This training has been cancelled');
    expect((await fetch(`${s.url}/api/v1/trainings/${id}/ics`)).status).toBe(401);
  });

  it('records attendance after the session, for registered people only, all or nothing', async () => {
    const id = await create({ capacity: 1 });
    const [came, waited] = await people('att', 2);
    await register(id, came!);
    await register(id, waited!);
    const regs = (await api(s.url, 'GET', `/api/v1/admin/trainings/${id}/registrants`, { headers: as(admin.devKey) })).body.items as Array<{ personId: string; status: string }>;
    const [cameId, waitedId] = [regs.find((r) => r.status === 'registered')!.personId, regs.find((r) => r.status === 'waitlisted')!.personId];
    const mark = (attendance: unknown) => api(s.url, 'PUT', `/api/v1/admin/trainings/${id}/attendance`, { headers: as(admin.devKey), body: { attendance } });
    expect((await mark([{ personId: cameId, attended: true }])).status).toBe(409); // not started yet
    await s.db.query(`update trainings set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = $1`, [id]);
    const refused = await mark([{ personId: cameId, attended: true }, { personId: waitedId, attended: true }]);
    expect(refused.status).toBe(400);
    const [untouched] = await s.db.query<{ attended: boolean | null }>('select attended from training_registrations where training_id = $1 and person_id = $2', [id, cameId]);
    expect(untouched?.attended).toBeNull();
    const ok = await mark([{ personId: cameId, attended: true }]);
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((r: { personId: string }) => r.personId === cameId).attended).toBe(true);
    // Naming someone twice is a mistake, not a choice of the last entry.
    const twice = await mark([{ personId: cameId, attended: true }, { personId: cameId, attended: false }]);
    expect(twice.status).toBe(400);
    // A cancelled session had no attendance to record.
    await api(s.url, 'POST', `/api/v1/admin/trainings/${id}/cancel`, { headers: as(admin.devKey), body: {} });
    expect((await mark([{ personId: cameId, attended: false }])).status).toBe(409);
  });

  it('refuses bad sessions with clear reasons and writes nothing', async () => {
    const count = async () => (await s.db.query<{ n: number }>('select count(*)::int as n from trainings'))[0]!.n;
    const before = await count();
    const post = (body: unknown, lang = 'en') =>
      api(s.url, 'POST', '/api/v1/admin/trainings', { headers: as(admin.devKey, { 'accept-language': lang }), body });
    const cases: Array<[Record<string, unknown>, string]> = [
      [session({ endsAt: at(47) }), 'endsAt'],
      [session({ capacity: 0 }), 'capacity'],
      [session({ capacity: 2.5 }), 'capacity'],
      [session({ meetingUrl: 'http://meet.example.com/x' }), 'meetingUrl'],
      [session({ meetingUrl: 'javascript:alert(1)' }), 'meetingUrl'],
      [session({ materialsUrl: 'ftp://example.com/slides' }), 'materialsUrl'],
      [session({ meetingUrl: null, room: null }), 'meetingUrl'],
      [session({ timeZone: 'Mars/Olympus' }), 'timeZone'],
      [session({ startsAt: at(-1), endsAt: at(1) }), 'startsAt'],
      [session({ title: '' }), 'title'],
      [{ ...session(), seats: 4 }, 'seats'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    const german = await post(session({ endsAt: at(47) }), 'de');
    expect(german.body.error.fields.endsAt).toBe('muss nach dem Beginn liegen');
    expect(await count()).toBe(before);

    // Capacity below the people already registered.
    const id = await create({ capacity: 2 });
    await register(id, seller.devKey);
    await register(id, engineer.devKey);
    const shrink = await api(s.url, 'PUT', `/api/v1/admin/trainings/${id}`, { headers: as(admin.devKey, { 'accept-language': 'de' }), body: session({ capacity: 1 }) });
    expect(shrink.status).toBe(400);
    expect(shrink.body.error.fields.capacity).toBe('muss mindestens 2 sein: so viele sind angemeldet');
    expect((await view(id, engineer.devKey)).capacity).toBe(2);
    // More seats: the waitlist moves up at once.
    const [w] = await people('grow', 1);
    expect((await register(id, w!)).body.outcome).toBe('waitlisted');
    expect((await api(s.url, 'PUT', `/api/v1/admin/trainings/${id}`, { headers: as(admin.devKey), body: session({ capacity: 3 }) })).status).toBe(200);
    expect((await view(id, w!)).mine).toEqual({ status: 'registered' });
  });

  it('lets people leave a session that is no longer meant for them, and keeps line breaks out of links', async () => {
    const id = await create({ audience: { departments: ['Sales'], locations: [] } });
    await register(id, seller.devKey);
    // The audience narrows after she registered: she can still leave.
    await api(s.url, 'PUT', `/api/v1/admin/trainings/${id}`, { headers: as(admin.devKey), body: session({ audience: { departments: ['Legal'], locations: [] } }) });
    expect((await register(id, engineer.devKey)).status).toBe(404);
    const left = await unregister(id, seller.devKey);
    expect(left.status).toBe(200);
    expect(left.body.outcome).toBe('cancelled');

    // A line break in a link is refused with the field, never stored (nor silently dropped).
    const sneaky = await api(s.url, 'POST', '/api/v1/admin/trainings', {
      headers: as(admin.devKey),
      body: session({ meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc\r\nX-INJECTED:1' }),
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.fields.meetingUrl).toBe('must not contain control characters or line breaks');
    const international = await create({ meetingUrl: 'https://teams.microsoft.com/l/meetup-join/schulung-ü' });
    const ics = await (await fetch(`${s.url}/api/v1/trainings/${international}/ics`, { headers: as(seller.devKey) })).text();
    expect(ics).toContain('https://teams.microsoft.com/l/meetup-join/schulung-%C3%BC');
  });

  it('keeps planning to admins', async () => {
    const id = await create();
    expect((await api(s.url, 'POST', '/api/v1/admin/trainings', { headers: as(seller.devKey), body: session() })).status).toBe(403);
    expect((await api(s.url, 'PUT', `/api/v1/admin/trainings/${id}`, { headers: as(seller.devKey), body: session() })).status).toBe(403);
    expect((await api(s.url, 'POST', `/api/v1/admin/trainings/${id}/cancel`, { headers: as(seller.devKey), body: {} })).status).toBe(403);
    expect((await api(s.url, 'GET', `/api/v1/admin/trainings/${id}/registrants`, { headers: as(seller.devKey) })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/v1/admin/trainings/00000000-0000-4000-8000-000000000000/registrants', { headers: as(admin.devKey) })).status).toBe(404);
    expect((await api(s.url, 'GET', '/api/v1/trainings')).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/v1/trainings/not-a-uuid', { headers: as(seller.devKey) })).status).toBe(404);
    expect((await view(id, seller.devKey)).status).toBe('scheduled');
  });
});

// Issue 14 §2: a session's audience checked against the people in the directory (people who left never count).
describe('the audience of a session', () => {
  const save = (audience: { departments: string[]; locations: string[] }, lang = 'en', id?: string) =>
    api(s.url, id ? 'PUT' : 'POST', id ? `/api/v1/admin/trainings/${id}` : '/api/v1/admin/trainings', {
      headers: as(admin.devKey, { 'accept-language': lang }),
      body: session({ audience }),
    });
  const listed = async (id: string) =>
    (await api(s.url, 'GET', '/api/v1/admin/trainings?limit=200', { headers: as(admin.devKey) })).body.items.find((t: { id: string }) => t.id === id);

  it('is saved with a warning when it reaches nobody or names a value nobody holds (a renamed department)', async () => {
    // Sales is in Hamburg; nobody in Sales works in München.
    const nobody = await save({ departments: ['Sales'], locations: ['München'] });
    expect(nobody.status).toBe(201);
    expect(nobody.body.warnings).toEqual([
      { field: 'audience', message: 'This audience reaches nobody at the moment: no one in Chorus is in these departments and locations' },
    ]);
    expect(nobody.body.training.audience).toEqual({ departments: ['Sales'], locations: ['München'] });

    const renamed = await save({ departments: ['Sales', 'Sales & Marketing (alt)'], locations: [] }, 'de');
    expect(renamed.body.warnings).toEqual([
      { field: 'audience.departments', message: 'Hat im Verzeichnis niemand (umbenannt oder weggefallen?): Sales & Marketing (alt)' },
    ]);

    const fine = await save({ departments: ['Engineering'], locations: [] });
    expect(fine.body.warnings).toEqual([]);
    expect((await save({ departments: [], locations: [] })).body.warnings).toEqual([]); // everyone

    // Changing a session warns the same way, and the change is saved.
    const changed = await save({ departments: ['Engineering'], locations: ['Hamburg', 'Atlantis'] }, 'en', fine.body.training.id);
    expect(changed.status).toBe(200);
    expect(changed.body.warnings).toEqual([
      { field: 'audience', message: expect.stringMatching(/^This audience reaches nobody/) },
      { field: 'audience.locations', message: 'Not held by anyone in the directory (renamed or gone?): Atlantis' },
    ]);
    expect((await listed(fine.body.training.id)).audience.locations).toEqual(['Hamburg', 'Atlantis']);
  });

  it('is flagged in the admin list once nobody holds its values any more, or nobody is in it', async () => {
    const researcher = await aPerson(s.db, { department: 'Product Research', location: 'Leipzig' });
    const research = await create({ audience: { departments: ['Product Research'], locations: [] } });
    const leipzig = await create({ audience: { departments: [], locations: ['Leipzig'] } });
    const everyone = await create();
    expect(await listed(research)).toMatchObject({ staleAudience: [], reachesNobody: false });
    expect(await listed(leipzig)).toMatchObject({ staleAudience: [], reachesNobody: false });

    // The directory renames the department: the session names a department nobody holds.
    await s.db.query(`update people set department = 'Research & Development' where id = $1`, [researcher.id]);
    expect(await listed(research)).toMatchObject({ staleAudience: ['Product Research'], reachesNobody: true });
    expect(await listed(leipzig)).toMatchObject({ staleAudience: [], reachesNobody: false });

    // The last person in Leipzig leaves: people who left do not count.
    await s.db.query('update people set left_at = now() where id = $1', [researcher.id]);
    expect(await listed(leipzig)).toMatchObject({ staleAudience: ['Leipzig'], reachesNobody: true });
    // A session for everyone is never flagged.
    expect(await listed(everyone)).toMatchObject({ staleAudience: [], reachesNobody: false });
    // Only admins list sessions (with these flags); people see the session as before.
    expect(Object.keys(await view(everyone, seller.devKey))).not.toContain('staleAudience');
  });
});

import { describe, expect, it } from 'vitest';
import { deliveryHarness } from '../support/delivery-harness.js';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import type { ReachablePerson } from '../support/reachable.js';

// Trainings through the delivery engine (issue 5): the announcement to the audience, the
// seat that came free, the cancellation, the reminders — real server and worker, real
// SQL, the fake Bot Connector.
const h = deliveryHarness();
const { group, cardsTo, admin, announcement } = h;

const MINUTE = 60_000;
const session = (over: Record<string, unknown> = {}) => ({
  title: 'LinkedIn profile session',
  startsAt: new Date(Date.now() + 48 * 60 * MINUTE).toISOString(),
  endsAt: new Date(Date.now() + 49 * 60 * MINUTE).toISOString(),
  timeZone: 'Europe/Berlin',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  capacity: 10,
  language: 'en',
  host: 'Petra Press',
  audience: { departments: [h.team], locations: [] },
  ...over,
});
async function training(over: Record<string, unknown> = {}): Promise<string> {
  const res = await api(h.s.url, 'POST', '/api/v1/admin/trainings', { headers: admin(), body: session(over) });
  expect(res.status).toBe(201);
  return res.body.training.id as string;
}
/** The people can sign in to the API too (dev keys = their names). */
async function signIn(people: ReachablePerson[]): Promise<void> {
  await h.s.db.query('update people set dev_key = display_name where id = any($1::uuid[])', [people.map((p) => p.id)]);
}
const as = (p: ReachablePerson) => ({ authorization: `Bearer dev.${p.name}` });
const register = (id: string, p: ReachablePerson) => api(h.s.url, 'POST', `/api/v1/trainings/${id}/register`, { headers: as(p), body: {} });
const text = (p: ReachablePerson) => cardsTo(p).map((c) => JSON.stringify(c));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('trainings through the delivery engine', () => {
  it('announces a session to its audience as a card with Register, once', async () => {
    const people = await group(4);
    const digestReader = (await group(1, { preferences: { notificationLevel: 'digest' } }))[0]!;
    const id = await training();
    const res = await api(h.s.url, 'POST', `/api/v1/admin/trainings/${id}/announce`, { headers: admin(), body: {} });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: 'training', training: { id, title: 'LinkedIn profile session' } });
    const listed = (await api(h.s.url, 'GET', '/api/v1/admin/trainings', { headers: admin() })).body.items.find((t: { id: string }) => t.id === id);
    expect(listed.announcedAt).not.toBeNull(); // the tab offers "announce" no more
    await eventually(async () => people.every((p) => cardsTo(p).length === 1), Boolean, 5_000);
    for (const p of people) {
      expect(text(p)[0]).toContain('"verb":"training.register"');
      expect(text(p)[0]).toContain('{{DATE(');
    }
    expect(cardsTo(digestReader)).toHaveLength(0);
    expect((await api(h.s.url, 'POST', `/api/v1/admin/trainings/${id}/announce`, { headers: admin(), body: {} })).status).toBe(409);
  });

  it('tells the first on the waitlist when a seat comes free, and only them', async () => {
    const [a, b, c] = await group(3);
    await signIn([a!, b!, c!]);
    const id = await training({ capacity: 1 });
    expect((await register(id, a!)).body.outcome).toBe('registered');
    expect((await register(id, b!)).body.outcome).toBe('waitlisted');
    expect((await register(id, c!)).body.outcome).toBe('waitlisted');
    expect((await api(h.s.url, 'POST', `/api/v1/trainings/${id}/unregister`, { headers: as(a!), body: {} })).body.outcome).toBe('cancelled');
    await eventually(async () => cardsTo(b!).length, (n) => n === 1, 5_000);
    expect(text(b!)[0]).toContain('A seat became free');
    expect(text(b!)[0]).toContain('You are registered ✓');
    await pause(300);
    expect(cardsTo(a!)).toHaveLength(0);
    expect(cardsTo(c!)).toHaveLength(0);
  });

  it('tells everyone registered or waiting when a session is cancelled, and stops its announcement', async () => {
    const [a, b, outsider] = await group(3);
    await signIn([a!, b!]);
    const id = await training({ capacity: 1, startsAt: new Date(Date.now() + 48 * 60 * MINUTE).toISOString() });
    await register(id, a!);
    await register(id, b!);
    const later = await api(h.s.url, 'POST', `/api/v1/admin/trainings/${id}/announce`, {
      headers: admin(), body: { at: new Date(Date.now() + 60 * MINUTE).toISOString() },
    });
    expect(later.status).toBe(201);
    expect((await api(h.s.url, 'POST', `/api/v1/admin/trainings/${id}/cancel`, { headers: admin(), body: {} })).status).toBe(200);
    await eventually(async () => cardsTo(a!).length === 1 && cardsTo(b!).length === 1, Boolean, 5_000);
    for (const p of [a!, b!]) {
      expect(text(p)[0]).toContain('has been cancelled');
      expect(text(p)[0]).not.toContain('training.register');
    }
    expect((await announcement(later.body.id)).status).toBe('cancelled');
    expect(cardsTo(outsider!)).toHaveLength(0);
  });

  it('reminds the people registered an hour before, once, and not those who left', async () => {
    const [stays, leaves, waits] = await group(3);
    await signIn([stays!, leaves!, waits!]);
    const id = await training({ capacity: 2 });
    await register(id, stays!);
    await register(id, leaves!);
    await register(id, waits!);
    await api(h.s.url, 'POST', `/api/v1/trainings/${id}/unregister`, { headers: as(leaves!), body: {} });
    await eventually(async () => text(waits!).some((c) => c.includes('A seat became free')), Boolean, 5_000);
    // Half an hour to go: the worker plans from the database on its next tick.
    await h.s.db.query(`update trainings set starts_at = now() + interval '30 minutes', ends_at = now() + interval '90 minutes' where id = $1`, [id]);
    for (const p of [stays!, waits!]) await eventually(async () => text(p).some((c) => c.includes('starts in an hour')), Boolean, 5_000);
    await pause(500); // more ticks: still one reminder each
    for (const p of [stays!, waits!]) expect(text(p).filter((c) => c.includes('Reminder'))).toHaveLength(1);
    expect(cardsTo(leaves!)).toHaveLength(0);
    const planned = await h.s.db.query<{ notice: string }>(`select payload->>'notice' as notice from announcements where payload->>'trainingId' = $1 and kind = 'training_notice' and payload->>'notice' like 'reminder%'`, [id]);
    expect(planned.map((r) => r.notice)).toEqual(['reminder_1h']); // under an hour left: no "coming up" too
  });

  it('reminds a day ahead while more than an hour is left, and never for a cancelled session', async () => {
    const [p, q] = await group(2);
    await signIn([p!, q!]);
    const inFiveHours = await training({ startsAt: new Date(Date.now() + 5 * 60 * MINUTE).toISOString(), endsAt: new Date(Date.now() + 6 * 60 * MINUTE).toISOString() });
    await register(inFiveHours, p!);
    await eventually(async () => cardsTo(p!).length, (n) => n === 1, 5_000);
    expect(text(p!)[0]).toContain('Reminder: your training is coming up');

    const cancelled = await training({ startsAt: new Date(Date.now() + 5 * 60 * MINUTE).toISOString(), endsAt: new Date(Date.now() + 6 * 60 * MINUTE).toISOString() });
    await h.s.db.query(`update trainings set status = 'cancelled' where id = $1`, [cancelled]);
    await h.s.db.query(
      `insert into training_registrations (training_id, person_id, status) values ($1, $2, 'registered')`,
      [cancelled, q!.id],
    );
    await pause(500);
    expect(cardsTo(q!)).toHaveLength(0);
  });
  it('moving a session tells the people registered and reminds them for the new time', async () => {
    const [p] = await group(1);
    await signIn([p!]);
    const inHalfAnHour = { startsAt: new Date(Date.now() + 30 * MINUTE).toISOString(), endsAt: new Date(Date.now() + 90 * MINUTE).toISOString() };
    const id = await training(inHalfAnHour);
    await register(id, p!);
    await eventually(async () => text(p!).some((c) => c.includes('starts in an hour')), Boolean, 5_000);
    // Three hours later instead: a card says so, and a reminder for the new time follows.
    const moved = await api(h.s.url, 'PUT', `/api/v1/admin/trainings/${id}`, {
      headers: admin(),
      body: session({ startsAt: new Date(Date.now() + 210 * MINUTE).toISOString(), endsAt: new Date(Date.now() + 270 * MINUTE).toISOString() }),
    });
    expect(moved.status).toBe(200);
    await eventually(async () => text(p!).some((c) => c.includes('has changed')), Boolean, 5_000);
    await eventually(async () => text(p!).some((c) => c.includes('coming up')), Boolean, 5_000);
    // Saving the same again changes nothing and tells nobody.
    const before = cardsTo(p!).length;
    await api(h.s.url, 'PUT', `/api/v1/admin/trainings/${id}`, { headers: admin(), body: session({ startsAt: moved.body.startsAt, endsAt: moved.body.endsAt }) });
    await pause(300);
    expect(cardsTo(p!)).toHaveLength(before);
  });
});

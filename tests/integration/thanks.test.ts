import { beforeAll, describe, expect, it } from 'vitest';
import { renderForTest } from '../../bot/src/cards/render-for-test.js';
import { deliveryHarness } from '../support/delivery-harness.js';
import { eventually } from '../support/eventually.js';
import { aPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import type { ReachablePerson } from '../support/reachable.js';

// Issue 12, point 7: the content team thanks someone on the leaderboard — by the board's
// entry id, never a list of who shared what — with a personal card; the receiver alone
// decides whether others see it.
const h = deliveryHarness();
const count = async (table: string) => (await h.s.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

async function signedIn(p: ReachablePerson) {
  // Reachable people have no dev key; give them one to call the API as themselves.
  await h.s.db.query('update people set dev_key = $2 where id = $1', [p.id, `k-${p.id.slice(0, 8)}`]);
  return { authorization: `Bearer dev.k-${p.id.slice(0, 8)}` };
}

describe('thanks from the content team', () => {
  // Thank-yous go to people on the board, which exists while the points programme is on.
  beforeAll(() => h.s.db.query('update points_rules set enabled = true'));
  it('reaches someone on the board as a personal card, stays private until they show it, and then shows under their pseudonym', async () => {
    const [ana] = await h.group(1);
    const ana$ = await signedIn(ana!);
    const optIn = await api(h.s.url, 'PUT', '/api/v1/me/settings', { headers: ana$, body: { leaderboard: { optIn: true, pseudonym: 'Night Owl' } } });
    expect(optIn.status).toBe(200);
    const boardId = optIn.body.leaderboard.boardId as string;

    const sent = await api(h.s.url, 'POST', '/api/v1/admin/thanks', { headers: h.admin(), body: { boardId, message: 'Your post about the **apprenticeships** reached [so many](https://evil.example) people. Thank you!' } });
    expect(sent.status).toBe(201);
    await eventually(async () => h.cardsTo(ana!).length, (n) => n === 1, 5_000);
    const card = renderForTest(h.cardsTo(ana!)[0] as never);
    expect(card.text).toContain('A thank-you from the content team');
    // The admin's words as typed: no Markdown, no live link.
    expect(card.text).toContain('**apprenticeships** reached [so many](https://evil.example)');
    expect(card.html).not.toContain('href="https://evil.example"');

    // Private until Ana says otherwise.
    expect((await api(h.s.url, 'GET', '/api/v1/thanks', { headers: h.admin() })).body.items).toEqual([]);
    const mine = await api(h.s.url, 'GET', '/api/v1/me/thanks', { headers: ana$ });
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ shown: false });
    const id = mine.body.items[0].id as string;

    // Nobody else can show or read it.
    const [ben] = await h.group(1);
    const ben$ = await signedIn(ben!);
    expect((await api(h.s.url, 'PUT', `/api/v1/me/thanks/${id}`, { headers: ben$, body: { shown: true } })).status).toBe(404);
    expect((await api(h.s.url, 'GET', '/api/v1/me/thanks', { headers: ben$ })).body.items).toEqual([]);

    expect((await api(h.s.url, 'PUT', `/api/v1/me/thanks/${id}`, { headers: ana$, body: { shown: true } })).body).toMatchObject({ id, shown: true });
    const wall = (await api(h.s.url, 'GET', '/api/v1/thanks', { headers: ben$ })).body.items;
    expect(wall).toEqual([{ id, name: 'Night Owl', message: expect.stringContaining('Thank you!'), at: expect.any(String) }]);
    expect(JSON.stringify(wall)).not.toContain(ana!.name);

    await api(h.s.url, 'PUT', `/api/v1/me/thanks/${id}`, { headers: ana$, body: { shown: false } });
    expect((await api(h.s.url, 'GET', '/api/v1/thanks', { headers: ben$ })).body.items).toEqual([]);

    // A new pseudonym: the thank-you shown as "Night Owl" goes private again, so it can never
    // link the old name to the new one.
    await api(h.s.url, 'PUT', `/api/v1/me/thanks/${id}`, { headers: ana$, body: { shown: true } });
    expect((await api(h.s.url, 'PUT', '/api/v1/me/settings', { headers: ana$, body: { leaderboard: { optIn: true, pseudonym: 'Early Bird' } } })).status).toBe(200);
    expect((await api(h.s.url, 'GET', '/api/v1/thanks', { headers: ben$ })).body.items).toEqual([]);
    expect((await api(h.s.url, 'GET', '/api/v1/me/thanks', { headers: ana$ })).body.items[0]).toMatchObject({ id, shown: false });

    // Shown again, then Ana leaves the board: her thank-you leaves the wall with her — it
    // never reappears under her real name.
    await api(h.s.url, 'PUT', `/api/v1/me/thanks/${id}`, { headers: ana$, body: { shown: true } });
    expect((await api(h.s.url, 'GET', '/api/v1/thanks', { headers: ben$ })).body.items).toHaveLength(1);
    expect((await api(h.s.url, 'PUT', '/api/v1/me/settings', { headers: ana$, body: { leaderboard: { optIn: false } } })).status).toBe(200);
    expect((await api(h.s.url, 'GET', '/api/v1/thanks', { headers: ben$ })).body.items).toEqual([]);
    expect((await api(h.s.url, 'GET', '/api/v1/me/thanks', { headers: ana$ })).body.items).toHaveLength(1); // still hers
  });

  it('cannot reach anyone who is not on the board; only admins may send; bad words are refused; nothing is written', async () => {
    const [carl] = await h.group(1);
    const carl$ = await signedIn(carl!);
    const optIn = await api(h.s.url, 'PUT', '/api/v1/me/settings', { headers: carl$, body: { leaderboard: { optIn: true, pseudonym: 'Carl C' } } });
    const boardId = optIn.body.leaderboard.boardId as string;
    const before = [await count('thanks'), await count('announcements')];

    const employee = await aPerson(h.s.db);
    expect((await api(h.s.url, 'POST', '/api/v1/admin/thanks', { headers: employee.headers, body: { boardId, message: 'Thanks' } })).status).toBe(403);
    for (const [body, field] of [
      [{ boardId, message: '' }, 'message'],
      [{ boardId, message: '   ' }, 'message'],
      [{ boardId, message: 'x'.repeat(501) }, 'message'],
      [{ boardId: carl!.id.slice(0, 8), message: 'Thanks' }, 'boardId'],
      [{ boardId, message: 'Thanks', personId: carl!.id }, 'personId'],
    ] as const) {
      const res = await api(h.s.url, 'POST', '/api/v1/admin/thanks', { headers: h.admin(), body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    // With the points programme off there is no board, so nobody to thank.
    await h.s.db.query('update points_rules set enabled = false');
    expect((await api(h.s.url, 'POST', '/api/v1/admin/thanks', { headers: h.admin(), body: { boardId, message: 'Thanks' } })).status).toBe(404);
    await h.s.db.query('update points_rules set enabled = true');
    // A person id is not a board id; and once Carl opts out, his old board id reaches nobody.
    expect((await api(h.s.url, 'POST', '/api/v1/admin/thanks', { headers: h.admin(), body: { boardId: carl!.id, message: 'Thanks' } })).status).toBe(404);
    await api(h.s.url, 'PUT', '/api/v1/me/settings', { headers: carl$, body: { leaderboard: { optIn: false } } });
    expect((await api(h.s.url, 'POST', '/api/v1/admin/thanks', { headers: h.admin(), body: { boardId, message: 'Thanks' } })).status).toBe(404);
    expect([await count('thanks'), await count('announcements')]).toEqual(before);
    expect(h.cardsTo(carl!)).toHaveLength(0);
  });
});

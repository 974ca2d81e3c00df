// Issue 14 §2: "Publishing or announcing to an audience that matches nobody warns first."
// The editors ask POST /api/v1/admin/audiences/reach how many people an audience reaches
// while it is being chosen, and before Publish now: people who left never count, a
// combination of values each held by someone can still reach nobody, and values nobody
// holds are named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAdmin, aPerson, type TestPerson } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { api } from '../support/http.js';

let s: TestServer;
let admin: TestPerson;
let employee: TestPerson;
beforeAll(async () => {
  s = await startTestServer();
  // Finance is in Berlin and Hamburg, Engineering in München and Berlin; nobody in Finance works in München.
  admin = await anAdmin(s.db, { department: 'Marketing', location: 'Berlin' });
  employee = await aPerson(s.db, { department: 'Engineering', location: 'München' });
  await aPerson(s.db, { department: 'Engineering', location: 'Berlin' });
  await aPerson(s.db, { department: 'Finance', location: 'Berlin' });
  await aPerson(s.db, { department: 'Finance', location: 'Hamburg' });
  // Left: was in Finance in München, and the only one in Sales.
  for (const department of ['Finance', 'Sales']) {
    const leaver = await aPerson(s.db, { department, location: 'München' });
    await s.db.query('update people set left_at = now() where id = $1', [leaver.id]);
  }
});
afterAll(async () => s?.close());

const reach = (body: unknown, headers: Record<string, string> = admin.headers) =>
  api(s.url, 'POST', '/api/v1/admin/audiences/reach', { headers, body });

describe('how many people an audience reaches', () => {
  it('counts the people in the departments and locations, leavers excluded', async () => {
    expect((await reach({ departments: ['Finance'], locations: [] })).body).toEqual({ people: 2, unknownDepartments: [], unknownLocations: [] });
    expect((await reach({ departments: ['Finance', 'Engineering'], locations: ['Berlin'] })).body).toMatchObject({ people: 2 });
    expect((await reach({ departments: [], locations: ['München'] })).body).toMatchObject({ people: 1 });
  });

  it('counts everyone (who has not left) for an audience of everyone, and for an empty body', async () => {
    const everyone = await reach({ departments: [], locations: [] });
    expect(everyone.status).toBe(200);
    expect(everyone.body).toEqual({ people: 5, unknownDepartments: [], unknownLocations: [] });
    expect((await reach(undefined)).body).toEqual(everyone.body);
  });

  it('answers 0 for a combination nobody is in, though each value is held: Finance × München', async () => {
    expect((await reach({ departments: ['Finance'], locations: ['München'] })).body).toEqual({ people: 0, unknownDepartments: [], unknownLocations: [] });
  });

  it('names the values nobody holds, among them those only people who left held', async () => {
    const res = await reach({ departments: ['Finance', 'Sales', 'Finanzen (alt)'], locations: ['Berlin', 'Hamburg', 'Leipzig'] });
    expect(res.body).toEqual({ people: 2, unknownDepartments: ['Sales', 'Finanzen (alt)'], unknownLocations: ['Leipzig'] });
    // As the item editor saves them: trimmed.
    expect((await reach({ departments: ['  Finance  '], locations: [] })).body).toMatchObject({ people: 2, unknownDepartments: [] });
  });

  it('tells the admin what changed when someone leaves', async () => {
    const last = await aPerson(s.db, { department: 'Legal', location: 'Leipzig' });
    expect((await reach({ departments: ['Legal'], locations: [] })).body).toEqual({ people: 1, unknownDepartments: [], unknownLocations: [] });
    await s.db.query('update people set left_at = now() where id = $1', [last.id]);
    expect((await reach({ departments: ['Legal'], locations: [] })).body).toEqual({ people: 0, unknownDepartments: ['Legal'], unknownLocations: [] });
  });
});

describe('bad input is refused', () => {
  const cases: Array<[string, unknown, string]> = [
    ['51 departments', { departments: Array.from({ length: 51 }, (_, i) => `D${i}`), locations: [] }, 'departments'],
    ['51 locations', { departments: [], locations: Array.from({ length: 51 }, (_, i) => `L${i}`) }, 'locations'],
    ['a value of 81 characters', { departments: ['d'.repeat(81)], locations: [] }, 'departments.0'],
    ['an empty value', { departments: [], locations: ['  '] }, 'locations.0'],
    ['a value that is not text', { departments: [42], locations: [] }, 'departments.0'],
    ['a list that is not a list', { departments: 'Finance', locations: [] }, 'departments'],
    ['an unknown field', { departments: [], locations: [], teams: ['A'] }, 'teams'],
  ];

  it.each(cases)('answers %s with 400 naming the field', async (_name, body, field) => {
    const res = await reach(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid');
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await api(s.url, 'POST', '/api/v1/admin/audiences/reach', { headers: admin.headers, raw: '{"departments": [' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid');
  });

  it('is for those who manage items: employees get 403, nobody signed in 401', async () => {
    const body = { departments: ['Finance'], locations: [] };
    const forbidden = await reach(body, employee.headers);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect((await reach(body, {})).status).toBe(401);
  });
});

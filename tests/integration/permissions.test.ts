// Roles by configuration (issue 11, section 4): Entra app roles map to admin, editor and
// analyst; routes declare what they need and the policy decides. Nothing here touches a route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEntraServer, stopEntraServer } from '../support/entra-server.js';
import type { FakeEntra } from '../support/fake-entra.js';
import { api } from '../support/http.js';
import type { TestServer } from '../support/test-server.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
let entra: FakeEntra;
let s: TestServer;

beforeAll(async () => {
  ({ entra, server: s } = await startEntraServer({ ENTRA_TENANT_IDS: TENANT, EDITOR_ROLE: 'Content.Editor' }));
});
afterAll(() => stopEntraServer(s, entra));

let people = 0;
async function as(roles: string[]) {
  people += 1;
  const token = await entra.token({ tid: TENANT, oid: `aaaaaaaa-0000-0000-0000-00000000010${people}`, name: `Person ${people}`, roles });
  return (method: string, path: string, body?: unknown) => api(s.url, method, path, { headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body }) });
}

describe('roles by configuration', () => {
  it('tells each person what they may do in GET /api/v1/me', async () => {
    expect((await (await as([]))('GET', '/api/v1/me')).body).toMatchObject({ role: 'employee', roles: ['employee'], permissions: ['app.use'] });
    const admin = (await (await as(['Chorus.Admin']))('GET', '/api/v1/me')).body;
    expect(admin).toMatchObject({ role: 'admin', roles: ['admin', 'employee'] });
    expect(admin.permissions).toContain('crisis.manage');
    const editor = (await (await as(['Content.Editor']))('GET', '/api/v1/me')).body;
    expect(editor).toMatchObject({ role: 'employee', roles: ['editor', 'employee'] });
    expect(editor.permissions).toEqual(['app.use', 'items.manage', 'announcements.manage', 'trainings.manage', 'guidelines.manage', 'onboarding.manage', 'campaigns.manage']);
    expect((await (await as(['Chorus.Analyst']))('GET', '/api/v1/me')).body.permissions).toEqual(['app.use', 'aggregates.read', 'analytics.read']);
  });

  it('lets editors manage content, trainings, guidelines and onboarding, but not switch crisis mode', async () => {
    const editor = await as(['Content.Editor']);
    for (const path of ['/api/v1/admin/items', '/api/v1/admin/announcements', '/api/v1/admin/trainings', '/api/v1/admin/guidelines', '/api/v1/admin/onboarding/steps']) {
      expect((await editor('GET', path)).status, path).toBe(200);
    }
    const refused = await editor('POST', '/api/v1/admin/crisis', { reason: 'x', instructions: { en: 'y' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await editor('GET', '/api/v1/admin/crisis/audit')).status).toBe(403);
    // Campaigns yes; the legal disclosure, the points rules and thanks stay with admins.
    expect((await editor('GET', '/api/v1/admin/campaigns')).status).toBe(200);
    expect((await editor('GET', '/api/v1/admin/disclosure')).status).toBe(403);
    expect((await editor('PUT', '/api/v1/admin/disclosure', { text: '', removable: true })).status).toBe(403);
    expect((await editor('PUT', '/api/v1/admin/points/rules', {})).status).toBe(403);
    expect((await editor('POST', '/api/v1/admin/thanks', { boardId: '00000000-0000-4000-8000-000000000000', message: 'x' })).status).toBe(403);
  });

  it('gives analysts and employees none of the admin routes', async () => {
    for (const who of [await as(['Chorus.Analyst']), await as([])]) {
      expect((await who('GET', '/api/v1/admin/items')).status).toBe(403);
      expect((await who('GET', '/api/v1/admin/onboarding/people?q=ab')).status).toBe(403);
      expect((await who('GET', '/api/v1/trainings')).status).toBe(200);
    }
  });
});

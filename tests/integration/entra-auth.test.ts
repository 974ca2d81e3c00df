import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEntraServer, stopEntraServer } from '../support/entra-server.js';
import type { FakeEntra } from '../support/fake-entra.js';
import type { TestServer } from '../support/test-server.js';
import { api } from '../support/http.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
let entra: FakeEntra;
let s: TestServer;

beforeAll(async () => {
  ({ entra, server: s } = await startEntraServer({ ENTRA_TENANT_IDS: TENANT }));
});
afterAll(() => stopEntraServer(s, entra));

const me = (token: string) => api(s.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
const person = { tid: TENANT, oid: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Ada Lovelace' };

describe('Entra sign-in (Teams tab SSO)', () => {
  it('accepts a valid v2 token and creates the person once', async () => {
    const token = await entra.token(person);
    const first = await me(token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ displayName: 'Ada Lovelace', role: 'employee' });
    const second = await me(token);
    expect(second.body.id).toBe(first.body.id);
    const [row] = await s.db.query<{ n: number }>('select count(*)::int as n from people where aad_object_id = $1', [person.oid]);
    expect(row?.n).toBe(1);
  });

  it('accepts a v1 token with the api://host/client audience', async () => {
    const host = new URL(s.url).host;
    const token = await entra.token({ ...person, ver: '1.0' }, { audience: `api://${host}/client-id` });
    expect((await me(token)).status).toBe(200);
  });

  it('makes people with the admin app role admins, and takes it away when the role goes', async () => {
    const admin = { ...person, oid: 'aaaaaaaa-0000-0000-0000-000000000002', name: 'Grace' };
    const withRole = await entra.token({ ...admin, roles: ['Chorus.Admin'] });
    expect((await api(s.url, 'GET', '/api/v1/admin/items', { headers: { authorization: `Bearer ${withRole}` } })).status).toBe(200);
    const withoutRole = await entra.token(admin);
    expect((await api(s.url, 'GET', '/api/v1/admin/items', { headers: { authorization: `Bearer ${withoutRole}` } })).status).toBe(403);
  });

  it.each([
    ['another audience', {}, { audience: 'someone-else' }],
    ['a tenant that is not allowed', { tid: OTHER_TENANT }, {}],
    ['an expired token', {}, { expiresIn: '-10m' }],
    ['a foreign issuer', {}, { issuer: 'https://evil.example/' }],
    ['no access_as_user scope', { scp: 'User.Read' }, {}],
    ['no object id', { oid: undefined }, {}],
  ] as const)('refuses %s with 401', async (_name, claims, options) => {
    const token = await entra.token({ ...person, ...claims }, options);
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect((await me(await entra.token(person, { key: privateKey }))).status).toBe(401);
  });

  it('refuses dev sign-in and garbage when Entra is configured', async () => {
    expect((await me('dev.clara')).status).toBe(401);
    expect((await me('not.a.jwt')).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/v1/dev/people')).status).toBe(404);
  });
});

// Per route: what its path parameters are, which query keys and body it takes, how often
// it is picked and who gets past its first check. Routes come from the server's source.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { ENDPOINTS, type AnyEndpoint } from '../../../bot/src/http/contract/index.js';
import type { Json, ParamKind } from './generated-request.js';
import { cursors, type QueryValues, UUIDS } from './target-generators.js';
import { ACTIVITIES, activity, campaign, crisisOn, disclosure, FUTURE, guidelineContent, isoOrJunk, item, step, training } from './valid-bodies.js';

export interface Spec {
  params?: Record<string, ParamKind>;
  query?: QueryValues;
  body?: fc.Arbitrary<Json>;
  weight?: number;
  /** Only an admin gets past the first check. */
  admin?: boolean;
  /** The sweep's valid bodies (one of each), when one body is not representative. */
  sweep?: Array<fc.Arbitrary<Json>>;
  /** The sweep calls these routes after each request that may have been accepted (tracked links while a crisis is on)… */
  sweepThen?: string[];
  /** …and then this one (crisis on → off). */
  resetWith?: string;
  /** A field that must differ between accepted requests (a new page's slug). */
  unique?: string;
}

/** The query of a keyset-paged list (issue 11: every list that can grow is paged). */
const paged = { cursor: cursors('list'), limit: fc.constantFrom('1', '50', '100', '1001') };

const SPECS: Record<string, Spec> = {
  'GET /healthz': {},
  'GET /readyz': {},
  'GET /': {},
  'GET /tab': {},
  'GET /tab/*': {},
  'HEAD /tab/*': {},
  'GET /s/assets/:file': { params: { file: 'asset' } },
  'GET /s/:token': { params: { token: 'token' }, weight: 2 },
  'POST /s/:token': { params: { token: 'token' }, body: fc.record({ network: fc.constantFrom('linkedin', 'x', 'facebook', 'xing'), text: fc.constantFrom('', 'Look at this') }), weight: 4 },
  'GET /l/:code': { params: { code: 'code' }, weight: 4 },
  'HEAD /l/:code': { params: { code: 'code' }, weight: 2 },
  'POST /api/messages': { body: activity, sweep: [0, 1, 2, 4].map((i) => ACTIVITIES[i] as fc.Arbitrary<Json>), weight: 6 },
  'GET /api/v1/dev/people': {},
  'GET /api/v1/me': {},
  'GET /api/v1/me/shares': { query: paged },
  // Good periods, impossible dates, ends before starts, and more than 366 days.
  'GET /api/v1/me/impact': { query: { from: fc.constantFrom('2026-11-01', '2026-02-30', '2025-01-01', '2026-1-1'), to: fc.constantFrom('2026-11-30', '2026-10-01', '2027-01-02') } },
  'GET /api/v1/topics': {},
  'GET /api/v1/items': {
    query: { topic: fc.constantFrom('culture', 'jobs', 'x'), q: fc.constantFrom('Leipzig', 'a', '%'), cursor: cursors('feed'), limit: fc.constantFrom('1', '5', '50', '51') },
    weight: 3,
  },
  'POST /api/v1/items/:id/share-link': { params: { id: 'item' } },
  'GET /api/v1/admin/items': {
    admin: true,
    query: { status: fc.constantFrom('draft', 'published', 'scheduled', 'archived', 'live'), q: fc.constantFrom('Leipzig', 'a'), cursor: cursors('list'), limit: fc.constantFrom('1', '100', '101') },
    weight: 3,
  },
  'POST /api/v1/admin/items': { admin: true, body: item, weight: 4 },
  'GET /api/v1/admin/items/:id': { admin: true, params: { id: 'item' } },
  'PUT /api/v1/admin/items/:id': { admin: true, params: { id: 'item' }, body: item, weight: 4 },
  'POST /api/v1/admin/items/:id/publish': { admin: true, params: { id: 'item' }, body: fc.oneof(fc.constant({}), isoOrJunk.map((at) => ({ at }))) },
  'POST /api/v1/admin/items/:id/archive': { admin: true, params: { id: 'item' } },
  'GET /api/v1/admin/audiences': { admin: true },
  // Counts only, writes nothing: held values, combinations nobody is in, values nobody holds, too long and too many.
  'POST /api/v1/admin/audiences/reach': {
    admin: true,
    body: fc.record({
      departments: fc.constantFrom([], ['Engineering'], ['Engineering', 'Gone (old)'], ['d'.repeat(81)], Array.from({ length: 51 }, (_, i) => `D${i}`)),
      locations: fc.constantFrom([], ['Berlin'], ['München'], ['']),
    }),
  },
  'POST /api/v1/admin/items/:id/announce': { admin: true, params: { id: 'item' }, body: fc.oneof(fc.constant({}), isoOrJunk.map((at) => ({ at }))) },
  'GET /api/v1/admin/announcements': {
    admin: true,
    query: { status: fc.constantFrom('scheduled', 'sending', 'done', 'x'), itemId: fc.constantFrom(...UUIDS), cursor: cursors('list'), limit: fc.constantFrom('1', '100') },
    weight: 2,
  },
  'GET /api/v1/admin/announcements/:id': { admin: true, params: { id: 'announcement' } },
  'POST /api/v1/admin/announcements/:id/cancel': { admin: true, params: { id: 'announcement' } },
  'GET /api/v1/crisis': {},
  'GET /api/v1/admin/crisis': { admin: true },
  'POST /api/v1/admin/crisis': {
    admin: true,
    body: crisisOn,
    // Links led to statements an admin typed: twice each, the second from the link cache.
    sweep: ['https://www.contoso.example/oświadczenie', 'https://www.contoso.example/a\r\nX-Injected: 1'].map((statementUrl) =>
      crisisOn.map((c) => ({ ...c, statementUrl, redirectLinks: true })),
    ),
    sweepThen: ['GET /l/:code', 'GET /l/:code', 'HEAD /l/:code'],
    resetWith: 'POST /api/v1/admin/crisis/off',
    weight: 3,
  },
  'POST /api/v1/admin/crisis/off': { admin: true, weight: 3 },
  'GET /api/v1/admin/crisis/audit': { admin: true, query: paged },
  'GET /api/v1/guidelines': {},
  'POST /api/v1/guidelines/:id/acknowledge': { params: { id: 'guideline' }, body: fc.record({ version: fc.constantFrom(1, 2) }), sweep: [fc.constant({ version: 1 })] },
  'GET /api/v1/admin/guidelines': { admin: true, query: paged },
  'POST /api/v1/admin/guidelines': {
    admin: true,
    body: fc.tuple(fc.constantFrom('fuzz-page', 'when-unsure', 'a-b-c'), guidelineContent).map(([slug, c]) => ({ slug, ...c })),
    sweep: [guidelineContent.map((c) => ({ slug: 'sweep-page', ...c }))],
    unique: 'slug',
    weight: 3,
  },
  'GET /api/v1/admin/guidelines/:id': { admin: true, params: { id: 'guideline' } },
  'PUT /api/v1/admin/guidelines/:id': {
    admin: true,
    params: { id: 'guideline' },
    body: fc.tuple(fc.constantFrom(1, 2), guidelineContent).map(([baseVersion, c]) => ({ baseVersion, ...c })),
    sweep: [guidelineContent.map((c) => ({ baseVersion: 1, ...c }))],
    weight: 3,
  },
  'GET /api/v1/admin/guidelines/:id/versions': { admin: true, params: { id: 'guideline' }, query: paged },
  'GET /api/v1/admin/guidelines/:id/versions/:version': { admin: true, params: { id: 'guideline', version: 'version' } },
  'GET /api/v1/admin/guidelines/:id/versions/:from/diff/:to': { admin: true, params: { id: 'guideline', from: 'version', to: 'version' } },
  'GET /api/v1/trainings': { query: { view: fc.constantFrom('upcoming', 'past', 'mine', 'all'), limit: fc.constantFrom('1', '100', '0'), cursor: cursors('list') } },
  'GET /api/v1/trainings/:id': { params: { id: 'training' } },
  'POST /api/v1/trainings/:id/register': { params: { id: 'training' } },
  'POST /api/v1/trainings/:id/unregister': { params: { id: 'training' } },
  'GET /api/v1/trainings/:id/ics': { params: { id: 'training' } },
  'GET /api/v1/admin/trainings': { admin: true, query: paged },
  'POST /api/v1/admin/trainings': { admin: true, body: training, weight: 4 },
  'PUT /api/v1/admin/trainings/:id': { admin: true, params: { id: 'training' }, body: training, weight: 4 },
  'POST /api/v1/admin/trainings/:id/announce': { admin: true, params: { id: 'training' }, body: fc.oneof(fc.constant({}), isoOrJunk.map((at) => ({ at }))) },
  'POST /api/v1/admin/trainings/:id/cancel': { admin: true, params: { id: 'training' } },
  'GET /api/v1/admin/trainings/:id/registrants': { admin: true, params: { id: 'training' }, query: paged },
  'PUT /api/v1/admin/trainings/:id/attendance': {
    admin: true,
    params: { id: 'training' },
    body: fc.record({ attendance: fc.constant([{ personId: '@@real.person.1@@', attended: true }, { personId: '@@real.person.2@@', attended: false }]) }),
    weight: 2,
  },
  'GET /api/v1/campaigns': {},
  'GET /api/v1/admin/campaigns': { admin: true, query: paged },
  'POST /api/v1/admin/campaigns': { admin: true, body: campaign, weight: 3 },
  'PUT /api/v1/admin/campaigns/:id': { admin: true, params: { id: 'item' }, body: campaign },
  'DELETE /api/v1/admin/campaigns/:id': { admin: true, params: { id: 'item' } },
  'GET /api/v1/admin/disclosure': { admin: true },
  'PUT /api/v1/admin/disclosure': { admin: true, body: disclosure, weight: 2 },
  'POST /api/v1/admin/thanks': {
    admin: true,
    body: fc.record({ boardId: fc.constantFrom('00000000-0000-4000-8000-000000000000', '@@real.person.1@@', 'not-a-uuid'), message: fc.string({ maxLength: 600 }) }),
    weight: 2,
  },
  'GET /api/v1/me/thanks': {},
  'PUT /api/v1/me/thanks/:id': { params: { id: 'item' }, body: fc.record({ shown: fc.boolean() }) },
  'GET /api/v1/thanks': {},
  'GET /api/v1/onboarding': {},
  'POST /api/v1/onboarding/steps/:id': { params: { id: 'step' }, body: fc.record({ done: fc.boolean() }), weight: 2 },
  'GET /api/v1/admin/onboarding/steps': { admin: true, query: paged },
  'POST /api/v1/admin/onboarding/steps': { admin: true, body: step, weight: 3 },
  'PUT /api/v1/admin/onboarding/steps/:id': { admin: true, params: { id: 'step' }, body: step, weight: 3 },
  'DELETE /api/v1/admin/onboarding/steps/:id': { admin: true, params: { id: 'step' } },
  'GET /api/v1/admin/onboarding/people': { admin: true, query: { q: fc.constantFrom('Mia', 'a', 'Jonas Weber') } },
  'PUT /api/v1/admin/people/:id/new-hire': { admin: true, params: { id: 'person' }, body: fc.record({ until: fc.constantFrom<string | null>(FUTURE, null, '2020-01-01T00:00:00Z') }), weight: 2 },
  // Signed by a source, not signed in: without a secret nothing gets past the signature (401), whatever the body.
  'POST /api/v1/conversions': {
    body: fc.record({
      eventId: fc.string({ maxLength: 40 }),
      linkCode: fc.constantFrom('@@real.code.1@@', 'abc', 'Zz9Zz9Zz9Z'),
      type: fc.constantFrom('application', 'lead', 'sale'),
      value: fc.constantFrom(0, -1, 12.5, 1e13),
    }),
    weight: 2,
  },
  'GET /api/v1/admin/conversion-sources': { admin: true },
  'POST /api/v1/admin/conversion-sources': { admin: true, body: fc.record({ name: fc.constantFrom('Careers', 'Shop', '', 'x'.repeat(81)) }), unique: 'name' },
  'POST /api/v1/admin/conversion-sources/:id/secrets': { admin: true, params: { id: 'item' }, body: fc.constant({}) },
  'DELETE /api/v1/admin/conversion-sources/:id/secrets/:secretId': { admin: true, params: { id: 'item', secretId: 'item' } },
};

/** A route without a spec is fuzzed generically. */
export const specOf = (route: string): Spec => (Object.hasOwn(SPECS, route) ? (SPECS[route] as Spec) : {});

/**
 * Every route the server declares, read from its source in registration order: a new route
 * is fuzzed without anyone remembering to. JSON endpoints are registered with
 * `route(<feature>.<name>, …)` from their declarations (resolved here by name); the rest
 * with `server.<method>('<path>', …)`.
 */
export function declaredRoutes(): string[] {
  const dir = path.resolve('bot/src/http/routes');
  const byName = ENDPOINTS as Record<string, AnyEndpoint>;
  const found: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const m of source.matchAll(/server\.(get|post|put|del|head|patch|opts)\(\s*'([^']+)'|route(?:\.public)?\(\s*\w+\.(\w+)\s*,/g)) {
      if (m[3] !== undefined) {
        const endpoint = byName[m[3]];
        if (!endpoint) throw new Error(`${file}: route(…${m[3]}) names no declared endpoint`);
        found.push(`${endpoint.method} ${endpoint.path}`);
        continue;
      }
      const method = m[1] === 'del' ? 'DELETE' : m[1] === 'opts' ? 'OPTIONS' : (m[1] as string).toUpperCase();
      found.push(`${method} ${m[2]}`);
    }
  }
  return found;
}

/** Notes for the report where the specs and the routes the server declares have drifted apart. */
export function specDrift(routes: string[]): string[] {
  const notes: string[] = [];
  const unspecified = routes.filter((r) => !Object.hasOwn(SPECS, r));
  if (unspecified.length) notes.push(`routes without a spec (fuzzed generically): ${unspecified.join(', ')}`);
  const stale = Object.keys(SPECS).filter((r) => !routes.includes(r));
  if (stale.length) notes.push(`specs for routes the server no longer declares: ${stale.join(', ')}`);
  return notes;
}

// The seeded random part of the run: fast-check picks a route, then every part of the
// request, from the generators and the route's spec.
import fc from 'fast-check';
import { type BodyPlan, type GenRequest, type Identity, METHODS } from './generated-request.js';
import { bodyPlans, contentTypes, encodingPlan, extraHeaders, junkAuthorization } from './request-generators.js';
import { type Spec, specOf } from './route-specs.js';
import { queries, segment, tabRest } from './target-generators.js';

const UNKNOWN_TARGETS = [
  '/api/v2/items', '/api/v1/', '/api', '/.env', '/api/v1/admin', '/s/', '/l/', '/%00', '/API/V1/ITEMS', '//api/v1/items', '/api/v1/items/',
  '/api/v1/items/../admin/items', '/api/v1/items;x', '/api/v1/%69tems', '/api/messages/x', '/tab/../package.json', '/favicon.ico', '*',
];

/** A request for `route`: mostly its own method, a plausible caller and a (mutated) valid body. */
function requestFor(route: string, spec: Spec): fc.Arbitrary<GenRequest> {
  const [declared, pattern] = route.split(' ') as [string, string];
  const mutating = declared !== 'GET' && declared !== 'HEAD';
  const parts = pattern.split('/').map((p) =>
    p.startsWith(':') ? segment(spec.params?.[p.slice(1)] ?? 'item') : p === '*' ? tabRest : fc.constant(p),
  );
  const identity: fc.Arbitrary<Identity | null | 'junk'> = fc.oneof(
    { weight: 50, arbitrary: spec.admin ? fc.constantFrom<Identity>('clara', 'clara', 'clara', 'clara', 'jonas') : fc.constantFrom<Identity>('clara', 'jonas', 'aylin', 'mia') },
    { weight: 15, arbitrary: fc.constant<'junk'>('junk') },
    { weight: 35, arbitrary: fc.constant(null) },
  );
  const body = mutating ? bodyPlans(spec.body ?? fc.constant({})) : fc.oneof({ weight: 12, arbitrary: fc.constant<BodyPlan>({ kind: 'none', contentLength: false }) }, { weight: 1, arbitrary: bodyPlans(fc.constant({})) });
  return fc
    .record({
      method: fc.oneof({ weight: 12, arbitrary: fc.constant(declared) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS, 'FOO', 'get') }),
      segments: fc.tuple(...parts),
      twist: fc.oneof({ weight: 20, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', ';x', '/..', '.json', '%20') }),
      query: queries(spec.query ?? {}),
      identity,
      junkAuth: junkAuthorization,
      headers: extraHeaders,
      host: fc.oneof({ weight: 30, arbitrary: fc.constant<string | null>('local') }, { weight: 1, arbitrary: fc.constantFrom<string | null>('127.0.0.1', 'evil.example', 'localhost', '', null) }),
      body,
      contentType: contentTypes,
      encoding: encodingPlan,
      chunked: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    })
    .map((r): GenRequest => ({
      route,
      method: r.method,
      target: `${r.segments.join('/')}${r.twist}${r.query}`,
      identity: r.identity === 'junk' ? null : r.identity,
      headers: r.identity === 'junk' ? [['authorization', r.junkAuth], ...r.headers] : r.headers,
      host: r.host,
      body: r.body,
      contentType: r.contentType,
      encoding: r.body.kind === 'none' ? { header: null, transform: 'none' } : r.encoding,
      chunked: r.chunked && r.body.kind !== 'none',
    }));
}

/** Any declared route (weighted by its spec) or a route that does not exist, each part drawn at random. */
export function requestsFor(routes: string[]): fc.Arbitrary<GenRequest> {
  const unknown = fc
    .tuple(fc.constantFrom(...UNKNOWN_TARGETS), fc.constantFrom(...METHODS), bodyPlans(fc.constant({})), fc.constantFrom<Identity | null>('clara', null))
    .map(([target, method, body, identity]): GenRequest => ({
      route: 'unknown route',
      method,
      target,
      identity,
      headers: [],
      host: 'local',
      body: method === 'GET' || method === 'HEAD' ? { kind: 'none', contentLength: false } : body,
      contentType: 'match',
      encoding: { header: null, transform: 'none' },
      chunked: false,
    }));
  return fc.oneof(
    ...routes.map((route) => {
      const spec = specOf(route);
      const mutating = !route.startsWith('GET ') && !route.startsWith('HEAD ');
      return { weight: spec.weight ?? (mutating ? 2 : 1), arbitrary: requestFor(route, spec) };
    }),
    { weight: 3, arbitrary: unknown },
  );
}

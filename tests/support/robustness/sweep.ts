// The fixed pass before the random requests: the same for every seed, so the checks right
// behind each route's first one are reached on every run.
import fc from 'fast-check';
import type { GenRequest, Json } from './generated-request.js';
import { specOf } from './route-specs.js';
import { show } from './show.js';
import { TIMESTAMPS, UUIDS } from './target-generators.js';
import { getAt, NUL, pathsOf, pct, setAt } from './text-generators.js';

const SWEEP_SEGMENTS = ['%00', '%E0%A4%A', pct('ś', 'strict'), '1e99', '..%2f..%2fpackage.json'];
const SWEEP_QUERY = [`x${NUL}`, 'ośw', '\ud800', 'a'.repeat(5000), '%'];

/** A path segment of `route` filled with a real id (a version number, an asset name). */
function fillSegment(route: string, p: string, i: number): string {
  const kind = specOf(route).params?.[p.slice(1)];
  if (!p.startsWith(':')) return p === '*' ? '' : p;
  return kind === 'version' ? String(i) : kind === 'asset' ? 'share.js' : `@@real.${kind ?? 'item'}.0@@`;
}

/** The plain request for `route`: real ids, signed in as whoever gets past the first check, no body. */
function plainRequest(route: string): GenRequest {
  const [method, pattern] = route.split(' ') as [string, string];
  return {
    route,
    method,
    target: pattern.split('/').map((p, i) => fillSegment(route, p, i)).join('/'),
    identity: pattern.startsWith('/api/v1/') ? (specOf(route).admin ? 'clara' : 'jonas') : null,
    headers: [],
    host: 'local',
    body: { kind: 'none', contentLength: false },
    contentType: 'match',
    encoding: { header: null, transform: 'none' },
    chunked: false,
  };
}

/**
 * Besides the random requests, one pass that is the same for every seed: for each route,
 * each path parameter, query key and body field in turn gets a bad value while everything
 * else stays valid (and the caller signed in), so the checks right behind the first are
 * reached on every run, not only when the dice allow.
 */
export function sweep(routes: string[]): GenRequest[] {
  const out: GenRequest[] = [];
  // Crisis mode changes what every other route answers: switched on (and off) last.
  const last = ['POST /api/v1/admin/crisis', 'POST /api/v1/admin/crisis/off'];
  for (const route of [...routes.filter((r) => !last.includes(r)), ...last.filter((r) => routes.includes(r))]) {
    const spec = specOf(route);
    const [method, pattern] = route.split(' ') as [string, string];
    const parts = pattern.split('/');
    const fill = (p: string, i: number) => fillSegment(route, p, i);
    const plain = plainRequest(route);
    const target = plain.target;
    const mutating = method !== 'GET' && method !== 'HEAD';
    // The sweep is the same for every seed: its valid bodies come from seed 0.
    const bases = (spec.sweep ?? [spec.body ?? fc.constant({})]).map((arb) => fc.sample(arb, { seed: 0, numRuns: 1 })[0]);
    const withBody = (value: Json, how: string): GenRequest => ({ ...plain, body: { kind: 'json', value, how: `sweep: ${how}` } });
    const valid = mutating ? withBody(bases[0], 'valid') : plain;
    parts.forEach((p, i) => {
      if (!p.startsWith(':') && p !== '*') return;
      for (const junk of SWEEP_SEGMENTS) out.push({ ...valid, target: parts.map((q, j) => (j === i ? junk : fill(q, j))).join('/') });
    });
    for (const key of Object.keys(spec.query ?? {})) {
      const values = [...SWEEP_QUERY];
      if (key === 'cursor') {
        for (const ts of TIMESTAMPS) values.push(Buffer.from(JSON.stringify(route === 'GET /api/v1/items' ? [0, ts, UUIDS[0]] : [ts, UUIDS[0]])).toString('base64url'));
      }
      for (const v of values) out.push({ ...plain, target: `${target}?${key}=${pct(v, 'strict')}` });
    }
    if (!mutating) continue;
    out.push(withBody({}, '{}'), { ...plain, body: { kind: 'text', text: '', how: 'sweep: empty body' } });
    // Refusals first, then what may well be accepted (and change what later requests meet).
    const accepted: GenRequest[] = [];
    for (const base of bases) {
      for (const p of pathsOf(base)) {
        const original = getAt(base, p);
        const variants: Json[] = typeof original === 'string' ? [`${original}${NUL}`, 12345] : original !== null && typeof original === 'object' ? ['x', []] : ['1', null, 'ś'];
        for (const v of variants) {
          const value = structuredClone(base);
          setAt(value, p, v);
          out.push(withBody(value, `${p.join('.')} = ${show(v, 30)}`));
        }
        if (typeof original === 'string') {
          const value = structuredClone(base);
          setAt(value, p, `${original} oświadczenie \ud800`);
          accepted.push(withBody(value, `${p.join('.')} += non-Latin-1 and a lone surrogate`));
        }
      }
      accepted.push(withBody(base, 'valid'));
    }
    const then = (spec.sweepThen ?? []).map(plainRequest);
    const reset = spec.resetWith ? [plainRequest(spec.resetWith)] : [];
    accepted.forEach((r, n) => {
      if (spec.unique && r.body.kind === 'json' && typeof r.body.value === 'object' && r.body.value !== null) {
        const value = r.body.value as Record<string, Json>;
        if (typeof value[spec.unique] === 'string' && !String(value[spec.unique]).includes(' ')) value[spec.unique] = `${String(value[spec.unique])}-${n}`;
      }
      // The follow-ups only after the valid bodies: a crash they cause costs a restart each.
      out.push(r, ...(r.body.kind === 'json' && r.body.how === 'sweep: valid' ? then : []), ...reset);
    });
  }
  return out;
}

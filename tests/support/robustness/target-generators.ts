// The request target: path segments (real ids or junk), the tab's wildcard path, query
// strings, and page cursors shaped like the server's own.
import fc from 'fast-check';
import type { ParamKind } from './generated-request.js';
import { anyReal, NUL, nastyText, pct, realRef } from './text-generators.js';

export const TIMESTAMPS = [
  '2026-01-01T00:00:00Z', '2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '2026-01-01T00:00:00+99:00', '2026-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z', '2026-01-01T23:59:60Z', '9999-12-31T23:59:59.999999+14', '2026-01-01 25:61:61.123456-23:59', '1970-01-01T00:00:00.000001Z',
];
export const UUIDS = ['6f1c2f0e-3b1a-4c55-9a57-1f5a3c1e9b20', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'x'];
/**
 * Page cursors: mostly the shape the server makes (base64url JSON of [time, id], or
 * [0|1, time, id] for the feed) with impossible times, else forged or damaged ones.
 */
export function cursors(shape: 'feed' | 'list'): fc.Arbitrary<string> {
  const wellShaped = fc
    .tuple(fc.constantFrom(0, 1), fc.constantFrom(...TIMESTAMPS), fc.constantFrom(...UUIDS.slice(0, 3)))
    .map(([flag, ts, id]) => (shape === 'feed' ? [flag, ts, id] : [ts, id]));
  const misshapen = fc
    .tuple(fc.constantFrom(...TIMESTAMPS), fc.constantFrom(...UUIDS), fc.constantFrom<unknown>(0, 1, 2, '1'), fc.nat({ max: 4 }))
    .map(([ts, id, flag, variant]) => [[ts, id], [flag, ts, id], [ts], [], [ts, id, 'extra']][variant]);
  return fc.oneof(
    { weight: 4, arbitrary: wellShaped.map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url')) },
    { weight: 1, arbitrary: misshapen.map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url')) },
    { weight: 1, arbitrary: fc.constantFrom('not-even-base64!', '', 'AAAA', 'W10', 'bnVsbA') },
  );
}

const junkSegment = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '', 'x', '0', '1', '-1', '1e99', '0x1f', 'null', 'undefined', 'NaN', '__proto__', 'constructor', '..', '.', '%2e%2e', '..%2f..%2fpackage.json',
      '%00', 'a%00b', '%', '%zz', '%E0%A4%A', '%C5%9B', '%F0%9F%99%82', '%FF%FE', 'AAAAAAAAAAAAAAAAAAAAAAAA', 'abc123', '"<>{}|\\^`', 'a;b=c',
      ...UUIDS,
    ),
  },
  { weight: 3, arbitrary: fc.tuple(nastyText(6000), fc.constantFrom<'strict' | 'loose'>('strict', 'loose')).map(([s, mode]) => pct(s, mode)) },
  { weight: 1, arbitrary: fc.constantFrom(NUL, 'ś', 'a b', '\t', '\u007f').map((s) => pct(s, 'raw')) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.tuple(anyReal, fc.constantFrom('', 'x', '%00', '/', '.json', '%20')).map(([r, suffix]) => `${r}${suffix}`) },
);

export function segment(kind: ParamKind): fc.Arbitrary<string> {
  if (kind === 'version') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('1', '2', '3', '0', '999999999', '1234567890', '1.5', '+1', '01') }, { weight: 2, arbitrary: junkSegment });
  if (kind === 'asset') return fc.oneof(fc.constantFrom('share.js', 'share.css', 'x.js', '..%2f..%2fpackage.json', '%00share.js', 'share.js%00', 'SHARE.JS'), junkSegment);
  return fc.oneof({ weight: 7, arbitrary: realRef(kind) }, { weight: 3, arbitrary: junkSegment });
}

export const tabRest = fc.oneof(
  fc.constantFrom('', 'index.html', 'assets/', '../package.json', '..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', 'demo/leipzig.svg', '%E0%A4%A', '%00', 'favicon.svg', 'a/b/c/d', '%', '?page=share'),
  fc.tuple(nastyText(3000), fc.constantFrom<'strict' | 'loose'>('strict', 'loose')).map(([s, m]) => pct(s, m)),
);

export type QueryValues = Record<string, fc.Arbitrary<string>>;

export function queries(known: QueryValues): fc.Arbitrary<string> {
  const keys = Object.keys(known);
  const pair = fc
    .tuple(
      keys.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom('x', 'q[]', 'limit[a]', 'cursor[0]', '', '__proto__[x]') }) : fc.constantFrom('x', 'q', 'limit', ''),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant('known') },
        { weight: 3, arbitrary: nastyText(6000) },
        { weight: 1, arbitrary: cursors('list') },
        { weight: 1, arbitrary: fc.constantFrom('1e3', '-1', '0x10', 'Infinity', '2.5', '', '9007199254740993') },
      ),
      fc.constantFrom<'strict' | 'loose' | 'raw'>('strict', 'strict', 'strict', 'strict', 'strict', 'strict', 'loose', 'loose', 'raw'),
    )
    .chain(([key, value, mode]) => {
      const name = key.replace(/\[.*$/, '');
      const v = value === 'known' && Object.hasOwn(known, name) ? (known[name] as fc.Arbitrary<string>) : fc.constant(value === 'known' ? '1' : value);
      return v.map((text) => `${pct(key, 'loose')}=${pct(text, mode)}`);
    });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 6, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '?', '?&&', '?=', '?a', '?%', '?%zz=1', '?q=%E0%A4%A', '?q=%00', '?q[]=1&q[]=2', '?q[a][b][c][d][e][f]=1', '?__proto__[x]=1',
        '?constructor[prototype][x]=1', '?limit=1e3', '?limit=-1', `?cursor=${'A'.repeat(5000)}`, '??q=1', '?q=a+b', '?a=1;b=2', `?${'a=1&'.repeat(2000)}`,
      ),
    },
  );
}

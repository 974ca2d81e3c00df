// Text and JSON that break parsers: nasty strings, junk values, mutations of a valid body,
// percent-encoding. The raw material every request generator draws from.
import fc from 'fast-check';
import type { Json, RealKind } from './generated-request.js';
import { show } from './show.js';

export const NUL = '\u0000';

const WITH_NUL = [NUL, `a${NUL}b`, `${NUL}${NUL}`, `Leipzig${NUL}`];
const FRAGMENTS = [
  'oświadczenie', 'Łódź', '日本語のテキスト', '🙂👍🏽', '\u202egnp.exe', '\ud800', '\uffff', '\u0085', '\u2028',
  '\r\n', '\t', '<script>alert(1)</script>', "'; drop table items; --", '%00', '%', '%E0%A4%A', '../../etc/passwd',
  '__proto__', 'constructor', 'null', 'NaN', '-0', '1e400', '\\', '"', '\u00a0', ' ', '', 'javascript:alert(1)',
  'https://www.contoso.example/oświadczenie', 'https://www.contoso.example/a\r\nX-Injected: 1', '[x](javascript:alert(1))',
];

const longText = (max: number) =>
  fc.tuple(fc.constantFrom('a', 'ś', '💥', NUL, '%', ' ', '<'), fc.integer({ min: 100, max })).map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

export const nastyText = (max: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...WITH_NUL) },
    { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: longText(max) },
  );

export const realRef = (kind: RealKind) => fc.nat({ max: 9 }).map((i) => `@@real.${kind}.${i}@@`);
export const anyReal = fc.constantFrom<RealKind>('item', 'training', 'guideline', 'step', 'announcement', 'person').chain(realRef);

/** Deep nesting and huge arrays are placeholders too: expanded only when sent. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyText(70_000) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -1e308, 1e308, '1', 'true', '2031-05-06') },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(nastyText(200), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyText(200), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'o'), fc.integer({ min: 20, max: 20_000 })).map(([k, n]) => `@@deep.${k}.${n}@@`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 100, max: 40_000 }), fc.nat({ max: 3 })).map(([n, e]) => `@@array.${n}.${e}@@`) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: anyReal },
);

interface Mutation {
  kind: 'set' | 'delete' | 'add' | 'nasty' | 'retype';
  pick: number;
  value: unknown;
  key: string;
  fragment: string;
  append: boolean;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('set', 'set', 'delete', 'add', 'nasty', 'nasty', 'nasty', 'retype'),
  pick: fc.nat(),
  value: junkValue,
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'extra', '', 'title '), fc.string({ maxLength: 10 })),
  fragment: nastyText(3000),
  append: fc.boolean(),
});

type Path = Array<string | number>;

export function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...at, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      pathsOf(v, p, out);
    }
  }
  return out;
}

export function getAt(value: Json, p: Path): Json {
  return p.reduce<Json>((v, k) => (v as Record<string | number, Json>)?.[k], value);
}

export function setAt(value: Json, p: Path, next: Json | undefined): void {
  const parent = getAt(value, p.slice(0, -1)) as Record<string | number, Json>;
  const key = p[p.length - 1] as string | number;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    Object.defineProperty(parent, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
}

/** What a confused client sends instead: numbers as strings, strings as numbers, a value in a list. */
function retype(v: Json): Json {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return Number.isNaN(Number(v)) ? v.length : Number(v);
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (Array.isArray(v)) return v.length ? v[0] : {};
  return v === null ? 'null' : [v];
}

export function mutate(base: Json, ops: Mutation[]): { value: Json; how: string } {
  let value: Json = structuredClone(base);
  const how: string[] = [];
  for (const op of ops) {
    const paths = pathsOf(value);
    if (op.kind === 'nasty') {
      const strings = paths.filter((p) => typeof getAt(value, p) === 'string');
      const p = strings[op.pick % Math.max(1, strings.length)];
      if (!p) continue;
      setAt(value, p, op.append ? `${getAt(value, p) as string}${op.fragment}` : op.fragment);
      how.push(`${p.join('.')} ${op.append ? '+=' : '='} ${show(op.fragment, 40)}`);
    } else if (op.kind === 'add') {
      const objects = [[] as Path, ...paths].filter((p) => {
        const v = getAt(value, p);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const p = objects[op.pick % objects.length];
      if (!p) continue;
      setAt(value, [...p, op.key], op.value);
      how.push(`+${[...p, op.key].join('.')} = ${show(op.value, 40)}`);
    } else if (paths.length === 0 || op.pick % (paths.length + 1) === paths.length) {
      // the whole body
      value = op.kind === 'retype' ? retype(value) : op.kind === 'delete' ? {} : op.value;
      how.push(`body ${op.kind === 'delete' ? '= {}' : `= ${show(value, 40)}`}`);
    } else {
      const p = paths[op.pick % paths.length] as Path;
      const next = op.kind === 'delete' ? undefined : op.kind === 'retype' ? retype(getAt(value, p)) : op.value;
      setAt(value, p, next);
      how.push(`${p.join('.')} ${next === undefined ? 'deleted' : `= ${show(next, 40)}`}`);
    }
  }
  return { value, how: `mutated: ${how.join('; ')}` };
}

export function toForm(value: Json, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}=${encodeURIComponent(String(value)).replace(/%40%40/g, '@@')}`];
  return Object.entries(value).flatMap(([k, v]) => toForm(v, prefix ? `${prefix}[${k}]` : k));
}

/** Percent-encoding of the UTF-8 bytes: "strict" keeps only unreserved characters; "loose" leaves printable ASCII (and any stray %). */
export function pct(s: string, mode: 'strict' | 'loose' | 'raw'): string {
  const bytes = Buffer.from(s, 'utf8');
  if (mode === 'raw') return bytes.toString('latin1');
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    const keep = /[A-Za-z0-9\-._~@]/.test(c) || (mode === 'loose' && b > 0x20 && b < 0x7f && c !== '#' && c !== '?' && c !== '/');
    out += keep ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

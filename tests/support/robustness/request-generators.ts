// Everything of a generated request but its target: the body (valid, mutated, not JSON),
// its Content-Encoding and Content-Type, extra headers and broken Authorization values.
import fc from 'fast-check';
import type { BodyPlan, EncodingPlan, Json, Transform } from './generated-request.js';
import { junkValue, mutate, mutation, NUL, toForm } from './text-generators.js';

const rawJunk = fc.constantFrom(
  '{', '{"a":', '[', 'not json', ' ', 'null', '"just a string"', '{"a":NaN}', '{"a":1,}', "{'a':1}", '/* c */{}', '{"a":1}{"b":2}',
  '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '1e999999', '[]',
);

export function bodyPlans(base: fc.Arbitrary<Json>): fc.Arbitrary<BodyPlan> {
  return fc.oneof(
    { weight: 4, arbitrary: base.map((value): BodyPlan => ({ kind: 'json', value, how: 'valid' })) },
    {
      weight: 9,
      arbitrary: fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, ops]): BodyPlan => ({ kind: 'json', ...mutate(b, ops) })),
    },
    { weight: 1, arbitrary: junkValue.map((value): BodyPlan => ({ kind: 'json', value, how: 'junk value' })) },
    { weight: 1, arbitrary: rawJunk.map((text): BodyPlan => ({ kind: 'text', text, how: 'not JSON' })) },
    {
      weight: 1,
      arbitrary: fc.tuple(base, fc.nat({ max: 4 }), fc.uint8Array({ maxLength: 40 })).map(([b, variant, random]): BodyPlan => {
        const json = JSON.stringify(b);
        if (variant === 0) return { kind: 'text', text: `\ufeff${json}`, how: 'valid, with a byte-order mark' };
        if (variant === 1) return { kind: 'bytes', bytes: [...Buffer.from(json, 'utf16le')], how: 'valid, in UTF-16' };
        if (variant === 2) return { kind: 'text', text: json.slice(0, Math.floor(json.length / 2)), how: 'truncated' };
        if (variant === 3) {
          const at = Math.max(1, json.indexOf('":"') + 3);
          return { kind: 'bytes', bytes: [...Buffer.from(json.slice(0, at)), 0xff, 0xfe, 0xc3, 0x28, ...Buffer.from(json.slice(at))], how: 'invalid UTF-8 in a string' };
        }
        return { kind: 'bytes', bytes: [...random], how: 'random bytes' };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        base.map((b): BodyPlan => ({ kind: 'form', text: toForm(b).join('&'), how: 'the valid body as a form' })),
        fc.constantFrom('a[b][c][d][e][f]=1', '__proto__[admin]=1', 'constructor[prototype][admin]=1', '%zz=1', 'a=%E0%A4%A', 'a=%00', '=', '&&&', 'network[]=x&network[]=linkedin').map(
          (text): BodyPlan => ({ kind: 'form', text, how: 'junk form' }),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.boolean().map((contentLength): BodyPlan => ({ kind: 'none', contentLength })) },
  );
}

export const encodingPlan: fc.Arbitrary<EncodingPlan> = fc.oneof(
  { weight: 80, arbitrary: fc.constant<EncodingPlan>({ header: null, transform: 'none' }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<EncodingPlan>(
      { header: 'gzip', transform: 'gzip' },
      { header: 'x-gzip', transform: 'gzip' },
      { header: 'deflate', transform: 'deflate' },
      { header: 'deflate', transform: 'deflate-raw' },
      { header: 'br', transform: 'br' },
      { header: 'gzip, gzip', transform: 'double-gzip' },
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('gzip', 'deflate', 'br'), fc.constantFrom<Transform>('garbage', 'truncated', 'random'), fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([header, transform, random]): EncodingPlan => ({ header, transform, random: [...random] })),
  },
  { weight: 1, arbitrary: fc.constantFrom<EncodingPlan>({ header: 'gzip', transform: 'bomb' }, { header: 'deflate', transform: 'bomb' }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('identity', 'compress', 'zstd', 'gzip, deflate', 'GZIP', ' gzip', 'gzip;q=1', '*', 'chunked', 'gzip\u00e9')
      .map((header): EncodingPlan => ({ header, transform: 'none' })),
  },
);

export const contentTypes = fc.oneof(
  { weight: 28, arbitrary: fc.constant<string | null>('match') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<string | null>(
      'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'APPLICATION/JSON',
      'application/json;', 'application/json; boundary=x', 'application/x-www-form-urlencoded; charset=utf-8',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<string | null>(
      null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/merge-patch+json',
      '*/*', 'application/jsonś', 'application/octet-stream', 'text/html', ';', 'application/jsonx', '',
    ),
  },
);

export const extraHeaders = fc.array(
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom<[string, string]>(
        ['accept', 'application/json'], ['accept', 'text/html'], ['accept', '*/*'], ['accept', 'application/json;q=0'], ['accept', 'ś'],
        ['accept-language', 'de-DE,de;q=0.9'], ['accept-language', 'en'], ['accept-language', 'xx'], ['accept-language', '*'],
        ['accept-language', 'de'.repeat(2000)], ['accept-language', 'ś'], ['x-request-id', 'abcdefgh-1234'], ['x-request-id', 'x'],
        ['x-request-id', '../../'], ['x-request-id', 'a'.repeat(300)], ['user-agent', 'Mozilla/5.0'], ['user-agent', 'Slackbot-LinkExpanding 1.0'],
        ['user-agent', 'MicrosoftPreview/2.0'], ['user-agent', ''], ['user-agent', 'ś'.repeat(500)], ['cookie', 'a=b'], ['range', 'bytes=0-10'],
        ['range', 'bytes=99999999-'], ['if-none-match', '*'], ['if-modified-since', 'yesterday'], ['origin', 'https://evil.example'],
        ['referer', 'javascript:alert(1)'], ['expect', '100-continue'], ['content-type', 'text/plain'], ['authorization', 'Bearer dev.jonas'],
        ['x-a', 'ś'], ['accept-encoding', 'gzip, br'],
      ),
    },
    {
      // Relayed: development sign-in must refuse these.
      weight: 1,
      arbitrary: fc.constantFrom<[string, string]>(
        ['x-forwarded-for', '203.0.113.7'], ['forwarded', 'for=203.0.113.7'], ['x-forwarded-host', 'evil.example'], ['x-real-ip', '203.0.113.7'], ['via', '1.1 proxy'],
      ),
    },
    // Not HTTP: Node's parser refuses them.
    { weight: 1, arbitrary: fc.constantFrom<[string, string]>(['x-é', '1'], ['x-a', `a${NUL}b`]) },
  ),
  { maxLength: 2 },
);

export const junkAuthorization = fc.constantFrom(
  'Bearer', 'Bearer ', 'Bearer dev.', 'Bearer dev.nobody', 'Bearer dev.CLARA', 'bearer dev.clara', 'Basic Y2xhcmE6eA==', 'Bearer dev.clara dev.jonas',
  `Bearer ${'a'.repeat(8000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJjbGFyYSJ9.', `Bearer dev.clara${NUL}`, 'Bearer dev.ćlara', 'Bearer dev.__proto__',
  'Bearer dev.constructor', 'Bearer dev.toString', 'Bearer dev.%00', 'Bearer dev.clara\u00a0',
);

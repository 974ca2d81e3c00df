// A generated request turned into the exact bytes sent: placeholders filled in, the body
// compressed (or broken) as planned, framing and headers as a client, or an attacker, writes them.
import zlib from 'node:zlib';
import { type BodyPlan, type EncodingPlan, type GenRequest, METHODS, type Pool, type RealKind } from './generated-request.js';

/** The running server a request is built for: its port, its real ids, the fake connector's URL. */
export interface Context {
  port: number;
  pool: Pool;
  connector: string;
}

const FALLBACK_ID = '6f1c2f0e-3b1a-4c55-9a57-1f5a3c1e9b21';
const ARRAY_ELEMENTS = ['0', '"x"', '{}', 'null'];

/** Placeholders become real ids, deep nesting and huge arrays only now, when the request is sent. */
function fillPlaceholders(text: string, ctx: Context): string {
  return text
    .replace(/"@@deep\.(a|o)\.(\d+)@@"/g, (_m, kind: string, n: string) =>
      kind === 'a' ? `${'['.repeat(Number(n))}${']'.repeat(Number(n))}` : `${'{"a":'.repeat(Number(n))}1${'}'.repeat(Number(n))}`,
    )
    .replace(/"@@array\.(\d+)\.(\d)@@"/g, (_m, n: string, e: string) => `[${Array(Number(n)).fill(ARRAY_ELEMENTS[Number(e)]).join(',')}]`)
    .replace(/@@real\.(\w+)\.(\d+)@@/g, (_m, kind: string, i: string) => {
      const ids = ctx.pool[kind as RealKind] ?? [];
      return ids.length ? (ids[Number(i) % ids.length] as string) : FALLBACK_ID;
    })
    .replace(/@@connector@@/g, ctx.connector)
    .replace(/@@(deep|array)\.[^@]*@@/g, '[]'); // placeholders outside JSON strings (form bodies, queries)
}

const bombCache: Record<string, Buffer> = {};
const COMPRESS: Record<string, (b: Buffer) => Buffer> = {
  gzip: (b) => zlib.gzipSync(b),
  deflate: (b) => zlib.deflateSync(b),
  br: (b) => zlib.brotliCompressSync(b),
};
const MAGIC: Record<string, number[]> = { gzip: [0x1f, 0x8b, 0x08, 0x00], deflate: [0x78, 0x9c], br: [0x1b] };

function encode(body: Buffer, plan: EncodingPlan): Buffer {
  const header = plan.header ?? 'gzip';
  switch (plan.transform) {
    case 'none':
      return body;
    case 'gzip':
      return zlib.gzipSync(body);
    case 'deflate':
      return zlib.deflateSync(body);
    case 'deflate-raw':
      return zlib.deflateRawSync(body);
    case 'br':
      return zlib.brotliCompressSync(body);
    case 'double-gzip':
      return zlib.gzipSync(zlib.gzipSync(body));
    case 'garbage':
      return Buffer.concat([Buffer.from(MAGIC[header] ?? []), Buffer.from('garbage')]);
    case 'truncated': {
      const whole = (COMPRESS[header] ?? COMPRESS.gzip!)(body);
      return whole.subarray(0, Math.max(1, Math.floor(whole.length / 2)));
    }
    case 'random':
      return Buffer.from(plan.random ?? [0]);
    case 'bomb':
      // 4 MB of JSON in a few kilobytes: what the 64 KiB limit is meant to stop.
      bombCache[header] ??= (COMPRESS[header] ?? COMPRESS.gzip!)(Buffer.from(`{"title":"${'x'.repeat(4_000_000)}"}`));
      return bombCache[header];
  }
}

function bodyBytes(plan: BodyPlan, ctx: Context): Buffer {
  switch (plan.kind) {
    case 'none':
      return Buffer.alloc(0);
    case 'json':
      return Buffer.from(fillPlaceholders(JSON.stringify(plan.value) ?? 'null', ctx), 'utf8');
    case 'text':
    case 'form':
      return Buffer.from(fillPlaceholders(plan.text, ctx), 'utf8');
    case 'bytes':
      return Buffer.from(plan.bytes);
  }
}

export interface Built {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  /** The body before Content-Encoding, with real ids filled in. */
  payload: Buffer;
  body: Buffer;
  bytes: Buffer;
  /** Not valid HTTP/1.1 (raw control or non-ASCII bytes, a bad method or header name): Node's parser refuses it. */
  notHttp: boolean;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function build(req: GenRequest, ctx: Context): Built {
  const target = fillPlaceholders(req.target, ctx);
  const payload = bodyBytes(req.body, ctx);
  const body = req.body.kind === 'none' ? payload : encode(payload, req.encoding);
  const headers: Array<[string, string]> = [];
  if (req.host !== null) headers.push(['Host', req.host === 'local' ? `localhost:${ctx.port}` : req.host]);
  if (req.identity) headers.push(['Authorization', `Bearer dev.${req.identity}`]);
  headers.push(...req.headers);
  if (req.body.kind !== 'none') {
    const type = req.contentType === 'match' ? (req.body.kind === 'form' ? 'application/x-www-form-urlencoded' : 'application/json') : req.contentType;
    if (type !== null) headers.push(['Content-Type', type]);
    if (req.encoding.header !== null) headers.push(['Content-Encoding', req.encoding.header]);
  }
  const sendsLength = req.body.kind !== 'none' || req.body.contentLength;
  if (req.chunked) headers.push(['Transfer-Encoding', 'chunked']);
  else if (sendsLength) headers.push(['Content-Length', String(body.length)]);
  headers.push(['Connection', 'close']);
  const wire = !req.chunked ? body : body.length === 0 ? Buffer.from('0\r\n\r\n') : Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  const head = Buffer.concat([
    Buffer.from(`${req.method} `, 'latin1'),
    Buffer.from(target, 'latin1'),
    Buffer.from(' HTTP/1.1\r\n', 'latin1'),
    ...headers.map(([k, v]) => Buffer.concat([Buffer.from(`${k}: `, 'utf8'), Buffer.from(v, 'utf8'), Buffer.from('\r\n')])),
    Buffer.from('\r\n'),
  ]);
  const hosts = headers.filter(([k]) => k.toLowerCase() === 'host');
  const notHttp =
    !METHODS.includes(req.method) ||
    [...Buffer.from(target, 'latin1')].some((b) => b < 0x21 || b > 0x7e) ||
    headers.some(([k, v]) => !TOKEN.test(k) || [...Buffer.from(v, 'utf8')].some((b) => (b < 0x20 && b !== 0x09) || b === 0x7f)) ||
    hosts.length !== 1 ||
    !hosts[0]?.[1] ||
    head.length > 16 * 1024;
  return { method: req.method, target, headers, payload, body, bytes: Buffer.concat([head, wire]), notHttp };
}

/** Requests whose body claims gzip but is not valid gzip, and the like, share a tag. */
export function encodingTag(req: GenRequest): string | undefined {
  if (req.body.kind === 'none') return undefined;
  const header = (req.encoding.header ?? '').trim().toLowerCase();
  if (!header) return undefined;
  const valid = req.encoding.transform !== 'none' && !['garbage', 'truncated', 'random'].includes(req.encoding.transform);
  return `Content-Encoding ${header} with ${valid ? (req.encoding.transform === 'bomb' ? 'a 4 MB bomb' : 'valid bytes') : 'invalid bytes'}`;
}

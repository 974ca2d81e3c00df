import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createRestify, guardRequests } from '../../bot/src/http/server.js';

/**
 * Issue 10, item 3: an unexpected throw while handling one request fails that request
 * (500 in the API's error shape, logged with its request id), never the process.
 */
const lines: Array<Record<string, unknown>> = [];
const log = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  }),
);
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  lines.length = 0;
});

async function serve(setup: (server: ReturnType<typeof createRestify>) => void): Promise<string> {
  const server = createRestify(log);
  setup(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${server.address().port}`;
}

describe('a request that throws', () => {
  it('in the fast path in front of restify: that request gets a 500 with its request id; the next one is served', async () => {
    const url = await serve((server) => {
      server.get('/ok', async (_req, res) => {
        res.send(200, { ok: true });
      });
      guardRequests(server, log, (req, res) => {
        if (req.url !== '/boom') return false;
        // What Node does with a Location header outside Latin-1.
        res.writeHead(302, { Location: 'https://example.com/\u015b' });
        return true;
      });
    });
    const res = await fetch(`${url}/boom`, { headers: { 'x-request-id': 'req-boom-0001' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('req-boom-0001');
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side' } });
    const logged = lines.find((l) => l.msg === 'request failed unexpectedly');
    expect(logged).toMatchObject({ reqId: 'req-boom-0001', err: { code: 'ERR_INVALID_CHAR' } });
    expect((await fetch(`${url}/ok`)).status).toBe(200);
  });

  it('in a restify handler: a 500 in the error shape, logged with the request id', async () => {
    const url = await serve((server) => {
      server.get('/api/boom', async (_req, res) => {
        res.writeHead(302, { Location: 'https://example.com/\r\nX: 1' });
        res.end();
      });
      guardRequests(server, log);
    });
    const res = await fetch(`${url}/api/boom`, { headers: { 'x-request-id': 'req-boom-0002' } });
    expect(res.status).toBe(500);
    expect((await res.json()) as unknown).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side' } });
    expect(lines.find((l) => l.msg === 'request failed')).toMatchObject({ reqId: 'req-boom-0002' });
  });
});

import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import pg from 'pg';

/** Issue 11, section 9: outbound network is refused in tests except to loopback. */
describe('outbound network in tests', () => {
  it('refuses any address that is not loopback, at once and saying why', async () => {
    for (const url of ['http://192.0.2.1/', 'https://login.microsoftonline.com/common/discovery/v2.0/keys', 'http://[2001:db8::1]/']) {
      const failure = await fetch(url).then(
        () => 'connected',
        (err: Error & { cause?: Error }) => err.cause?.message ?? err.message,
      );
      expect(failure, url).toMatch(/outbound network is refused in tests/);
    }
    const client = new pg.Client({ connectionString: 'postgres://postgres@db.example.com:5432/postgres', connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow(/outbound network is refused in tests/);
  });

  it('lets loopback through', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('ok');
    } finally {
      server.close();
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../bot/src/storage/db.js';
import { freePort } from '../support/test-server.js';
import { api, READER } from '../support/http.js';

// The real entry point as an operator runs it, through tsx so no build is needed.
// Stays on the demo company: a fresh development database seeds it, as `npm start` does.
const MAIN = path.resolve('bot/src/main.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

/** Waits on the condition, not the clock: start-up (tsx, PGlite's WASM) takes seconds, more on a busy machine. */
async function waitReady(url: string) {
  for (let i = 0; i < 900; i++) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

describe('the process', () => {
  it('stops with one clear line per configuration problem', async () => {
    const { exit, output } = run({ PORT: 'x', AUTH_MODE: 'magic', NODE_ENV: 'production' });
    expect(await exit).toBe(2);
    expect(output()).toMatch(/Invalid configuration:\n {2}- PORT: .+\n {2}- AUTH_MODE: .+/);
  });

  // The production checklist as `npm start` applies it (README "Deploy to Azure").
  const production = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://chorus.contoso.com',
    MicrosoftAppId: '00000000-0000-4000-8000-0000000000b0',
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
    ENTRA_CLIENT_ID: '00000000-0000-4000-8000-00000000c11e',
    ENTRA_TENANT_IDS: '11111111-2222-3333-4444-555555555555',
  };
  /** What Chorus printed, without Node's deprecation notices about restify's dependencies (README "Known noise"). */
  const ownLines = (output: string) =>
    output.split('\n').filter((l) => l.trim() !== '' && !/DeprecationWarning|--trace-deprecation/.test(l));

  it('in production, names each missing checklist item on its own line and does not start', async () => {
    const { exit, output } = run({ ...production, PUBLIC_URL: '', MicrosoftAppId: '', ENTRA_TENANT_IDS: '' });
    expect(await exit).toBe(2);
    expect(ownLines(output())).toEqual([
      'Invalid configuration:',
      '  - MicrosoftAppId: required when NODE_ENV=production',
      '  - PUBLIC_URL: required when NODE_ENV=production (the https address Teams and readers reach Chorus at)',
      '  - ENTRA_TENANT_IDS: required when NODE_ENV=production (comma-separated ids of the tenants allowed to sign in)',
    ]);
  });

  it('in production, an unreachable database is one clear line, no stack trace, and a non-zero exit before listening', async () => {
    const port = await freePort();
    // Port 1 on loopback: nothing listens there. The password must not be printed.
    const { exit, output } = run({ ...production, PORT: String(port), DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:1/x' });
    expect(await exit).toBe(1);
    expect(ownLines(output())).toEqual([
      expect.stringMatching(/^Chorus failed to start: DATABASE_URL: cannot connect to the database x on 127\.0\.0\.1:1 as postgres: .*ECONNREFUSED/),
    ]);
    expect(output()).not.toContain('s3cret');
    // It never listened.
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');
  });

  it('on SIGTERM finishes, stores every click, closes the database, and exits 0; a second process on the same data is refused', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'chorus-proc-'));
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const first = run({ PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: url });
    await waitReady(url);

    const second = run({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exit).toBe(1);
    expect(second.output()).toMatch(/in use by process \d+/);

    const admin = { authorization: 'Bearer dev.clara' };
    const items = await api(url, 'GET', '/api/v1/items?limit=1', { headers: { authorization: 'Bearer dev.aylin' } });
    const itemId = items.body.items[0].id;
    const share = await api(url, 'POST', `/api/v1/items/${itemId}/share-link`, { headers: admin });
    const token = share.body.url.split('/s/')[1];
    const link = (await api(url, 'POST', `/s/${token}`, { headers: { accept: 'application/json' }, body: { network: 'xing', text: 'hi' } })).body.link as string;
    const answers = await Promise.all(Array.from({ length: 25 }, () => fetch(link, { redirect: 'manual', headers: READER })));
    expect(answers.every((r) => r.status === 302)).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const db = await openPglite(dataDir);
    try {
      const [row] = await db.query<{ n: number }>('select coalesce(sum(clicks), 0)::int as n from clicks where link_code = $1', [link.split('/l/')[1]]);
      expect(row?.n).toBe(25);
    } finally {
      await db.close();
    }
  }, 180_000);
});

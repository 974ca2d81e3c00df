// The test's side of the server process: starts it, reads its stderr, asks it for database
// fingerprints over IPC, and kills it. A crash is then a dead child, not a dead test run.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { ChildMessage, ParentMessage } from './server-process.js';

interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The real server (server-process.ts) in its own process, with its stderr. */
export class ServerChild {
  url = '';
  port = 0;
  database: string | null = null;
  exit: ServerExit | undefined;
  readonly exited: Promise<ServerExit>;
  private readonly lines: string[] = [];
  private taken = 0;
  private partial = '';
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const w of this.waiting.values()) w.reject(new Error('the server process exited'));
        this.waiting.clear();
        resolve(this.exit);
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = this.partial + chunk.toString('utf8');
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    child.on('error', () => undefined); // a dying child's channel errors; its exit says what happened
    child.on('message', (raw) => {
      const msg = raw as ChildMessage;
      if (msg.op === 'ready') return;
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.op === 'result') w?.resolve(msg.value);
      else w?.reject(new Error(msg.message));
    });
  }

  static async start(env: Record<string, string>): Promise<ServerChild> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/support/robustness/server-process.ts')], {
      env: { PATH: process.env.PATH ?? '', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const server = new ServerChild(child);
    const ready = await Promise.race([
      new Promise<Extract<ChildMessage, { op: 'ready' }>>((resolve) =>
        child.on('message', (m) => (m as ChildMessage).op === 'ready' && resolve(m as Extract<ChildMessage, { op: 'ready' }>)),
      ),
      server.exited.then((e) => {
        throw new Error(`the robustness server did not start (exit ${e.code ?? e.signal}):\n${server.stderrTail(30)}`);
      }),
    ]);
    server.url = ready.url;
    server.port = Number(new URL(ready.url).port);
    server.database = ready.database;
    return server;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  private ask<T>(op: 'fingerprint' | 'snapshot'): Promise<T> {
    if (!this.alive) return Promise.reject(new Error('the server process exited'));
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, op } satisfies ParentMessage, (err) => {
        if (!err) return;
        this.waiting.delete(id);
        reject(err); // the channel closed: the process is going
      });
    });
  }

  fingerprint = () => this.ask<Record<string, string>>('fingerprint');
  snapshot = () => this.ask<string>('snapshot');

  /** stderr lines written since the last call. */
  takeLines(): string[] {
    const fresh = this.lines.slice(this.taken);
    this.taken = this.lines.length;
    return fresh;
  }

  stderrTail(n: number): string {
    return [...this.lines, this.partial].filter(Boolean).slice(-n).join('\n');
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Postgres only: the databases the servers of a run created (PGlite's live in its temporary directory). */
export async function dropDatabases(urls: string[]): Promise<void> {
  if (!process.env.DATABASE_URL || urls.length === 0) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  for (const url of urls) await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}

// Plumbing shared by the `npm run bench` entries: servers in child processes on
// loopback, load with autocannon from the bench process, CPU accounting from /proc,
// and cleanup that runs even when a run fails or is interrupted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Undo steps, run last-in first-out. Each step runs once; a failing step does not stop the others. */
export class Cleanup {
  #steps = [];

  add(label, fn) {
    const step = { label, fn, done: false };
    this.#steps.push(step);
    return async () => {
      if (step.done) return;
      step.done = true;
      await fn();
    };
  }

  async runAll() {
    for (const step of this.#steps.splice(0).reverse()) {
      if (step.done) continue;
      step.done = true;
      try {
        await step.fn();
      } catch (err) {
        console.error(`cleanup "${step.label}" failed: ${err instanceof Error ? err.message : err}`);
      }
    }
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Only what Node needs from the caller's environment: a server's settings come from `env` alone. */
function baseEnv() {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}

const TAIL_BYTES = 16 * 1024;

/**
 * Starts `node <script>` on a free loopback port (passed as PORT, and to `env(port)`),
 * waits until `readyPath` answers below 400, and returns a handle. The child is killed by
 * `cleanup` if the run ends before `stop()`.
 */
export async function startServer(cleanup, { name, script, env, execArgv = [], readyPath, timeoutMs = 60_000 }) {
  const port = await freePort();
  const child = spawn(process.execPath, [...execArgv, script], {
    cwd: root,
    env: { ...baseEnv(), ...env(port), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-TAIL_BYTES);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exit;
  void exited.then((e) => {
    exit = e;
  });
  const kill = cleanup.add(`stop ${name} (pid ${child.pid})`, async () => {
    if (exit) return;
    child.kill('SIGKILL');
    await exited;
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    if (exit) throw new Error(`${name} exited during start-up (${describeExit(exit)}):\n${output}`);
    const status = await fetch(url + readyPath, { redirect: 'manual', signal: AbortSignal.timeout(2_000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      () => 0,
    );
    ready = status > 0 && status < 400;
    if (!ready) await sleep(100);
  }
  if (!ready) {
    await kill();
    throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${output}`);
  }

  return {
    name,
    url,
    pid: child.pid,
    output: () => output,
    /** CPU seconds the process has used so far (Linux /proc; undefined elsewhere). */
    cpuSeconds: () => processCpuSeconds(child.pid),
    /** SIGTERM, then SIGKILL after `graceMs`. Resolves with how it ended. */
    async stop(graceMs = 20_000) {
      if (!exit) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const ended = await exited;
      clearTimeout(timer);
      await kill();
      return { ...ended, graceful: ended.code === 0, description: describeExit(ended) };
    },
  };
}

const describeExit = ({ code, signal }) => (signal ? `killed by ${signal}` : `exit code ${code}`);

// ---- CPU accounting (Linux /proc; figures are undefined elsewhere) --------------------

const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux Node supports

function processCpuSeconds(pid) {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ');
  if (!fields) return undefined;
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Busy and total jiffies summed over all CPUs. */
function machineJiffies() {
  if (!existsSync('/proc/stat')) return undefined;
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

function cpuSnapshot(server) {
  return { at: performance.now(), server: server?.cpuSeconds(), machine: machineJiffies(), loader: process.cpuUsage() };
}

/**
 * CPU between two snapshots, in cores: the server, this process (the load generator) and
 * everything else on the machine (other processes; for Chorus on Postgres that includes
 * the Postgres server storing the clicks).
 */
function cpuBetween(a, b, completed) {
  const seconds = (b.at - a.at) / 1000;
  const server = a.server === undefined || b.server === undefined ? undefined : b.server - a.server;
  const loadGenerator = (b.loader.user - a.loader.user + b.loader.system - a.loader.system) / 1e6 / seconds;
  const machine =
    a.machine && b.machine ? ((b.machine.busy - a.machine.busy) / (b.machine.total - a.machine.total)) * os.cpus().length : undefined;
  return {
    serverCpuUsPerRequest: server === undefined || !completed ? undefined : (server * 1e6) / completed,
    cores: {
      server: server === undefined ? undefined : server / seconds,
      loadGenerator,
      others: machine === undefined || server === undefined ? undefined : Math.max(0, machine - server / seconds - loadGenerator),
    },
  };
}

// ---- load --------------------------------------------------------------------------

/**
 * Sends exactly `amount` requests over `connections` keep-alive connections and waits for
 * every response, so the server answered exactly what is counted here (a duration-bound
 * run would drop requests in flight at the end, which the server may still have served).
 * Requests/s is measured from the first request to the last response.
 */
export function load({ url, requests, headers, connections, amount, server }) {
  return new Promise((resolve, reject) => {
    const before = cpuSnapshot(server);
    let after;
    let responses = 0;
    const instance = autocannon(
      // sampleInt: autocannon notices the end on its sampling tick; keep that tail short.
      { url, requests, headers, connections, amount, pipelining: 1, timeout: 10, sampleInt: 100 },
      (err, result) => {
        if (err) return reject(err);
        after ??= cpuSnapshot(server);
        const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
        const completed = Object.values(statusCodes).reduce((a, b) => a + b, 0);
        const seconds = (after.at - before.at) / 1000;
        resolve({
          completed,
          seconds,
          rps: completed / seconds,
          latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
          ...cpuBetween(before, after, completed),
        });
      },
    );
    // The last expected response ends the measurement, not autocannon's later callback.
    instance.on('response', () => {
      if (++responses === amount) after = cpuSnapshot(server);
    });
  });
}

/** `total` requests, `concurrency` at a time; latencies in ms. */
export async function measure(total, concurrency, once) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await once(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { requests: total, seconds: (performance.now() - started) / 1000, ...latencyStats(latencies) };
}

/** p50, p95, p99 and max of latencies in ms. */
export function latencyStats(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: median(sorted), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('   '))
    .join('\n');
}

// ---- Postgres ----------------------------------------------------------------------

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server at `serverUrl`; `cleanup` (or `remove`) drops it. */
export async function createBenchDatabase(cleanup, serverUrl) {
  const name = `chorus_bench_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`create database ${name}`));
  const remove = cleanup.add(`drop database ${name}`, () =>
    withClient(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), remove };
}

// ---- fresh Chorus databases (migrated, demo content) ----------------------------------

async function prepare(db, seed) {
  const { migrate } = await import(path.join(root, 'dist/bot/storage/migrate.js'));
  const { seedDemo } = await import(path.join(root, 'dist/bot/storage/seed-demo.js'));
  await migrate(db);
  await seedDemo(db, 'http://localhost');
  return seed(db);
}

/** A new Postgres database for Chorus: `env` for the server, `seed(fn)` runs fn on it first. */
export async function freshPostgres(cleanup, serverUrl) {
  const { url } = await createBenchDatabase(cleanup, serverUrl);
  return {
    env: { DATABASE_URL: url },
    async seed(fn) {
      const { openPostgres } = await import(path.join(root, 'dist/bot/storage/db.js'));
      const db = openPostgres(url);
      try {
        return await prepare(db, fn);
      } finally {
        await db.close();
      }
    },
  };
}

/** A new PGlite data directory, likewise; one process at a time may open it. */
export function freshPglite(cleanup) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chorus-bench-'));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return {
    env: { DATA_DIR: dir },
    async seed(fn) {
      const { openPglite } = await import(path.join(root, 'dist/bot/storage/db.js'));
      const db = await openPglite(dir);
      try {
        return await prepare(db, fn);
      } finally {
        await db.close(); // one process per data directory: Chorus opens it next
      }
    },
  };
}

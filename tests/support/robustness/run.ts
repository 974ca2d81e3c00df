// One robustness run: the sweep and the seeded requests sent one by one to a server in a
// child process, each answer checked, the database fingerprinted around refusals, a crashed
// server recorded and restarted.
import path from 'node:path';
import fc from 'fast-check';
import { eventually } from '../eventually.js';
import type { FakeBotConnector } from '../fake-bot-connector.js';
import { isInvokeResponse, judgeAnswer, MAY_WRITE_WHEN_REFUSED } from './answer-checks.js';
import { ServerChild } from './child-server.js';
import type { GenRequest } from './generated-request.js';
import { requestsFor } from './random-requests.js';
import { healthy, sendRaw } from './raw-http.js';
import { realIds } from './real-ids.js';
import { crashSignature, Findings, saveRequestList } from './report.js';
import { build, type Built, type Context, encodingTag } from './request-bytes.js';
import { declaredRoutes, specDrift } from './route-specs.js';
import { describeRequest, show, showBytes } from './show.js';
import { sweep } from './sweep.js';

/** /healthz after every this many requests. */
const BATCH = 25;
/** A run that keeps crashing the server stops here rather than restarting for ever. */
const MAX_CRASHES = 8;
/** The sending stops (with a note, not a failure) if a slow machine takes longer than this. */
const SEND_BUDGET_MS = 150_000;

/** A request as sent: its index in the seed's list, its plan and its bytes. */
type Sent = { index: number; req: GenRequest; built: Built };

/** What the run found, and what the report notes besides. */
export interface RunResult {
  findings: Findings;
  sent: number;
  skipped: number;
  crashes: number;
  notes: string[];
  ms: number;
}

/** The test's knobs (ROBUSTNESS_*), read once by the test file. */
export interface RunOptions {
  seed: number;
  /** Random requests, after the sweep. */
  requests: number;
  /** Only these indexes of the seed's requests (ROBUSTNESS_ONLY). */
  only?: Set<number>;
  /** Write every request of the seed to .tmp/robustness-requests.txt. */
  list: boolean;
  /** Note the answers per route and status. */
  stats: boolean;
}

/** What the test cleans up afterwards: every server started and every database made for one. */
export interface Spawned {
  servers: ServerChild[];
  databases: string[];
}

/** Sends every request, restarting the server after a crash, and collects what went wrong. */
export async function run(options: RunOptions, connector: FakeBotConnector, root: string, spawned: Spawned): Promise<RunResult> {
  const started = Date.now();
  const routes = declaredRoutes();
  const notes = specDrift(routes);
  const requests = [...sweep(routes), ...fc.sample(requestsFor(routes), { seed: options.seed, numRuns: options.requests })];
  if (options.list) saveRequestList(requests);
  const findings = new Findings();
  let starts = 0;
  let startMs = 0;
  const template = path.join(root, 'template');
  const startServer = async () => {
    starts++;
    const t0 = Date.now();
    const server = await ServerChild.start({ ROBUSTNESS_TEMPLATE_DIR: template, ROBUSTNESS_DATA_DIR: path.join(root, `run-${starts}`) });
    spawned.servers.push(server);
    if (server.database) spawned.databases.push(server.database);
    const pool = await realIds(server);
    startMs += Date.now() - t0;
    return { server, pool };
  };

  let { server, pool } = await startServer();
  let ctx: Context = { port: server.port, pool, connector: connector.url };
  /** The database as of the last state-changing answer; snapshot tells cheaply whether anything was written since. */
  let base: { snapshot: string; fingerprint: Record<string, string> } | undefined;
  /** The last accepted request per state-changing route: what a crash may have been set up by (a crisis switched on earlier). */
  const recentWrites = new Map<string, { index: number; line: string }>();
  const quarantined = new Set<string>();
  let crashes = 0;
  let sent = 0;
  let skipped = 0;
  /** The last request that reached the server: the suspect when the next one finds it dead. */
  let lastConnected: Sent | undefined;
  let tabNotBuilt = 0;
  /** Answers per route and status: shows whether the generators get past the first check. */
  const statuses: Record<string, Record<number, number>> = {};

  /**
   * Dead, or alive but not answering /healthz: a crash or a hang. The exit event may trail
   * the refused connection a little, so a silent process gets a few seconds to be seen dead.
   */
  const down = async (): Promise<boolean> => {
    if (!server.alive) return true;
    if (await healthy(server.port)) return false;
    let timer: NodeJS.Timeout | undefined;
    const gone = await Promise.race([server.exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), 3000)))]);
    clearTimeout(timer);
    return gone || !(await healthy(server.port));
  };

  /** Records what killed (or hung) the server, then starts a fresh one; false when it is time to give up. */
  const crashed = async (suspect: Sent | undefined): Promise<boolean> => {
    crashes++;
    const hung = server.alive;
    if (hung) await server.stop();
    const exit = await server.exited;
    const tail = server.stderrTail(40);
    const encoding = suspect ? encodingTag(suspect.req) : undefined;
    findings.add({
      category: 'crash',
      route: suspect?.req.route ?? 'unknown',
      method: suspect?.built.method ?? '?',
      wire: suspect?.built.bytes.toString('base64'),
      status: hung ? 'hung (no answer, not even /healthz; killed)' : `process died (exit ${exit.code ?? exit.signal})`,
      reason: `${hung ? 'not answering' : crashSignature(tail)}${encoding ? ` — ${encoding}` : ''}`,
      example: [
        suspect ? describeRequest(suspect.index, suspect.req, suspect.built) : 'no request identified',
        ...(recentWrites.size
          ? ['  accepted before it (the last of each state-changing route):', ...[...recentWrites.values()].sort((a, b) => a.index - b.index).map((w) => `    ${w.line}`)]
          : []),
        '  server stderr (last lines):',
        ...tail.split('\n').slice(-25).map((l) => `    ${l.slice(0, 300)}`),
      ].join('\n'),
    });
    // Repeating a known crash would only cost restarts: later requests with the same
    // broken body encoding are skipped (and counted).
    if (encoding) quarantined.add(encoding);
    if (crashes >= MAX_CRASHES) {
      notes.push(`stopped after ${crashes} crashes`);
      return false;
    }
    ({ server, pool } = await startServer());
    ctx = { port: server.port, pool, connector: connector.url };
    base = undefined;
    recentWrites.clear();
    lastConnected = undefined;
    return true;
  };

  for (let index = 0; index < requests.length; index++) {
    if (options.only && !options.only.has(index)) continue;
    if (Date.now() - started > SEND_BUDGET_MS) {
      notes.push(`time budget of ${SEND_BUDGET_MS / 1000} s used up: stopped after ${index} of ${requests.length} requests`);
      break;
    }
    const req = requests[index] as GenRequest;
    const tag = encodingTag(req);
    if (tag && quarantined.has(tag)) {
      skipped++;
      continue;
    }
    const built = build(req, ctx);
    const mutating = built.method === 'POST' || built.method === 'PUT' || built.method === 'DELETE' || built.method === 'PATCH';
    if (mutating) {
      const snapshot = await server.snapshot().catch(() => undefined);
      if (snapshot === undefined) {
        // died after the previous request was answered
        if (!(await crashed(lastConnected))) break;
        index--; // not sent yet: send it to the fresh server
        continue;
      }
      if (!base || base.snapshot !== snapshot) base = { snapshot, fingerprint: await server.fingerprint() };
    }
    const outcome = await sendRaw(server.port, built.bytes);
    sent++;
    const logs = server.takeLines();
    const where = { route: req.route, method: built.method, wire: built.bytes.toString('base64') };
    const example = () => describeRequest(index, req, built);
    const self: Sent = { index, req, built };

    if (outcome.kind === 'no-answer') {
      // A refused connection means the previous request (or something after it) killed the server.
      const suspect = outcome.connected ? self : lastConnected;
      if (await down()) {
        if (!(await crashed(suspect))) break;
        continue;
      }
      lastConnected = self;
      findings.add({ ...where, category: 'no-answer', status: 'no answer', reason: outcome.error, example: `${example()}\n  server log: ${logs.join(' / ').slice(0, 600) || '(none)'}` });
      continue;
    }
    lastConnected = self;
    const { status } = outcome.answer;
    const counts = (statuses[req.route] ??= {});
    counts[status] = (counts[status] ?? 0) + 1;
    const invokeAnswer = req.route === 'POST /api/messages' && isInvokeResponse(outcome.answer.body);
    const verdict = judgeAnswer(outcome.answer, req, built, logs, invokeAnswer);
    if (verdict.kind === 'tab-not-built') tabNotBuilt++;
    else if (verdict.kind === 'wrong') {
      findings.add({ ...where, category: verdict.category, status: String(status), reason: verdict.reason, example: `${example()}\n  ${verdict.detail}` });
    }

    if (mutating && base) {
      const exempt = MAY_WRITE_WHEN_REFUSED.find((a) => a.route === req.route && req.route.startsWith(`${built.method} `) && a.status === status);
      if (exempt?.afterAnswer) {
        // Written after the answer: wait for it, or it would be taken for the next request's write.
        const before = base.fingerprint;
        await eventually(() => server.fingerprint(), (fp) => exempt.tables.some((t) => fp[t] !== before[t]), 2000).catch(() => undefined);
      }
      const snapshot = await server.snapshot().catch(() => undefined);
      if (snapshot !== undefined && status >= 400 && status < 500 && !invokeAnswer && snapshot !== base.snapshot) {
        const after = await server.fingerprint();
        const allowed = exempt?.tables ?? [];
        const before = base.fingerprint;
        const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t] && !allowed.includes(t));
        if (changed.length) {
          findings.add({ ...where, category: 'wrote', status: String(status), reason: `refused, but wrote to ${changed.sort().join(', ')}`, example: example() });
        }
        base = { snapshot, fingerprint: after };
      } else if (status < 400 || invokeAnswer) {
        const sentBody = built.payload.length ? ` ${showBytes(built.payload, 160)}` : '';
        recentWrites.set(req.route, { index, line: `#${index} ${built.method} ${show(Buffer.from(built.target, 'latin1').toString('utf8'), 100)}${sentBody} → ${status}` });
      }
    }

    if (sent % BATCH === 0 && (await down())) {
      if (!(await crashed(lastConnected))) break;
    }
  }

  if (crashes < MAX_CRASHES && (await down())) {
    findings.add({ category: 'health', route: 'GET /healthz', method: 'GET', status: 'not 200', reason: 'not answering at the end of the run', example: server.stderrTail(20) });
    await crashed(lastConnected);
  }
  if (skipped) notes.push(`${skipped} requests skipped: their body encoding had already crashed the server (${[...quarantined].join(', ')})`);
  const outbound = spawned.servers.flatMap((s) => s.stderrTail(100_000).split('\n')).flatMap((l) => /"msg":"robustness: outbound connection blocked","host":"([^"]*)"/.exec(l)?.[1] ?? []);
  if (outbound.length) notes.push(`outbound connections turned away (the server tried to reach them): ${[...new Set(outbound)].join(', ')} (${outbound.length}×)`);
  if (tabNotBuilt) notes.push(`${tabNotBuilt} /tab requests answered 503 because dist/tab is not built (run npm run build:tab)`);
  const neverAccepted = Object.entries(statuses).filter(([, c]) => !Object.keys(c).some((k) => Number(k) < 400)).map(([r]) => r);
  if (options.stats) {
    for (const [route, c] of Object.entries(statuses)) notes.push(`${route}: ${Object.entries(c).map(([k, n]) => `${k}×${n}`).join(' ')}`);
  }
  if (neverAccepted.length) notes.push(`routes that never answered 2xx/3xx in this run: ${neverAccepted.join(', ')}`);
  notes.push(`${starts} server start(s) took ${(startMs / 1000).toFixed(1)} s; sending and checking took ${((Date.now() - started - startMs) / 1000).toFixed(1)} s`);
  return { findings, sent, skipped, crashes, notes, ms: Date.now() - started };
}

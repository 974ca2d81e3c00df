// Bench entry "links": throughput of the tracked link /l/:code (clicks persisted) against
// a bare restify server answering the same 302, in the same run, on Postgres and on
// PGlite. Afterwards Chorus is stopped gracefully and the stored clicks must equal the
// 302s it answered. Target (architecture.md): ratio ≥ 0.8 on Postgres.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createBenchDatabase, load, median, root, startServer, table, withClient } from './support.mjs';

export const title = 'tracked-link throughput (/l/:code vs bare restify 302)';
/** What `scripts/bench.mjs` builds first when stale. */
export const needs = ['bot'];

const TARGET_RATIO = 0.8;
const WARM_UP_SECONDS = 3;
const LINK_CODE = /^[A-Za-z0-9]{6,16}$/;
const PEOPLE = ['jonas', 'aylin', 'mia', 'clara'];
const NETWORKS = ['linkedin', 'x', 'facebook', 'xing'];
// What a reader's browser sends; no preview-agent words, so every GET counts as a click.
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
};
const ITEMS = [
  {
    kind: 'article',
    title: 'Bench: our new office in Leipzig',
    url: 'https://www.contoso.example/blog/leipzig?src=intranet',
    posts: { linkedin: 'We opened an office in Leipzig!', x: 'New office in Leipzig!' },
  },
  {
    kind: 'job',
    title: 'Bench: Senior Backend Engineer',
    url: 'https://www.contoso.example/careers/senior-backend-engineer?ref=careers#apply',
    posts: { linkedin: 'My team is hiring.', x: 'We are hiring!' },
  },
];

/**
 * @param {{ cleanup: import('./support.mjs').Cleanup, settings: { seconds: number, rounds: number, connections: number, cpuProfile: boolean, logLevel: string } }} ctx
 */
export async function run({ cleanup, settings }) {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const databases = {};
  let ok = true;

  const unreachable = await postgresProblem(serverUrl);
  if (unreachable) {
    databases.postgres = { skipped: `Postgres at ${redact(serverUrl)} is not reachable: ${unreachable}` };
    console.log(`\nPostgres run skipped: ${databases.postgres.skipped}`);
  } else {
    const result = await benchDatabase('postgres', { cleanup, settings, serverUrl });
    databases.postgres = result;
    ok &&= result.ok;
  }
  const result = await benchDatabase('pglite', { cleanup, settings });
  databases.pglite = result;
  ok &&= result.ok;

  return { ok, results: { settings, targetRatio: TARGET_RATIO, databases } };
}

async function benchDatabase(kind, { cleanup, settings, serverUrl }) {
  const label = kind === 'postgres' ? 'Postgres' : 'PGlite';
  console.log(`\n${label}: starting Chorus and the bare restify server …`);
  const store = kind === 'postgres' ? await freshPostgres(cleanup, serverUrl) : freshPglite(cleanup);

  const chorus = await startServer(cleanup, {
    name: `Chorus (${label})`,
    script: path.join(root, 'dist/bot/main.js'),
    execArgv: settings.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.tmp', 'bench-prof')}`] : [],
    env: (port) => ({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      LOG_LEVEL: settings.logLevel,
      AUTH_MODE: 'dev',
      ...store.env,
    }),
    readyPath: '/readyz',
  });
  const links = await createLinks(chorus.url);
  const baseline = await startServer(cleanup, {
    name: 'bare restify',
    script: path.join(root, 'tests/bench/bare-redirect-server.mjs'),
    env: () => ({ BENCH_LOCATIONS: JSON.stringify(Object.fromEntries(links.map((l) => [l.code, l.location]))) }),
    readyPath: `/l/${links[0].code}`,
  });

  const requests = links.map((l) => ({ method: 'GET', path: `/l/${l.code}` }));
  const runs = { baseline: [], chorus: [] };
  const servers = { baseline, chorus };
  const fire = (name, amount) => load({ url: servers[name].url, requests, headers: HEADERS, connections: settings.connections, amount, server: servers[name] });

  // Warm-up (JIT, link cache, connection pools): bursts of about a second each, sized from
  // the previous one, for at least WARM_UP_SECONDS; the last sizes the measured rounds.
  const roundAmount = {};
  for (const name of ['baseline', 'chorus']) {
    let amount = 10_000;
    let spent = 0;
    for (let burst = 0; burst < 8 && spent < WARM_UP_SECONDS; burst++) {
      const r = await fire(name, amount);
      runs[name].push({ warmUp: true, ...r });
      spent += r.seconds;
      amount = Math.max(5_000, Math.round(r.rps));
    }
    roundAmount[name] = amount * settings.seconds;
  }
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? ['baseline', 'chorus'] : ['chorus', 'baseline'];
    for (const name of order) {
      const r = await fire(name, roundAmount[name]);
      runs[name].push({ round: round + 1, ...r });
      console.log(`  round ${round + 1} ${name.padEnd(8)} ${fmt(r.rps)} req/s, p99 ${r.latencyMs.p99} ms`);
    }
  }

  await baseline.stop();
  const stopped = await chorus.stop();
  const answered302 = links.length + sum(runs.chorus.map((r) => r.statusCodes['302'] ?? 0));
  const otherResponses = sum(runs.chorus.map((r) => r.completed - (r.statusCodes['302'] ?? 0)));
  const failures = sum(runs.chorus.map((r) => r.errors + r.timeouts));
  const stored = await store.countClicks(links.map((l) => l.code));
  await store.remove();

  const summary = (name) => {
    const measured = runs[name].filter((r) => !r.warmUp);
    const med = (pick) => (measured.some((r) => pick(r) === undefined) ? undefined : median(measured.map(pick)));
    return {
      rps: med((r) => r.rps),
      rpsRange: [Math.min(...measured.map((r) => r.rps)), Math.max(...measured.map((r) => r.rps))],
      p99Ms: med((r) => r.latencyMs.p99),
      serverCpuUsPerRequest: med((r) => r.serverCpuUsPerRequest),
      cores: { server: med((r) => r.cores.server), loadGenerator: med((r) => r.cores.loadGenerator), others: med((r) => r.cores.others) },
    };
  };
  const base = summary('baseline');
  const mine = summary('chorus');
  const ratio = mine.rps / base.rps;
  const clicksMatch = stored === answered302 && otherResponses === 0 && failures === 0;
  const targetMet = ratio >= TARGET_RATIO;
  const result = {
    ok: clicksMatch && stopped.graceful,
    links: links.length,
    baseline: base,
    chorus: mine,
    ratio,
    target: kind === 'postgres' ? { ratio: TARGET_RATIO, met: targetMet } : null,
    clicks: { answered302, stored, match: clicksMatch, otherResponses, errorsAndTimeouts: failures },
    chorusExit: stopped.description,
    runs,
  };
  print(label, result, settings);
  if (!stopped.graceful) console.log(`  Chorus did not stop gracefully (${stopped.description}):\n${chorus.output()}`);
  return result;
}

// ---- data through the real API ---------------------------------------------------

async function api(base, method, urlPath, { as, body, accept = 'application/json' } = {}) {
  const res = await fetch(base + urlPath, {
    method,
    redirect: 'manual',
    headers: {
      accept,
      ...(as ? { authorization: `Bearer dev.${as}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Two published items, shared by four people on four networks: 32 tracked links. */
async function createLinks(base) {
  const links = [];
  for (const item of ITEMS) {
    const created = await api(base, 'POST', '/api/v1/admin/items', {
      as: 'clara',
      body: {
        ...item,
        why: 'Worth sharing.',
        imageUrl: 'https://www.contoso.example/img/bench.jpg',
        language: 'en',
        topics: ['culture'],
        audience: { departments: [], locations: [] },
        hashtags: ['bench'],
      },
    });
    const id = created.item.id;
    await api(base, 'POST', `/api/v1/admin/items/${id}/publish`, { as: 'clara', body: {} });
    for (const person of PEOPLE) {
      const { url } = await api(base, 'POST', `/api/v1/items/${id}/share-link`, { as: person });
      const token = new URL(url).pathname.split('/s/')[1];
      for (const network of NETWORKS) {
        const { link } = await api(base, 'POST', `/s/${token}`, { body: { network, text: 'hi' } });
        const code = new URL(link).pathname.split('/l/')[1];
        if (!LINK_CODE.test(code)) throw new Error(`unexpected tracked link ${link}`);
        links.push({ code });
      }
    }
  }
  // One real click per link: checks the 302 and gives the baseline the same Location.
  for (const l of links) {
    const res = await fetch(`${base}/l/${l.code}`, { redirect: 'manual', headers: HEADERS });
    await res.arrayBuffer();
    if (res.status !== 302) throw new Error(`/l/${l.code} answered ${res.status}, expected 302`);
    l.location = res.headers.get('location');
  }
  return links;
}

// ---- fresh databases ---------------------------------------------------------------

/** Clicks stored for these links (counted per link and minute). */
async function countClicks(q, codes) {
  const { rows } = await q.query('select coalesce(sum(clicks), 0)::bigint::text as n from clicks where link_code = any($1)', [codes]);
  return Number(rows[0].n);
}

async function postgresProblem(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freshPostgres(cleanup, serverUrl) {
  const { url, remove } = await createBenchDatabase(cleanup, serverUrl);
  return {
    env: { DATABASE_URL: url },
    countClicks: (codes) => withClient(url, (c) => countClicks(c, codes)),
    remove,
  };
}

function freshPglite(cleanup) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chorus-bench-'));
  const remove = cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return {
    env: { DATA_DIR: dir },
    // Read after Chorus exited: PGlite is single-process.
    async countClicks(codes) {
      const db = new PGlite(path.join(dir, 'pglite'));
      try {
        await db.waitReady;
        return await countClicks(db, codes);
      } finally {
        await db.close();
      }
    },
    remove,
  };
}

// ---- output ------------------------------------------------------------------------

const sum = (values) => values.reduce((a, b) => a + b, 0);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const cores = (n) => (n === undefined ? '–' : n.toFixed(2));
const us = (v) => (v === undefined ? '–' : fmt(v));
const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

// Another process busier than this while the bare server is measured makes the figures noisy.
const NOISY_CORES = 0.25;

function print(label, r, settings) {
  console.log(
    `\n${label} — median of ${settings.rounds} rounds × ~${settings.seconds} s per server, ${settings.connections} connections, ${r.links} links rotated, Chorus LOG_LEVEL=${settings.logLevel}\n`,
  );
  const row = (name, s) => [
    name,
    fmt(s.rps),
    `${fmt(s.rpsRange[0])}–${fmt(s.rpsRange[1])}`,
    s.p99Ms,
    us(s.serverCpuUsPerRequest),
    cores(s.cores.server),
    cores(s.cores.loadGenerator),
    cores(s.cores.others),
  ];
  console.log(
    table([
      ['', 'req/s', 'rounds', 'p99 ms', 'server CPU µs/req', 'server', 'autocannon', 'other procs'],
      row('bare restify 302', r.baseline),
      row('Chorus /l/:code', r.chorus),
    ]).replace(/^/gm, '  '),
  );
  console.log(`  (CPU columns in cores; "other procs" includes ${label === 'Postgres' ? 'the Postgres server and ' : ''}anything else running)`);
  const target = r.target ? `   target ≥ ${r.target.ratio.toFixed(2)}: ${r.target.met ? 'met ✓' : 'MISSED ✗'}` : '   (the target applies to Postgres)';
  console.log(`\n  ratio Chorus / bare: ${r.ratio.toFixed(2)}${target}`);
  const c = r.clicks;
  const extra = [
    c.otherResponses ? `${fmt(c.otherResponses)} non-302 responses` : '',
    c.errorsAndTimeouts ? `${fmt(c.errorsAndTimeouts)} errors/timeouts` : '',
  ].filter(Boolean);
  console.log(
    `  clicks: 302s answered ${fmt(c.answered302)}, stored ${fmt(c.stored)}  ${c.match ? 'match ✓' : 'MISMATCH ✗'}${extra.length ? ` (${extra.join(', ')})` : ''}`,
  );
  console.log(`  Chorus stopped: ${r.chorusExit}`);
  if (r.baseline.cores.others > NOISY_CORES) {
    console.log(
      `  ⚠ other processes used ${cores(r.baseline.cores.others)} cores while the bare server was measured: the machine is shared and these figures are noisy.`,
    );
  }
}

// Failures grouped into distinct ones, the report the test prints, and the files in .tmp
// that let a failure be replayed byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { GenRequest } from './generated-request.js';
import type { RunResult } from './run.js';
import { show } from './show.js';

/** A server log line as the report shows it: message, error message and code. */
export function logSummary(lines: string[]): string | undefined {
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: unknown; host?: string };
      if ((entry.level ?? 0) < 50) continue;
      const err = entry.err as { message?: string; code?: string } | string | undefined;
      const message = typeof err === 'string' ? err : err?.message;
      const code = typeof err === 'object' && err?.code ? ` [${err.code}]` : '';
      return `${entry.msg ?? ''}${message ? `: ${message}` : ''}${code}${entry.host ? ` (${entry.host})` : ''}`;
    } catch {
      // not a log entry (a stack trace, a warning)
    }
  }
  return undefined;
}

/** Values in a message (quoted, numbers, ids) vary per request; the kind of failure does not. */
export function normalise(text: string): string {
  return text
    .replace(/"[^"]*"/g, '"…"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 200);
}

/** What killed the process, from the end of its stderr. */
export function crashSignature(tail: string): string {
  const lines = tail.split('\n');
  const error = lines.find((l) => /^(\w*Error|TypeError|RangeError|AssertionError)\b|^Error:/.test(l.trim()));
  const code = lines.map((l) => /code: '([A-Z_0-9]+)'/.exec(l)?.[1]).find(Boolean);
  return `${error?.trim() ?? 'no error printed'}${code ? ` [${code}]` : ''}`;
}

/** Which check failed; each `it` of the test reports some of them. */
export type Category = 'crash' | 'no-answer' | '5xx' | 'error-body' | 'wrote' | 'health';

export interface Failure {
  category: Category;
  route: string;
  method: string;
  status: string;
  reason: string;
  count: number;
  example: string;
  more: string[];
  /** The first example exactly as sent, base64 (in the JSON report): `base64 -d | nc localhost <port>` replays it. */
  wire?: string;
}

/** Failures grouped by what went wrong where, so one bug is one entry however often it was hit. */
export class Findings {
  private readonly byKey = new Map<string, Failure>();

  add(f: Omit<Failure, 'count' | 'more'>): void {
    const key = [f.category, f.method, f.route, f.status, f.reason].join('|');
    const known = this.byKey.get(key);
    if (!known) this.byKey.set(key, { ...f, count: 1, more: [] });
    else {
      known.count++;
      if (known.more.length < 2) known.more.push(f.example.split('\n')[0] as string);
    }
  }

  all(categories?: Category[]): Failure[] {
    return [...this.byKey.values()].filter((f) => !categories || categories.includes(f.category));
  }
}

/** Failures as the test prints them, each with how to replay it. */
export function report(failures: Failure[], title: string, seed: number): string {
  if (failures.length === 0) return `${title}: none`;
  const body = failures.map(
    (f, i) =>
      `${i + 1}. [${f.category}] ${f.route}${f.route.startsWith(`${f.method} `) ? '' : ` (sent as ${f.method})`} → ${f.status}: ${f.reason}  (${f.count}×)\n${f.example
        .split('\n')
        .map((l) => `     ${l}`)
        .join('\n')}${f.more.length ? `\n     also: ${f.more.join(' ; ')}` : ''}`,
  );
  return `${title} (seed ${seed}; replay with ROBUSTNESS_SEED=${seed}, one request with ROBUSTNESS_ONLY=<#>):\n${body.join('\n')}`;
}

/** The run's summary: counts, notes and every distinct failure. */
export function summary(result: RunResult, seed: number): string {
  const all = result.findings.all();
  return [
    `robustness: ${result.sent} requests sent in ${(result.ms / 1000).toFixed(1)} s, ${result.crashes} crashes, ${all.length} distinct failures`,
    ...result.notes.map((n) => `  note: ${n}`),
    report(all, 'all distinct failures', seed),
  ].join('\n');
}

/** .tmp/robustness-report.json: the summary's data, with the exact bytes of each first example. */
export function saveReport(result: RunResult, seed: number): void {
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/robustness-report.json', JSON.stringify({ seed, ...result, findings: result.findings.all() }, null, 2));
}

/** Every request of the seed, one line each, to find the index of one to replay (ROBUSTNESS_LIST). */
export function saveRequestList(requests: GenRequest[]): void {
  const lines = requests.map((r, i) => `#${i} ${r.method} ${show(r.target, 160)} ${'how' in r.body ? r.body.how : ''}`);
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/robustness-requests.txt', `${lines.join('\n')}\n`);
}

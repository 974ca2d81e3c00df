// What a right answer to bad input is: no 5xx, an API error in the documented shape, and
// the few refusals that are allowed to write.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GenRequest } from './generated-request.js';
import type { Answer } from './raw-http.js';
import { logSummary, normalise } from './report.js';
import type { Built } from './request-bytes.js';
import { showBytes } from './show.js';

/** The error codes the README documents for answers to bad input (`internal` is a 500). */
const CLIENT_ERROR_CODES = new Set([
  'invalid', 'unauthenticated', 'forbidden', 'not_found', 'gone', 'conflict', 'payload_too_large', 'unsupported_media_type', 'crisis_active',
]);

/**
 * Refused requests that may write, and why: during a crisis a share page counts the
 * shares it refused, for the admins (CrisisState.refusedShares), after it has answered.
 */
export const MAY_WRITE_WHEN_REFUSED: Array<{ route: string; status: number; tables: string[]; afterAnswer: boolean }> = [
  { route: 'POST /s/:token', status: 423, tables: ['crisis_state'], afterAnswer: true },
];

/**
 * The bot endpoint answers invoke activities (card actions) in the Bot Framework's own
 * format, status included ({ statusCode, type: "application/vnd.microsoft.error", value }):
 * Teams reads that, not our error body. Such an answer means the activity was handled.
 */
export function isInvokeResponse(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { type?: unknown; statusCode?: unknown } | null;
    return typeof parsed?.statusCode === 'number' && typeof parsed.type === 'string' && parsed.type.startsWith('application/vnd.microsoft.');
  } catch {
    return false;
  }
}

/** What is wrong with an API error body, measured against the documented { error: { code, message, fields? } }. */
function errorBodyProblem(body: Buffer): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return `not JSON: ${normalise(body.toString('utf8').slice(0, 60)) || '(empty body)'}`;
  }
  const error = (parsed as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown; fields?: unknown } | undefined;
  if (!error || typeof error !== 'object') return `no "error" object: ${normalise(JSON.stringify(parsed).slice(0, 80))}`;
  if (typeof error.code !== 'string' || !CLIENT_ERROR_CODES.has(error.code)) return `error.code ${JSON.stringify(error.code)} is not a documented code`;
  if (typeof error.message !== 'string' || !error.message) return 'error.message missing';
  if (error.fields !== undefined && (typeof error.fields !== 'object' || error.fields === null || Object.values(error.fields).some((v) => typeof v !== 'string'))) {
    return 'error.fields is not a map of field → reason';
  }
  return undefined;
}

export type AnswerVerdict =
  | { kind: 'fine' }
  | { kind: 'tab-not-built' }
  | { kind: 'wrong'; category: '5xx' | 'error-body'; reason: string; detail: string };

/** Whether an answer to generated input is one Chorus may give: no 5xx, errors in the documented shape. */
export function judgeAnswer(answer: Answer, req: GenRequest, built: Built, logs: string[], invokeAnswer: boolean): AnswerVerdict {
  const { status, headers, body } = answer;
  // Node's own HTTP parser answers without the X-Request-Id every Chorus answer carries.
  const fromNode = headers['x-request-id'] === undefined && status >= 400;
  const pathname = built.target.split('?')[0] ?? '';
  if (fromNode && built.notHttp && (status === 400 || status === 431)) {
    // Not HTTP: refused by the parser before Chorus saw it. Nothing else to check.
    return { kind: 'fine' };
  }
  if (fromNode && status < 500) {
    return { kind: 'wrong', category: 'error-body', reason: "refused by Node's HTTP parser, not by Chorus", detail: `answer: ${showBytes(body, 200)}` };
  }
  if (status === 503 && req.route.includes('/tab') && !existsSync(path.resolve('dist/tab/index.html'))) {
    // The tab is not built (or being rebuilt right now): a deployment state, not an answer to input.
    return { kind: 'tab-not-built' };
  }
  if (status >= 500) {
    const serverSays = logSummary(logs);
    return {
      kind: 'wrong',
      category: '5xx',
      reason: normalise(serverSays ?? `no server log; answer ${body.toString('utf8').slice(0, 80)}`),
      detail: `server log: ${serverSays ?? '(none)'}`,
    };
  }
  if (status >= 400 && built.method !== 'HEAD' && !invokeAnswer) {
    const jsonAnswer = (headers['content-type'] ?? '').includes('application/json');
    if (pathname.startsWith('/api/') || jsonAnswer) {
      const problem = errorBodyProblem(body);
      if (problem) return { kind: 'wrong', category: 'error-body', reason: problem, detail: `answer: ${showBytes(body, 200)}` };
    }
  }
  return { kind: 'fine' };
}

/**
 * What one answer of the Bot Connector means for a delivery (Teams' rate-limit and error
 * documentation): send again later, give up on this conversation, or done.
 */
export type SendOutcome =
  | { kind: 'sent' }
  /** `throttled`: a 429 — the whole tenant must slow down, not only this send. */
  | { kind: 'retry'; afterMs: number; throttled: boolean; reason: string }
  /** 403 MessageWritesBlocked: the person blocked or uninstalled the bot. */
  | { kind: 'blocked' }
  /** 404: the conversation no longer exists. */
  | { kind: 'gone' }
  | { kind: 'failed'; reason: string };

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseMs: 500, maxMs: 60_000 };

// 0: no answer at all (network); Teams says to retry 412, 429, 502, 503, 504.
const RETRYABLE = new Set([0, 408, 412, 500, 502, 503, 504]);
const MIN_THROTTLE_MS = 1_000;
/**
 * 403 codes that mean this person's chat refuses the bot (blocked, uninstalled, removed):
 * mark it and stop writing there. Others (BotDisabledByAdmin, NotEnoughPermissions …) are
 * about the app, not the person, and fail the delivery instead.
 */
const BLOCKED_CODES = new Set(['MessageWritesBlocked', 'ConversationBlockedByUser', 'BotNotInConversationRoster']);

/** Retry-After: seconds (integer or fraction) or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: spreads retries so they do not arrive together. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export interface ConnectorAnswer {
  /** The HTTP status; 0 when no answer arrived (connection refused or reset, timeout). */
  status: number;
  retryAfter?: string | null;
  /** The error code in the body, e.g. "MessageWritesBlocked". */
  errorCode?: string;
}

/** `attempt`: which try this answer belongs to (1 for the first). */
export function classifyAnswer(
  answer: ConnectorAnswer,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
  now: number = Date.now(),
): SendOutcome {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 403) return BLOCKED_CODES.has(answer.errorCode ?? '') ? { kind: 'blocked' } : { kind: 'failed', reason: `403 ${answer.errorCode ?? 'Forbidden'}` };
  if (status === 404) return { kind: 'gone' };
  if (status === 429 || RETRYABLE.has(status)) {
    if (attempt >= policy.maxAttempts) return { kind: 'failed', reason: `${status || 'no answer'} after ${attempt} tries` };
    const told = status === 429 ? retryAfterMs(answer.retryAfter, now) : undefined;
    const backoff = backoffMs(attempt, policy, random);
    return {
      kind: 'retry',
      // A 429 without Retry-After still holds the tenant back noticeably: at least 1 s.
      afterMs: told ?? (status === 429 ? Math.max(MIN_THROTTLE_MS, backoff) : backoff),
      throttled: status === 429,
      reason: status ? String(status) : 'no answer',
    };
  }
  return { kind: 'failed', reason: `${status}${answer.errorCode ? ` ${answer.errorCode}` : ''}` };
}

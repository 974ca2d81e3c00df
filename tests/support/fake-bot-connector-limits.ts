/**
 * The pieces of the fake Bot Connector that need no server: its record types, routes,
 * sliding-window rate limits, a rate meter and a seeded PRNG. Limits take `now` (ms,
 * monotonic) explicitly so they can be tested with synthetic clocks.
 */

export type Activity = { type: string; text?: string; attachments?: unknown[]; [key: string]: unknown };

/** `at` is wall-clock milliseconds (fractional, monotonic within a run) of the admission. */
export interface ReceivedActivity {
  conversationId: string;
  replyToId?: string;
  activityId: string;
  tenantId: string;
  at: number;
  activity: Activity;
}
export interface UpdatedActivity { conversationId: string; activityId: string; tenantId: string; at: number; activity: Activity }
export interface CreatedConversation { conversationId: string; tenantId: string; memberId: string; botId?: string; at: number }
export type RequestKind = 'create' | 'send' | 'reply' | 'update' | 'member';
/** What GET /v3/conversations/:id/members/:memberId answers (a TeamsChannelAccount). */
export interface MemberAccount { id: string; name?: string; aadObjectId?: string; email?: string; userPrincipalName?: string; tenantId?: string; userRole?: string; [key: string]: unknown }
export interface AcceptedRequest { kind: RequestKind; conversationId: string; tenantId: string; at: number }

export interface ConnectorStats {
  /** Requests that reached a v3 route (answered anything). */
  requests: number;
  /** 2xx answers: exactly the entries of `timeline`. */
  accepted: number;
  /** 429s from the rate limits (not injected ones). */
  throttled: number;
  /** Injected answers: failNext() and faultRate. */
  faults: number;
  byStatus: Record<number, number>;
  /** Most requests that arrived (accepted or not) for one tenant within any sliding 1 s. */
  maxObservedRps: number;
  /** Most requests accepted for one tenant within any sliding 1 s (never above globalRps). */
  maxAcceptedRps: number;
}

export const MAX_ACTIVITY_BYTES = 100 * 1024;
export const ERROR_CODES: Record<number, string> = {
  400: 'BadArgument', 403: 'MessageWritesBlocked', 404: 'ConversationNotFound', 412: 'PreconditionFailed',
  413: 'MessageSizeTooBig', 429: 'Throttled',
};

/** At most `limit` requests in any window of `ms` milliseconds. */
export interface RateWindow {
  limit: number;
  ms: number;
}

/** Teams' documented per-bot, per-conversation-thread limits for sends and creates. */
export const TEAMS_THREAD_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/** Get members/conversations: Teams allows double the send limits. */
export const TEAMS_READ_WINDOWS: readonly RateWindow[] = TEAMS_THREAD_WINDOWS.map((w) => ({ limit: w.limit * 2, ms: w.ms }));

/** Teams' documented global limit per app per tenant. */
export const TEAMS_GLOBAL_RPS = 50;

/**
 * A sliding log of admitted request times, oldest first, trimmed to the longest window.
 * A window is full when the `limit`-th most recent admission is still inside it, so a
 * check is O(windows) and an admission amortised O(1), whatever the load.
 */
export class SlidingLog {
  private times: number[] = [];
  private head = 0;
  private readonly horizon: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.horizon = Math.max(0, ...windows.map((w) => w.ms));
  }

  /** Milliseconds until every window has room again; 0 when one more request fits now. */
  waitMs(now: number): number {
    this.trim(now);
    let wait = 0;
    for (const { limit, ms } of this.windows) {
      const index = this.times.length - limit;
      if (index < this.head) continue;
      const edge = (this.times[index] as number) + ms - now;
      if (edge > wait) wait = edge;
    }
    return wait;
  }

  /** Keeps the log in time order, even when a sender's clock stamps arrive slightly out of order. */
  record(now: number): void {
    insertInOrder(this.times, now, this.head);
  }

  /** Admissions still inside the longest window (for tests and debugging). */
  get size(): number {
    return this.times.length - this.head;
  }

  private trim(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - this.horizon) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

/** The highest number of events seen in any sliding window of `ms` (default 1 s). */
export class RateMeter {
  private times: number[] = [];
  private head = 0;
  max = 0;

  constructor(private readonly ms = 1_000) {}

  mark(now: number): void {
    insertInOrder(this.times, now, this.head);
    while ((this.times[this.head] as number) <= now - this.ms) this.head++;
    this.max = Math.max(this.max, this.times.length - this.head);
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

function insertInOrder(times: number[], t: number, head: number): void {
  let i = times.length;
  while (i > head && (times[i - 1] as number) > t) i--;
  times.splice(i, 0, t);
}

/** mulberry32: a small, fast, seeded PRNG in [0, 1), so injected faults are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Formats a wait as a Retry-After value. 'integer' rounds up to whole seconds (at least 1),
 * as Teams does; 'fractional' gives milliseconds precision ("0.25"), for fast tests.
 */
export function retryAfterHeader(waitMs: number, mode: 'integer' | 'fractional'): string {
  if (mode === 'integer') return String(Math.max(1, Math.ceil(waitMs / 1000)));
  return String(Math.max(1, Math.ceil(waitMs)) / 1000);
}

/** `activityId` is the member id for 'member'. */
export type Route = { kind: RequestKind; conversationId: string; activityId?: string };

export function parseRoute(method: string, path: string): Route | undefined {
  if (method === 'POST' && path === '/v3/conversations') return { kind: 'create', conversationId: '' };
  const match = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?$/.exec(path);
  if (!match) return undefined;
  let conversationId: string;
  let activityId: string | undefined;
  try {
    conversationId = decodeURIComponent(match[1] as string);
    activityId = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
  } catch {
    return undefined;
  }
  if (match[2] === 'members') return method === 'GET' && activityId ? { kind: 'member', conversationId, activityId } : undefined;
  if (method === 'POST') return activityId ? { kind: 'reply', conversationId, activityId } : { kind: 'send', conversationId };
  if (method === 'PUT' && activityId) return { kind: 'update', conversationId, activityId };
  return undefined;
}

export function meter(meters: Map<string, RateMeter>, key: string): RateMeter {
  let m = meters.get(key);
  if (!m) meters.set(key, (m = new RateMeter()));
  return m;
}

export function dig(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}


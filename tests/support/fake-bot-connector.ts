import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  ERROR_CODES, MAX_ACTIVITY_BYTES, SlidingLog, TEAMS_GLOBAL_RPS, TEAMS_THREAD_WINDOWS, dig, meter, parseRoute, retryAfterHeader, seededRandom,
  type AcceptedRequest, type Activity, type ConnectorStats, type CreatedConversation, type MemberAccount, type RateMeter, type RateWindow,
  type ReceivedActivity, type RequestKind, type UpdatedActivity,
} from './fake-bot-connector-limits.js';

export {
  TEAMS_GLOBAL_RPS, TEAMS_READ_WINDOWS, TEAMS_THREAD_WINDOWS, type AcceptedRequest, type ConnectorStats, type CreatedConversation,
  type MemberAccount, type RateWindow, type ReceivedActivity, type RequestKind, type UpdatedActivity,
} from './fake-bot-connector-limits.js';

export interface FakeBotConnectorOptions {
  /** Requests per second per app per tenant, all v3 calls counted. Default 50 (Teams); 0 or Infinity: off. */
  globalRps?: number;
  /** Per-thread windows for sends, replies and creates (member reads get double): true = Teams' (default), false = off, or your own. */
  perThread?: boolean | readonly RateWindow[];
  /** Retry-After format on 429: 'integer' seconds like Teams (default), or 'fractional' ("0.25"). */
  retryAfter?: 'integer' | 'fractional';
  /** Probability of an injected 5xx on an admitted request. Default 0. */
  faultRate?: number;
  /** Statuses drawn for faultRate faults. Default [500, 502, 503, 504]. */
  faultStatuses?: readonly number[];
  /** PRNG seed for faultRate. Default 1. */
  seed?: number;
  /**
   * Keep the accepted activities' bodies (default). false keeps who got what and when but
   * drops the cards: a benchmark of 10,000 sends then does not grow this process's heap,
   * whose garbage collection would otherwise delay (and bunch) the arrivals it measures.
   */
  keepBodies?: boolean;
  /**
   * When the sender handed a request for this conversation to the network (a
   * `performance.now()` of this process), oldest first; the limits then judge by it rather
   * than by arrival. Teams sees requests as they leave a sender in a datacenter; on a busy
   * two-core test machine they can sit in the event loop and arrive bunched, and the fake
   * would count a 429 the sender never caused. Undefined (default): judge by arrival.
   */
  sentAt?: (conversationId: string) => number | undefined;
  /**
   * Likewise for a sender in another process: the name of a request header carrying when it
   * handed the request to the network, in epoch milliseconds (`performance.timeOrigin +
   * performance.now()` there; one machine, one clock). Requests without it are judged by arrival.
   */
  sentAtHeader?: string;
}

/**
 * A Bot Connector v3 stand-in on loopback that behaves like Teams': create conversation,
 * send, reply and update, with Teams' rate limits (429 + Retry-After), injected faults and
 * a record of everything it accepted, so tests can assert who received what, how often, when.
 *
 * One instance is one bot app: the global limit is kept per tenant. Decisions are made
 * synchronously once a body has been read, so any number of parallel requests is safe.
 */
export class FakeBotConnector {
  url = '';
  readonly received: ReceivedActivity[] = [];
  readonly updates: UpdatedActivity[] = [];
  readonly created: CreatedConversation[] = [];
  /** Every accepted request in order of admission. */
  readonly timeline: AcceptedRequest[] = [];
  private server: Server | undefined;
  private counter = 0;
  private readonly options: Required<Omit<FakeBotConnectorOptions, 'sentAt' | 'sentAtHeader'>> & Pick<FakeBotConnectorOptions, 'sentAt' | 'sentAtHeader'>;
  private random: () => number;
  private counts = { requests: 0, accepted: 0, throttled: 0, faults: 0 };
  private byStatus: Record<number, number> = {};
  private globalLogs = new Map<string, SlidingLog>();
  private threadLogs = new Map<string, SlidingLog>();
  private arrivals = new Map<string, RateMeter>();
  private admissions = new Map<string, RateMeter>();
  private tenants = new Map<string, string>();
  private pending: { status: number; retryAfterMs: number }[] = [];
  private blocked = new Set<string>();
  private goneIds = new Set<string>();
  private members = new Map<string, MemberAccount>();
  /** "conversation\nactivity" of every activity this connector issued or adopted: what can be updated. */
  private issued = new Set<string>();
  private delayMs = 0;

  constructor(options: FakeBotConnectorOptions = {}) {
    this.options = {
      globalRps: TEAMS_GLOBAL_RPS, perThread: true, retryAfter: 'integer', faultRate: 0,
      faultStatuses: [500, 502, 503, 504], seed: 1, keepBodies: true, ...options,
    };
    this.random = seededRandom(this.options.seed);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.answer(res, 500, { error: { code: 'FakeConnectorBug', message: String(error) } }));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/`;
    return this;
  }

  async stop() {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = undefined;
  }

  /** The activities accepted for one conversation (sends and replies), in order. */
  deliveredTo(conversationId: string): ReceivedActivity[] {
    return this.received.filter((r) => r.conversationId === conversationId);
  }

  stats(): ConnectorStats {
    const max = (meters: Map<string, RateMeter>) => Math.max(0, ...[...meters.values()].map((m) => m.max));
    return { ...this.counts, byStatus: { ...this.byStatus }, maxObservedRps: max(this.arrivals), maxAcceptedRps: max(this.admissions) };
  }

  /** The next `n` admitted requests get `status` (5xx, 412, 429 with Retry-After of `retryAfterMs`...). */
  failNext(n: number, status: number, retryAfterMs = 1_000): this {
    for (let i = 0; i < n; i++) this.pending.push({ status, retryAfterMs });
    return this;
  }

  /** Changes the fault rate (and optionally restarts the PRNG from a seed). */
  setFaultRate(rate: number, seed?: number): this {
    this.options.faultRate = rate;
    if (seed !== undefined) this.random = seededRandom((this.options.seed = seed));
    return this;
  }

  /** Every answer waits `ms` (admission still happens on arrival); 0 turns it off. */
  slow(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** Activities sent before this connector started (a benchmark's seeded cards): from now on they can be updated. */
  adopt(activities: Iterable<{ conversationId: string; activityId: string }>): this {
    for (const a of activities) this.issued.add(`${a.conversationId}\n${a.activityId}`);
    return this;
  }

  /** The person deleted the card: updating it answers 404 from now on. */
  deleteActivity(conversationId: string, activityId: string): this {
    this.issued.delete(`${conversationId}\n${activityId}`);
    return this;
  }

  /** The user blocked the bot or uninstalled it: 403 MessageWritesBlocked from now on. */
  block(conversationId: string): this {
    this.blocked.add(conversationId);
    return this;
  }

  /** The conversation no longer exists: 404 ConversationNotFound from now on. */
  gone(conversationId: string): this {
    this.goneIds.add(conversationId);
    return this;
  }

  /**
   * GET .../members/:id answers this account (from any conversation); unknown members get 404
   * ConversationNotFound. TeamsActivityHandler fetches every added member, and with botbuilder
   * 4.23 a failed fetch aborts the turn, so register the members your test adds.
   */
  addMember(account: MemberAccount): this {
    this.members.set(account.id, account);
    return this;
  }

  /** Forgets everything: records, counters, limit windows, faults, blocks, slowness; reseeds the PRNG. */
  reset(): this {
    for (const list of [this.received, this.updates, this.created, this.timeline]) list.length = 0;
    this.counts = { requests: 0, accepted: 0, throttled: 0, faults: 0 };
    this.byStatus = {};
    for (const map of [this.globalLogs, this.threadLogs, this.arrivals, this.admissions, this.tenants, this.members]) map.clear();
    this.pending = [];
    this.blocked.clear();
    // `issued` stays: cards sent in earlier tests still exist in Teams and can be updated.
    this.goneIds.clear();
    this.delayMs = 0;
    this.random = seededRandom(this.options.seed);
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = parseRoute(req.method ?? '', (req.url ?? '').split('?')[0] as string);
    const raw = await readBody(req);
    if (!route) return this.answer(res, 404, { error: { code: 'NotFound', message: 'unknown route' } });
    this.counts.requests++;
    if (raw.length > MAX_ACTIVITY_BYTES) return this.fail(res, 413, 'the activity is larger than 100 KB');
    let body: Record<string, unknown>;
    try {
      body = (raw.length ? JSON.parse(raw.toString('utf8')) : {}) as Record<string, unknown>;
    } catch {
      return this.fail(res, 400, 'the body is not JSON');
    }
    if (typeof body !== 'object' || body === null) return this.fail(res, 400, 'the body is not an object');

    let conversationId = route.conversationId;
    let memberId = '';
    if (route.kind === 'create') {
      const tenantId = (body.tenantId ?? dig(body, 'channelData', 'tenant', 'id')) as string | undefined;
      const members = body.members as { id?: string }[] | undefined;
      if (body.isGroup === true) return this.fail(res, 400, 'bots cannot create group chats in Teams');
      if (!tenantId) return this.fail(res, 400, 'a tenant id is required to create a conversation');
      if (!Array.isArray(members) || members.length !== 1 || !members[0]?.id) return this.fail(res, 400, 'a 1:1 conversation needs exactly one member');
      memberId = members[0].id;
      conversationId = this.conversationFor(tenantId, memberId);
    }
    const member = route.kind === 'member' ? this.members.get(route.activityId as string) : undefined;
    const tenantId = this.tenants.get(conversationId) ?? member?.tenantId
      ?? ((dig(body, 'conversation', 'tenantId') ?? dig(body, 'channelData', 'tenant', 'id') ?? 'unknown') as string);
    if (!this.tenants.has(conversationId) && tenantId !== 'unknown') this.tenants.set(conversationId, tenantId);

    // Everything below runs without awaiting: one decision per request, in arrival order.
    const now = this.options.sentAt?.(conversationId) ?? this.stampOf(req) ?? performance.now();
    meter(this.arrivals, tenantId).mark(now);
    const globalLog = this.globalLog(tenantId);
    const threadLog = route.kind === 'update' ? undefined : this.threadLog(conversationId, route.kind);
    const wait = Math.max(globalLog?.waitMs(now) ?? 0, threadLog?.waitMs(now) ?? 0);
    if (wait > 0) {
      this.counts.throttled++;
      return this.throttle(res, wait, 'too many requests for this tenant or conversation thread');
    }
    globalLog?.record(now);
    threadLog?.record(now);

    const fault = this.pending.shift() ?? this.randomFault();
    if (fault) {
      this.counts.faults++;
      if (fault.status === 429) return this.throttle(res, fault.retryAfterMs, 'injected throttle');
      const code = ERROR_CODES[fault.status] ?? 'ServiceError';
      return this.answer(res, fault.status, { error: { code, message: `injected ${fault.status}` } });
    }
    if (this.goneIds.has(conversationId)) return this.fail(res, 404, 'Conversation not found.');
    if (this.blocked.has(conversationId) && route.kind !== 'member') return this.fail(res, 403, 'The user blocked the bot or removed the app.');

    if (route.kind === 'member' && !member) return this.fail(res, 404, `Member ${route.activityId} not found in the conversation.`);
    const at = performance.timeOrigin + now;
    meter(this.admissions, tenantId).mark(now);
    this.timeline.push({ kind: route.kind, conversationId, tenantId, at });
    if (route.kind === 'create') {
      const botId = dig(body, 'bot', 'id') as string | undefined;
      this.created.push({ conversationId, tenantId, memberId, ...(botId ? { botId } : {}), at });
      if (!body.activity) return this.answer(res, 201, { id: conversationId });
      const activityId = this.nextId(conversationId);
      this.received.push({ conversationId, activityId, tenantId, at, activity: body.activity as Activity });
      return this.answer(res, 201, { id: conversationId, activityId });
    }
    if (route.kind === 'member') return this.answer(res, 200, { userRole: 'user', ...member, tenantId });
    if (route.kind === 'update') {
      const activityId = route.activityId as string;
      // Teams updates only activities that exist in the conversation (deleted ones are gone).
      if (!this.issued.has(`${conversationId}\n${activityId}`)) {
        return this.answer(res, 404, { error: { code: 'ActivityNotFound', message: 'The activity was not found in this conversation.' } });
      }
      this.updates.push({ conversationId, activityId, tenantId, at, activity: body as Activity });
      return this.answer(res, 200, { id: activityId });
    }
    const activityId = this.nextId(conversationId);
    const replyToId = route.kind === 'reply' ? { replyToId: route.activityId as string } : {};
    this.received.push({ conversationId, ...replyToId, activityId, tenantId, at, activity: this.options.keepBodies ? (body as Activity) : { type: String(body.type) } });
    return this.answer(res, 200, { id: activityId });
  }

  /** The sender's stamp (sentAtHeader) as a `performance.now()` of this process. */
  private stampOf(req: IncomingMessage): number | undefined {
    const header = this.options.sentAtHeader ? req.headers[this.options.sentAtHeader.toLowerCase()] : undefined;
    const epochMs = typeof header === 'string' ? Number(header) : NaN;
    return Number.isFinite(epochMs) ? epochMs - performance.timeOrigin : undefined;
  }

  /** Stable per (tenant, member), e.g. `a:1on1-29:user-1`; a second tenant with the same member id gets a suffix. */
  private conversationFor(tenantId: string, memberId: string): string {
    const base = `a:1on1-${memberId}`;
    const owner = this.tenants.get(base);
    return owner === undefined || owner === tenantId ? base : `${base}@${tenantId}`;
  }

  private globalLog(tenantId: string): SlidingLog | undefined {
    const rps = this.options.globalRps;
    if (!rps || !Number.isFinite(rps)) return undefined;
    let log = this.globalLogs.get(tenantId);
    if (!log) this.globalLogs.set(tenantId, (log = new SlidingLog([{ limit: rps, ms: 1_000 }])));
    return log;
  }

  private threadLog(conversationId: string, kind: RequestKind): SlidingLog | undefined {
    const setting = this.options.perThread;
    const writes = setting === true ? TEAMS_THREAD_WINDOWS : setting === false ? [] : setting;
    if (writes.length === 0) return undefined;
    const key = kind === 'member' ? `read:${conversationId}` : conversationId;
    let log = this.threadLogs.get(key);
    if (!log) this.threadLogs.set(key, (log = new SlidingLog(kind === 'member' ? writes.map((w) => ({ ...w, limit: w.limit * 2 })) : writes)));
    return log;
  }

  private randomFault(): { status: number; retryAfterMs: number } | undefined {
    const { faultRate, faultStatuses } = this.options;
    if (faultRate <= 0 || this.random() >= faultRate) return undefined;
    return { status: faultStatuses[Math.floor(this.random() * faultStatuses.length)] ?? 500, retryAfterMs: 1_000 };
  }

  /** Like Teams' message ids in a chat: numbers that grow with time (read receipts compare them). */
  private nextId(conversationId: string): string {
    const id = String(1_790_000_000_000 + ++this.counter);
    this.issued.add(`${conversationId}\n${id}`);
    return id;
  }

  private throttle(res: ServerResponse, waitMs: number, message: string): void {
    const retryAfter = retryAfterHeader(waitMs, this.options.retryAfter);
    this.answer(res, 429, { error: { code: 'Throttled', message: `${message}; retry after ${retryAfter} s` } }, { 'retry-after': retryAfter });
  }

  private fail(res: ServerResponse, status: number, message: string): void {
    this.answer(res, status, { error: { code: ERROR_CODES[status] ?? 'ServiceError', message } });
  }

  private answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (status >= 200 && status < 300) this.counts.accepted++;
    const send = () => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.delayMs > 0) setTimeout(send, this.delayMs);
    else send();
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

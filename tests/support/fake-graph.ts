import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A user as the fake directory holds it (Graph's property names). */
export interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  preferredLanguage?: string | null;
  employeeHireDate?: string | null;
  accountEnabled?: boolean | null;
  [other: string]: unknown;
}

const TOKEN = 'fake-graph-token';

/**
 * Microsoft Graph on loopback, as the directory sync uses it, following the documented
 * protocol: the client-credentials token endpoint (`/{tenant}/oauth2/v2.0/token`), `GET
 * /v1.0/users/delta` with `$select`, pages of `pageSize` with `@odata.nextLink`, the last
 * with `@odata.deltaLink`; a delta link answers what changed since (removed users as
 * `{ id, "@removed": { reason } }`) or 410 Gone once expired; `GET
 * /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user`; and what tests inject: 429
 * with Retry-After, 5xx, garbage pages, links to another host. Every request needs the
 * token.
 *
 * And the proactive install of a Teams app (issue 14 §3): `POST
 * /v1.0/users/{id}/teamwork/installedApps` with `teamsApp@odata.bind` to an app of the catalog
 * (201; 409 when installed already; 404 for an unknown user or app; 403 for users in
 * `forbidden`), `GET …/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{id}'` and `GET
 * …/installedApps/{installation id}/chat`, all limited as Graph limits them: `installRps`
 * requests in any second per tenant, beyond that 429 with Retry-After.
 */
export class FakeGraph {
  url = '';
  pageSize = 999;
  readonly users = new Map<string, GraphUser>();
  readonly groups = new Map<string, Set<string>>();
  /** Requests to Graph (not the token endpoint), by path and query. */
  readonly requests: string[] = [];
  tokenRequests = 0;
  /** The next requests answer this (status, Retry-After seconds), one each. */
  private readonly faults: Array<{ status: number; retryAfter?: string; body?: string }> = [];
  /** Every n-th request to Graph answers 429 with this Retry-After (seconds): throttling under load. */
  throttleEvery: { n: number; retryAfter: string } | null = null;
  throttled = 0;
  /** Apps in the tenant's catalog, by catalog id. */
  readonly catalog = new Set<string>(['chorus-catalog-id']);
  /** Installations of a catalog app per user (user id → catalog id → installation). */
  readonly installations = new Map<string, Map<string, { id: string; chatId: string }>>();
  /** Users Graph answers 403 for (their install is blocked by a policy). */
  readonly forbidden = new Set<string>();
  /** Graph's limit on the install endpoints per app and tenant. */
  installRps = 30;
  /**
   * Judge the limit by this request header (epoch ms: when the sender handed the request to
   * the network) instead of by arrival — for a sender in another process on a busy machine,
   * as the fake Bot Connector's sentAtHeader (benches only).
   */
  sentAtHeader: string | null = null;
  /** When each install request arrived (performance.now()), 429s included. */
  readonly installRequests: number[] = [];
  /** Install requests answered 429 for going over `installRps`. */
  installThrottled = 0;
  private readonly installWindow: number[] = [];
  /** Links in answers point to this origin instead (a hostile or broken Graph). */
  linkOrigin: string | null = null;
  private version = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly removedAt = new Map<string, number>();
  private expiredBefore = 0;
  private readonly snapshots = new Map<string, unknown[]>();
  private server: Server | undefined;
  private held: Promise<void> | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get graphUrl(): string {
    return `${this.url}/v1.0`;
  }

  /** Settings for a test server whose directory sync reads this fake (no scheduled rounds). */
  serverEnv(tenantId: string): Record<string, string> {
    return {
      WORKER: 'false',
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'app-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      GRAPH_BASE_URL: this.graphUrl,
      ENTRA_AUTHORITY_HOST: this.url,
      DIRECTORY_SYNC_MINUTES: '0',
    };
  }

  /** Adds or changes a user (a change shows in the next delta). */
  put(user: GraphUser): void {
    this.users.set(user.id, { ...this.users.get(user.id), ...user });
    this.changedAt.set(user.id, ++this.version);
    this.removedAt.delete(user.id);
  }

  /** Deletes a user (shows as @removed in the next delta). */
  remove(id: string): void {
    this.users.delete(id);
    this.removedAt.set(id, ++this.version);
  }

  /** Every delta link handed out so far answers 410 Gone. */
  expireDeltaLinks(): void {
    this.expiredBefore = ++this.version;
  }

  /**
   * Graph requests wait from now until the returned function is called: a round stays
   * running for as long as a test needs, without sleeping.
   */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }

  /** The next `times` requests answer `status` (with Retry-After when given). */
  fail(status: number, times = 1, retryAfter?: string, body?: string): void {
    for (let i = 0; i < times; i++) this.faults.push({ status, ...(retryAfter !== undefined ? { retryAfter } : {}), ...(body !== undefined ? { body } : {}) });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(url.pathname)) {
      this.tokenRequests++;
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'https://graph.microsoft.com/.default' || !form.get('client_secret')) {
        return json(400, { error: 'invalid_request' });
      }
      return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN });
    }
    this.requests.push(`${url.pathname}${url.search}`);
    if (this.held) await this.held;
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { error: { code: 'InvalidAuthenticationToken' } });
    if (this.throttleEvery && this.requests.length % this.throttleEvery.n === 0) {
      this.throttled++;
      return json(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': this.throttleEvery.retryAfter });
    }
    const fault = this.faults.shift();
    if (fault) {
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
      res.end(fault.body ?? JSON.stringify({ error: { code: 'fault', message: `injected ${fault.status}` } }));
      return;
    }
    const apps = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/(chat))?$/.exec(url.pathname);
    if (apps) return this.installs(req, res, url, decodeURIComponent(apps[1]!), apps[2] && decodeURIComponent(apps[2]), json);
    const select = url.searchParams.get('$select')?.split(',');
    const shape = (u: GraphUser) => (select ? Object.fromEntries(['id', ...select].filter((k) => k in u).map((k) => [k, u[k]])) : u);
    const origin = this.linkOrigin ?? this.url;

    if (url.pathname === '/v1.0/users/delta') {
      const deltaToken = url.searchParams.get('$deltatoken');
      if (deltaToken !== null) {
        const since = Number(deltaToken);
        if (since < this.expiredBefore) return json(410, { error: { code: 'syncStateNotFound', message: 'the delta token expired' } });
        const changed = [...this.changedAt].filter(([id, v]) => v > since && this.users.has(id)).map(([id]) => shape(this.users.get(id)!));
        const removed = [...this.removedAt].filter(([, v]) => v > since).map(([id]) => ({ id, '@removed': { reason: 'changed' } }));
        return this.page([...changed, ...removed], url, origin, (token) => `${origin}/v1.0/users/delta?$skiptoken=${token}`, json);
      }
      return this.page(
        [...this.users.values()].map(shape),
        url,
        origin,
        (token) => `${origin}/v1.0/users/delta?$skiptoken=${token}`,
        json,
      );
    }
    const group = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(url.pathname);
    if (group) {
      const members = this.groups.get(decodeURIComponent(group[1]!));
      if (!members) return json(404, { error: { code: 'Request_ResourceNotFound' } });
      const list = [...members].filter((id) => this.users.has(id)).map((id) => shape(this.users.get(id)!));
      return this.page(list, url, origin, (token) => `${origin}${url.pathname}?$skiptoken=${token}`, json, false);
    }
    json(404, { error: { code: 'notFound' } });
  }

  /** The app-install endpoints, under Graph's limit. */
  private async installs(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    userId: string,
    installationId: string | undefined,
    json: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ): Promise<void> {
    const stamp = this.sentAtHeader ? Number(req.headers[this.sentAtHeader]) : NaN;
    const now = Number.isFinite(stamp) ? stamp - performance.timeOrigin : performance.now();
    this.installRequests.push(now);
    // Requests judged by their stamp can arrive out of order: count the accepted ones within
    // the second before this one, whatever order they came in (the window keeps two seconds).
    while (this.installWindow.length > 0 && (this.installWindow[0] as number) <= now - 2000) this.installWindow.shift();
    if (this.installWindow.filter((t) => t > now - 1000 && t <= now).length >= this.installRps) {
      this.installThrottled++;
      return json(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, { 'retry-after': '1' });
    }
    this.installWindow.push(now);
    if (this.forbidden.has(userId)) return json(403, { error: { code: 'Forbidden', message: 'the app may not be installed for this user' } });
    if (!this.users.has(userId)) return json(404, { error: { code: 'NotFound', message: 'no such user' } });
    const mine = this.installations.get(userId) ?? new Map<string, { id: string; chatId: string }>();
    this.installations.set(userId, mine);
    if (req.method === 'POST' && !installationId) {
      let body = '';
      for await (const chunk of req) body += chunk;
      let bind: unknown;
      try {
        bind = (JSON.parse(body) as Record<string, unknown>)['teamsApp@odata.bind'];
      } catch {
        return json(400, { error: { code: 'BadRequest', message: 'not JSON' } });
      }
      const app = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
      if (!app) return json(400, { error: { code: 'BadRequest', message: 'teamsApp@odata.bind is missing' } });
      if (!this.catalog.has(app)) return json(404, { error: { code: 'NotFound', message: 'no such app in the catalog' } });
      if (mine.has(app)) return json(409, { error: { code: 'Conflict', message: 'the app is already installed' } });
      const n = this.installations.size;
      mine.set(app, { id: Buffer.from(`${userId}##${app}`).toString('base64url'), chatId: `19:${userId}_bot${n}@unq.gbl.spaces` });
      // 201 Created, with nothing in the body (Graph's documentation).
      res.writeHead(201);
      res.end();
      return;
    }
    if (req.method !== 'GET') return json(405, { error: { code: 'MethodNotAllowed' } });
    if (installationId) {
      const found = [...mine.values()].find((i) => i.id === installationId);
      if (!found) return json(404, { error: { code: 'NotFound', message: 'no such installation' } });
      return json(200, { '@odata.context': `${this.url}/v1.0/$metadata#chats/$entity`, id: found.chatId, topic: null, chatType: 'oneOnOne' });
    }
    const filter = /^teamsApp\/id eq '([^']+)'$/.exec(url.searchParams.get('$filter') ?? '')?.[1];
    const value = [...mine]
      .filter(([app]) => filter === undefined || app === filter)
      .map(([app, i]) => ({ id: i.id, ...(url.searchParams.get('$expand') === 'teamsApp' ? { teamsApp: { id: app, externalId: 'manifest-id', displayName: 'Chorus', distributionMethod: 'organization' } } : {}) }));
    return json(200, { '@odata.context': `${this.url}/v1.0/$metadata#users('${userId}')/teamwork/installedApps`, value });
  }

  /** Pages of a snapshot taken at the first request: skip tokens name the snapshot and the offset. */
  private page(
    list: unknown[],
    url: URL,
    origin: string,
    next: (token: string) => string,
    json: (status: number, body: unknown) => void,
    delta = true,
  ): void {
    const skip = url.searchParams.get('$skiptoken');
    let snapshot: unknown[];
    let offset = 0;
    let id: string;
    if (skip) {
      const [sid, at] = skip.split('.');
      const kept = this.snapshots.get(sid!);
      if (!kept) return json(410, { error: { code: 'syncStateNotFound' } });
      snapshot = kept;
      offset = Number(at);
      id = sid!;
    } else {
      id = `s${this.snapshots.size + 1}v${this.version}`;
      // The shaped users are copies: later changes to the directory do not show in this snapshot.
      this.snapshots.set(id, list);
      snapshot = list;
    }
    const value = snapshot.slice(offset, offset + this.pageSize);
    const end = offset + this.pageSize >= snapshot.length;
    json(200, {
      '@odata.context': `${origin}/v1.0/$metadata#users`,
      value,
      ...(end ? (delta ? { '@odata.deltaLink': `${origin}/v1.0/users/delta?$deltatoken=${this.version}` } : {}) : { '@odata.nextLink': next(`${id}.${offset + this.pageSize}`) }),
    });
  }
}


import { z } from 'zod';

/**
 * A thin app-only Microsoft Graph client over fetch (issue 14 §1): a token for the app itself
 * (client secret, or the App Service managed identity), one page of a collection at a time,
 * and Graph's rules for waiting — 429 and 503 wait for Retry-After, other 5xx back off, 410
 * Gone means the delta link expired. Chosen over @azure/identity + the Graph SDK because the
 * sync needs only these two calls, and the SDK would add ~40 packages for them; README says so.
 */

export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** The stored delta link is no longer valid (410 Gone): start again with a full sync. */
export class DeltaExpired extends GraphError {
  constructor() {
    super('the delta link expired (410 Gone): a full sync starts', 410);
    this.name = 'DeltaExpired';
  }
}

/** Chorus is stopping: a request under way was aborted. */
export class GraphStopping extends GraphError {
  constructor() {
    super('Chorus is stopping');
    this.name = 'GraphStopping';
  }
}

export interface GraphOptions {
  /** https://graph.microsoft.com/v1.0 (tests: a fake on loopback). Links to any other host are refused. */
  baseUrl: string;
  token: () => Promise<string>;
  /** Waits (tests: instant, and record what was waited). */
  sleep: (ms: number) => Promise<void>;
  /** Gives up on one page after throttling or failures for this long (ms). Default 15 minutes. */
  patienceMs?: number;
  fetch?: typeof fetch;
  /** Aborted when the process stops: a request under way ends at once. */
  signal?: AbortSignal;
}

const page = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
export type GraphPage = z.infer<typeof page>;

/** Seconds from Retry-After (seconds or an HTTP date), within 1 s … 10 min. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(ms, 1000), 600_000);
}

export function graphClient(o: GraphOptions) {
  const base = new URL(o.baseUrl);
  const doFetch = o.fetch ?? fetch;
  const patienceMs = o.patienceMs ?? 15 * 60_000;

  /** A page of a collection; `url` is a path under the base, or a next/delta link Graph gave. */
  async function getPage(url: string): Promise<GraphPage> {
    const target = url.startsWith('https://') || url.startsWith('http://') ? new URL(url) : new URL(base.pathname.replace(/\/$/, '') + url, base);
    if (target.origin !== base.origin) throw new GraphError(`a link to another host (${target.host}) was refused`);
    let waited = 0;
    let backoff = 1000;
    for (;;) {
      let res: Response;
      try {
        res = await doFetch(target, { headers: { authorization: `Bearer ${await o.token()}`, accept: 'application/json' }, ...(o.signal ? { signal: o.signal } : {}) });
      } catch (err) {
        if (o.signal?.aborted) throw new GraphStopping();
        if (waited >= patienceMs) throw new GraphError(`Graph is not reachable: ${(err as Error).message}`);
        await o.sleep(backoff);
        waited += backoff;
        backoff = Math.min(backoff * 2, 60_000);
        continue;
      }
      if (res.status === 410) {
        await res.body?.cancel();
        throw new DeltaExpired();
      }
      if (res.status === 429 || res.status >= 500) {
        const wait = (res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : null) ?? backoff;
        await res.body?.cancel();
        if (waited + wait > patienceMs) throw new GraphError(`Graph answered ${res.status} for ${Math.round(waited / 1000)} s: giving up this round`, res.status);
        await o.sleep(wait);
        waited += wait;
        backoff = Math.min(backoff * 2, 60_000);
        continue;
      }
      if (!res.ok) {
        const text = (await res.text()).slice(0, 300);
        const hint = res.status === 401 || res.status === 403 ? ' (is the application permission User.Read.All granted with admin consent?)' : '';
        throw new GraphError(`Graph answered ${res.status}${hint}: ${text.replace(/\s+/g, ' ')}`, res.status);
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new GraphError('Graph answered a page that is not JSON');
      }
      const parsed = page.safeParse(body);
      if (!parsed.success) throw new GraphError('Graph answered a page without a "value" list');
      return parsed.data;
    }
  }

  /**
   * One request, answered as it came: the caller decides what a 429 or a 5xx means (the
   * app installs wait for their next turn rather than hold a sender). Throws only when Graph
   * cannot be reached (GraphError with status null) or Chorus is stopping. `beforeSending`
   * runs once the token is at hand, right before the request leaves (a pace's slot: a token
   * fetched after it would let the requests queued behind it leave together).
   */
  async function call(method: 'GET' | 'POST', path: string, body?: unknown, beforeSending?: () => Promise<void>): Promise<GraphAnswer> {
    const target = new URL(base.pathname.replace(/\/$/, '') + path, base);
    let res: Response;
    try {
      const token = await o.token();
      await beforeSending?.();
      res = await doFetch(target, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(o.signal ? { signal: o.signal } : {}),
      });
    } catch (err) {
      if (o.signal?.aborted) throw new GraphStopping();
      throw new GraphError(`Graph is not reachable: ${(err as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
  }

  return { getPage, call, baseUrl: base.href.replace(/\/$/, '') };
}

/** Graph's answer to one request: its status, its JSON body (null when none or not JSON), Retry-After. */
export interface GraphAnswer {
  status: number;
  body: unknown;
  retryAfterMs: number | null;
}
export type GraphClient = ReturnType<typeof graphClient>;

/** Tokens for Graph, cached until a minute before they expire. */
export function cachedToken(fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>, now: () => number): () => Promise<string> {
  let cached: { token: string; until: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (cached && now() < cached.until) return cached.token;
    pending ??= fetchToken()
      .then(({ token, expiresInSeconds }) => {
        cached = { token, until: now() + Math.max(0, expiresInSeconds - 60) * 1000 };
        return token;
      })
      .finally(() => (pending = null));
    return pending;
  };
}

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** The client-credentials flow with a client secret (Entra's token endpoint of the tenant). */
export function clientSecretToken(o: { authorityHost: string; tenantId: string; clientId: string; secret: string; fetch?: typeof fetch; signal?: AbortSignal }) {
  return async () => {
    const res = await (o.fetch ?? fetch)(`${o.authorityHost.replace(/\/$/, '')}/${encodeURIComponent(o.tenantId)}/oauth2/v2.0/token`, {
      ...(o.signal ? { signal: o.signal } : {}),
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.secret, scope: 'https://graph.microsoft.com/.default' }),
    });
    const body = tokenAnswer.safeParse(await res.json().catch(() => null));
    if (!res.ok || !body.success) throw new GraphError(`no Graph token from Entra (${res.status}): check MicrosoftAppId, MicrosoftAppPassword and the tenant`, res.status);
    return { token: body.data.access_token, expiresInSeconds: body.data.expires_in };
  };
}

/**
 * The App Service managed identity (IDENTITY_ENDPOINT and IDENTITY_HEADER, set by App Service),
 * for the user-assigned identity with this client id. Not exercised by the tests (no App
 * Service here); it follows Microsoft's documented REST protocol.
 */
export function managedIdentityToken(o: { endpoint: string; header: string; clientId: string; fetch?: typeof fetch; signal?: AbortSignal }) {
  return async () => {
    const url = new URL(o.endpoint);
    url.searchParams.set('resource', 'https://graph.microsoft.com');
    url.searchParams.set('api-version', '2019-08-01');
    url.searchParams.set('client_id', o.clientId);
    const res = await (o.fetch ?? fetch)(url, { headers: { 'X-IDENTITY-HEADER': o.header }, ...(o.signal ? { signal: o.signal } : {}) });
    const body = tokenAnswer.safeParse(await res.json().catch(() => null));
    if (!res.ok || !body.success) throw new GraphError(`no Graph token from the managed identity (${res.status})`, res.status);
    return { token: body.data.access_token, expiresInSeconds: body.data.expires_in };
  };
}

import {
  ENDPOINTS,
  fillPath,
  type AnyEndpoint,
  type ApiErrorBody,
  type EndpointInput,
  type EndpointOutput,
  type Endpoints,
  type ErrorCode,
  type Language,
} from '@contract';

/** An API error as the server sent it; `network` when no answer arrived at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server answered something its declaration does not allow (development and tests only). */
export class ContractError extends Error {
  constructor(endpoint: AnyEndpoint, issues: string) {
    super(`${endpoint.method} ${endpoint.path} answered outside its schema: ${issues}`);
    this.name = 'ContractError';
  }
}

export interface ApiOptions {
  /** The bearer token: Teams SSO, or `dev.<key>` in browser mode; null when nobody is chosen. */
  getToken: () => Promise<string | null>;
  /** Called on every 401, so the app can ask who the user is. */
  onUnauthenticated?: () => void;
  /** The UI language: the server answers messages and topic names in it. */
  getLanguage?: () => Language | undefined;
  /** Check every answer against its response schema; on in development and tests, off in production builds. */
  checkAnswers?: boolean;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, for example: the status code says enough.
    return undefined;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** One method per declared endpoint; the input may be left out when it has nothing required. */
type Method<E extends AnyEndpoint> = object extends EndpointInput<E>
  ? (input?: EndpointInput<E>, signal?: AbortSignal) => Promise<EndpointOutput<E>>
  : (input: EndpointInput<E>, signal?: AbortSignal) => Promise<EndpointOutput<E>>;
export type Client = { [K in keyof Endpoints]: Method<Endpoints[K]> };

interface RawInput {
  params?: Record<string, string | number>;
  query?: Query;
  body?: unknown;
}

/**
 * The one client for /api/v1, derived from the endpoint declarations: every path, header,
 * error mapping and answer check lives here, and no page names a path.
 */
export function createApi({ getToken, onUnauthenticated, getLanguage, checkAnswers = __CHECK_ANSWERS__, fetch: fetcher = (...a) => fetch(...a) }: ApiOptions) {
  async function send(method: string, path: string, body?: unknown, signal?: AbortSignal, accept = 'application/json'): Promise<Response> {
    const token = await getToken();
    const headers: Record<string, string> = { Accept: accept };
    const language = getLanguage?.();
    if (language) headers['Accept-Language'] = language;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetcher(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
    }
    if (!res.ok) {
      const parsed = parseJson(await res.text());
      if (res.status === 401) onUnauthenticated?.();
      if (isErrorBody(parsed)) {
        const { code, message, fields } = parsed.error;
        throw new ApiError(res.status, code, message, fields);
      }
      throw new ApiError(res.status, res.status === 401 ? 'unauthenticated' : 'internal', res.statusText);
    }
    return res;
  }

  async function call<E extends AnyEndpoint>(endpoint: E, input: EndpointInput<E> | undefined, signal?: AbortSignal): Promise<EndpointOutput<E>> {
    const { params, query, body } = (input ?? {}) as RawInput;
    // Actions without a body still send an empty JSON object, as the server's schemas expect.
    const payload = body ?? (endpoint.method === 'POST' || endpoint.method === 'PUT' ? {} : undefined);
    const res = await send(endpoint.method, withQuery(fillPath(endpoint.path, params), query), payload, signal);
    const data = parseJson(await res.text());
    if (!checkAnswers) return data as EndpointOutput<E>;
    const checked = endpoint.response.safeParse(data);
    if (!checked.success) throw new ContractError(endpoint, JSON.stringify(checked.error.issues));
    return checked.data as EndpointOutput<E>;
  }

  const methods = Object.fromEntries(
    Object.entries(ENDPOINTS).map(([name, endpoint]) => [name, (input?: EndpointInput<AnyEndpoint>, signal?: AbortSignal) => call(endpoint as AnyEndpoint, input, signal)]),
  ) as unknown as Client;

  return {
    ...methods,
    call,
    /** The calendar file (not JSON): the API wants the bearer token, so it comes as a Blob, not a link. */
    /** A dashboard table as CSV (aggregates only), as a Blob for the same reason. */
    analyticsCsv: async (table: 'overview' | 'breakdown' | 'funnel', query: Query) =>
      (await send('GET', withQuery(`/api/v1/analytics/${table}/export.csv`, query), undefined, undefined, 'text/csv, application/json')).blob(),
    trainingCalendar: async (id: string) =>
      (await send('GET', `/api/v1/trainings/${encodeURIComponent(id)}/ics`, undefined, undefined, 'text/calendar, application/json')).blob(),
  };
}

export type Api = ReturnType<typeof createApi>;

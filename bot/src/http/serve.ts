import type { Request, Response, Server } from 'restify';
import { notFound } from '../domain/errors.js';
import type { Language } from '../domain/model/common.js';
import type { AnyEndpoint, EndpointOutput, ParsedBody, ParsedParams, ParsedQuery } from './contract/endpoint.js';
import { ENDPOINTS } from './contract/endpoints/index.js';
import type { HttpContext } from './context.js';
import type { Identity } from './auth/identity.js';
import { requestLanguage } from './language.js';
import { authorize } from './request.js';
import { parse } from './validation.js';

/** What a handler gets: the caller (already allowed), and the request parsed by the declaration. */
export interface Call<E extends AnyEndpoint> {
  who: Identity;
  params: ParsedParams<E>;
  query: ParsedQuery<E>;
  body: ParsedBody<E>;
  /** The language to word answers in: the tab's (Accept-Language), else the person's. */
  lang: Language;
  req: Request;
}

/** A success with another status than the declared one (crisis on: 200 when it was on already). */
export class Answer<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}
export const answer = <T>(status: number, body: T): Answer<T> => new Answer(status, body);

type Handler<E extends AnyEndpoint> = (call: Call<E>) => Promise<EndpointOutput<E> | Answer<EndpointOutput<E>>>;
type PublicHandler<E extends AnyEndpoint> = (call: Omit<Call<E>, 'who' | 'lang'>) => Promise<EndpointOutput<E>>;

/** Answers served many times unchanged, and their JSON once it was made. */
const unchanged = new WeakMap<object, Buffer | null>();

/**
 * Marks an answer that will be served many times as it is (the analytics dashboard's kept
 * answers: a breakdown of 10,000 items is 1.6 MB of JSON): serialized on its first serving,
 * then sent as those bytes. It must never be changed afterwards.
 */
export function servedUnchanged<T extends object>(body: T): T {
  if (!unchanged.has(body)) unchanged.set(body, null);
  return body;
}

function serializedOnce(body: object): Buffer {
  let bytes = unchanged.get(body);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(body));
    unchanged.set(body, bytes);
  }
  return bytes;
}

const METHODS = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'del' } as const;

function parsedParams<E extends AnyEndpoint>(endpoint: E, raw: Record<string, unknown>): ParsedParams<E> {
  const out: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(endpoint.params as Record<string, { schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }; notFound: Parameters<typeof notFound>[0] }>)) {
    const result = param.schema.safeParse(String(raw[name]));
    if (!result.success) throw notFound(param.notFound);
    out[name] = result.data;
  }
  return out as ParsedParams<E>;
}

/**
 * Registers routes from endpoint declarations: authorise by the declared permission,
 * parse path parameters (a malformed id is a 404), query and body (a 400 per field), call
 * the handler, answer with the declared status. In tests every answer is also checked
 * against the declared response schema, so the declaration cannot drift from the code.
 */
export function endpointRouter(server: Server, ctx: HttpContext) {
  const served = new Set<AnyEndpoint>();
  const checkAnswers = ctx.config.env === 'test';

  const register = <E extends AnyEndpoint>(endpoint: E, run: (req: Request) => Promise<{ status: number; body: unknown }>) => {
    if (served.has(endpoint)) throw new Error(`${endpoint.method} ${endpoint.path} is served twice`);
    served.add(endpoint);
    server[METHODS[endpoint.method]](endpoint.path, async (req: Request, res: Response) => {
      const { status, body } = await run(req);
      if (checkAnswers) checkAnswer(endpoint, status, body);
      if (status === 204) res.send(204);
      else if (body !== null && typeof body === 'object' && unchanged.has(body)) res.sendRaw(status, serializedOnce(body), { 'Content-Type': 'application/json' });
      else res.send(status, body);
    });
  };

  const parsed = <E extends AnyEndpoint>(endpoint: E, req: Request) => ({
    params: parsedParams(endpoint, (req.params ?? {}) as Record<string, unknown>),
    query: (endpoint.query ? parse(endpoint.query, req.query) : undefined) as ParsedQuery<E>,
    body: (endpoint.body ? parse(endpoint.body, req.body) : undefined) as ParsedBody<E>,
  });

  /** An endpoint for signed-in people who hold its permission. */
  function route<E extends AnyEndpoint>(endpoint: E, handler: Handler<E>): void {
    const permission = endpoint.permission;
    if (permission === null) throw new Error(`${endpoint.path} declares no permission: use route.public`);
    register(endpoint, async (req) => {
      const who = await authorize(ctx.auth, req, permission);
      const lang = requestLanguage(req.header('accept-language'), who.language);
      const result = await handler({ who, lang, req, ...parsed(endpoint, req) });
      return result instanceof Answer ? result : { status: endpoint.status, body: result };
    });
  }

  /** An endpoint without sign-in; the handler decides who may call it. */
  route.public = <E extends AnyEndpoint>(endpoint: E, handler: PublicHandler<E>): void => {
    register(endpoint, async (req) => ({ status: endpoint.status, body: await handler({ req, ...parsed(endpoint, req) }) }));
  };

  /** Start-up fails when a declared endpoint has no route: the tab would call into nothing. */
  route.checkAllServed = (): void => {
    const missing = Object.entries(ENDPOINTS).filter(([, e]) => !served.has(e));
    if (missing.length) throw new Error(`Endpoints declared but not served: ${missing.map(([name]) => name).join(', ')}`);
  };
  /** For the routes that are not JSON (share pages, tracked links, the tab, files). */
  route.server = server;
  return route;
}
export type Route = ReturnType<typeof endpointRouter>;

function checkAnswer(endpoint: AnyEndpoint, status: number, body: unknown): void {
  const expected = status === 204 ? undefined : body;
  const result = endpoint.response.safeParse(expected);
  if (!result.success) {
    throw new Error(`${endpoint.method} ${endpoint.path} answered outside its declaration: ${JSON.stringify(result.error.issues).slice(0, 2000)}`);
  }
}

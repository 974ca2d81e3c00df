import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.js';
import { msg } from '../domain/messages/message.js';
import { toHttp } from './error-mapper.js';
import { errorPage } from './pages/error-page.js';
import { pageLanguage } from './pages/i18n.js';
import { requestLanguage } from './language.js';
import { DEFAULT_CSP, PAGE_CSP, setSecurityHeaders } from './security-headers.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;
/** JSON bodies stay small: an item with four posts is a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

declare module 'restify' {
  interface Request {
    reqId?: string;
    started?: bigint;
  }
}

/** How long an idle keep-alive connection stays open (Node's default: 5 s). */
export const KEEP_ALIVE_MS = 65_000;

const OWN_BODY_ROUTES = new WeakMap<restify.Server, Set<string>>();

/** Marks a route whose handler reads the body itself, as sent (`readRawBody`): restify's body reader leaves it alone. */
export function readsOwnBody(server: restify.Server, method: 'POST' | 'PUT', path: string): void {
  const routes = OWN_BODY_ROUTES.get(server);
  if (!routes) throw new Error('readsOwnBody: not a server made by createRestify');
  routes.add(`${method} ${path}`);
}

/**
 * restify with request ids, one error mapper (JSON for the API, an HTML page for the
 * share and link pages), and an access log that names routes, never tokens or people.
 */
export function createRestify(log: Logger): restify.Server {
  const server = restify.createServer({ name: 'chorus', handleUncaughtExceptions: false, strictFormatters: false });
  // Node closes an idle keep-alive connection after 5 s. A client (or Azure's front end,
  // which keeps connections for minutes) that reuses one at that moment gets a reset
  // instead of an answer — the request is lost, a POST cannot safely be retried. Keep
  // idle connections longer than clients hold them; `Keep-Alive: timeout=65` tells
  // well-behaved clients when we let go.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  server.pre((req: Request, res: Response, next: restify.Next) => {
    req.started = process.hrtime.bigint();
    const incoming = req.header('x-request-id');
    req.reqId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.reqId);
    // Safe defaults for every answer; pages that load scripts or styles set their own CSP.
    setSecurityHeaders(res, DEFAULT_CSP);
    // The API answers for one signed-in person: no shared or browser cache may keep it.
    if (req.url?.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  server.pre(bodyGate);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const readBody = restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES });
  const ownBody = new Set<string>();
  OWN_BODY_ROUTES.set(server, ownBody);
  // A route that verifies a signature over the body reads it itself (http/raw-body.ts); the
  // JSON and form parsers below then find no body and pass. (`bodyReader: true`: they would
  // otherwise read the body with a reader of their own, without the size limit.)
  server.use((req: Request, res: Response, next: restify.Next) =>
    ownBody.has(`${req.method} ${String(req.getRoute()?.path)}`) ? next() : readBody(req, res, next),
  );
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));
  server.use(restify.plugins.urlEncodedBodyParser({ mapParams: false, bodyReader: true }));

  server.on('restifyError', (req: Request, res: Response, err: unknown, cb: () => void) => {
    try {
      answerError(req, res, err);
    } catch (failure) {
      failRequest(req, res, failure, log);
    }
    return cb();
  });

  /** One error mapper for every route: JSON for the API, a readable page for people. */
  const answerError = (req: Request, res: Response, err: unknown): void => {
    // Messages are keys until here: the reader's language picks the words.
    const { status, body } = toHttp(err, requestLanguage(req.header('accept-language'), 'en'));
    if (status >= 500) log.error({ reqId: req.reqId, route: routeName(req), err: loggableError(err) }, 'request failed');
    if (res.headersSent) return;
    // The API and share.js get JSON; people who follow a link get a page they can read.
    const wantsJson = req.path().startsWith('/api/') || (req.header('accept') ?? '').includes('application/json');
    if (wantsJson) {
      res.send(status, body);
    } else {
      setSecurityHeaders(res, PAGE_CSP);
      const html = errorPage(status, body.error.message, pageLanguage(req.header('accept-language')));
      res.sendRaw(status, html, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    }
  };

  // Tracked links and probes are the bulk of traffic: kept out of the info log, and not
  // even described unless debug logging is on.
  const QUIET = new Set(['/l/:code', '/healthz', '/readyz']);
  server.on('after', (req: Request, res: Response) => {
    const route = routeName(req);
    const quiet = QUIET.has(route);
    if (quiet && !log.isLevelEnabled('debug')) return;
    const ms = req.started ? Number(process.hrtime.bigint() - req.started) / 1e6 : undefined;
    const entry = { reqId: req.reqId, method: req.method, route, status: res.statusCode, ms };
    if (quiet) log.debug(entry, 'request');
    else log.info(entry, 'request');
  });
  return server;
}

/**
 * What a body may be, decided before any of it is read. JSON and plain forms only:
 * restify's full bodyParser would also accept multipart uploads, which bypass the size
 * limit and land on disk. No compressed bodies on any route: Teams and the tab never
 * send them, and restify would inflate them past the size limit (64 KiB of gzip became
 * 20 MB) or, with bytes that are not gzip, throw outside any request and end the process.
 */
function bodyGate(req: Request, _res: Response, next: restify.Next): void {
  const length = req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || req.header('transfer-encoding') !== undefined;
  if (!hasBody) return next();
  // Any method: restify reads (and would inflate) a body on a GET too.
  if ((req.header('content-encoding') ?? '').trim() !== '') {
    return next(new AppError('unsupported_media_type', msg('request.compressed')));
  }
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (req.method !== 'GET' && req.method !== 'HEAD' && type !== '' && type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return next(new AppError('unsupported_media_type', msg('request.sendJson')));
  }
  return next();
}

/**
 * Answers a request on the bare Node objects, or returns false to leave it to restify.
 * Must be synchronous and must not read the body.
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Takes over the Node server's request listener: `fastPath` (the hottest public route)
 * answers first, restify gets every request it leaves alone, and anything either throws
 * while handling a request fails that request with a 500 (logged with its request id)
 * instead of ending the process. restify catches what its async handlers throw or reject
 * itself; this catches what is thrown synchronously on the way in (a header Node refuses,
 * a bug in the fast path).
 */
export function guardRequests(server: restify.Server, log: Logger, fastPath?: FastPath): void {
  const http = server.server;
  const restifyListeners = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (fastPath?.(req, res)) return;
      for (const listener of restifyListeners) listener.call(http, req, res);
    } catch (err) {
      failRequest(req, res, err, log);
    }
  });
}

/** The last resort for one request: a 500 in the API's error shape, or a cut connection once headers are out. */
export function failRequest(req: IncomingMessage, res: ServerResponse, err: unknown, log: Logger): void {
  const known = (req as IncomingMessage & { reqId?: string }).reqId;
  const incoming = req.headers['x-request-id'];
  const reqId = known ?? (typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID());
  log.error({ reqId, method: req.method, err: loggableError(err) }, 'request failed unexpectedly');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  try {
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(500, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'X-Request-Id': reqId });
    res.end(JSON.stringify(toHttp(new Error('unexpected')).body));
  } catch {
    res.destroy();
  }
}

/**
 * What a failure log may say: name, message, code and stack. Database errors also carry
 * `detail` ("Failing row contains (…)") and parameters, which can hold personal data.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; constraint?: unknown };
  return { name: e.name, message: e.message, code: e.code, constraint: e.constraint, stack: e.stack };
}

/** The route pattern ("/s/:token"), so logs never carry tokens, codes or ids. */
function routeName(req: Request): string {
  const route = req.getRoute?.();
  return route?.path ? String(route.path) : 'unmatched';
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.js';
import { toHttp } from './error-mapper.js';
import { errorPage } from './pages/error-page.js';
import { pageLanguage } from './pages/i18n.js';
import { localize, localizeFields, requestLanguage } from './localize.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;
/** JSON bodies stay small: an item with four posts is a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

declare module 'restify' {
  interface Request {
    reqId?: string;
    started?: bigint;
  }
}

/**
 * restify with request ids, one error mapper (JSON for the API, an HTML page for the
 * share and link pages), and an access log that names routes, never tokens or people.
 */
export function createRestify(log: Logger): restify.Server {
  const server = restify.createServer({ name: 'chorus', handleUncaughtExceptions: false, strictFormatters: false });
  server.pre((req: Request, res: Response, next: restify.Next) => {
    req.started = process.hrtime.bigint();
    const incoming = req.header('x-request-id');
    req.reqId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.header('X-Request-Id', req.reqId);
    next();
  });
  // JSON and plain forms only: restify's full bodyParser would also accept multipart
  // uploads, which bypass the size limit and land on disk.
  server.pre((req: Request, _res: Response, next: restify.Next) => {
    const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.header('content-length') !== '0' && (req.header('content-length') !== undefined || req.header('transfer-encoding') !== undefined);
    if (hasBody && type !== '' && type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
      return next(new AppError('unsupported_media_type', 'Send the body as application/json'));
    }
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  server.use(restify.plugins.urlEncodedBodyParser({ mapParams: false }));

  server.on('restifyError', (req: Request, res: Response, err: unknown, cb: () => void) => {
    const { status, body } = toHttp(err);
    const lang = requestLanguage(req.header('accept-language'), 'en');
    body.error.message = localize(body.error.message, lang);
    if (body.error.fields) body.error.fields = localizeFields(body.error.fields, lang);
    if (status >= 500) log.error({ reqId: req.reqId, route: routeName(req), err: loggableError(err) }, 'request failed');
    if (res.headersSent) return cb();
    // The API and share.js get JSON; people who follow a link get a page they can read.
    const wantsJson = req.path().startsWith('/api/') || (req.header('accept') ?? '').includes('application/json');
    if (wantsJson) {
      res.send(status, body);
    } else {
      const html = errorPage(status, body.error.message, pageLanguage(req.header('accept-language')));
      res.sendRaw(status, html, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    }
    return cb();
  });

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
 * Answers a request on the bare Node objects, or returns false to leave it to restify.
 * Must be synchronous and must not read the body.
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Puts `fastPath` in front of restify for the hottest public route: restify's own
 * listener on the Node server gets every request the fast path leaves alone.
 */
export function addFastPath(server: restify.Server, fastPath: FastPath): void {
  const http = server.server;
  const restifyListeners = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (fastPath(req, res)) return;
    for (const listener of restifyListeners) listener.call(http, req, res);
  });
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

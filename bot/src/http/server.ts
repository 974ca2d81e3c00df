import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from 'pino';
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
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.on('restifyError', (req: Request, res: Response, err: unknown, cb: () => void) => {
    const { status, body } = toHttp(err);
    const lang = requestLanguage(req.header('accept-language'), 'en');
    body.error.message = localize(body.error.message, lang);
    if (body.error.fields) body.error.fields = localizeFields(body.error.fields, lang);
    if (status >= 500) log.error({ reqId: req.reqId, route: routeName(req), err }, 'request failed');
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

  server.on('after', (req: Request, res: Response) => {
    const ms = req.started ? Number(process.hrtime.bigint() - req.started) / 1e6 : undefined;
    const entry = { reqId: req.reqId, method: req.method, route: routeName(req), status: res.statusCode, ms };
    // Tracked links and probes are the bulk of traffic: keep them out of the info log.
    const quiet = entry.route === '/l/:code' || entry.route === '/healthz' || entry.route === '/readyz';
    if (quiet) log.debug(entry, 'request');
    else log.info(entry, 'request');
  });
  return server;
}

/** The route pattern ("/s/:token"), so logs never carry tokens, codes or ids. */
function routeName(req: Request): string {
  const route = req.getRoute?.();
  return route?.path ? String(route.path) : 'unmatched';
}

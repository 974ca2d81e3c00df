import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import type { HttpContext } from '../context.js';
import { setSecurityHeaders, TEAMS_FRAME_ANCESTORS } from '../security-headers.js';
import { safeJoin, serveFile } from './static-files.js';

// Fluent UI (Griffel) inserts style rules at runtime, hence 'unsafe-inline' for styles only.
const TAB_CSP = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; font-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors ${TEAMS_FRAME_ANCESTORS}`;

/** The built tab (dist/tab). Unknown paths get index.html so deep links work. */
export function tabRoutes(server: Server, ctx: HttpContext): void {
  const root = ctx.paths.tab;
  const index = path.join(root, 'index.html');
  const production = ctx.config.env === 'production';

  const handler = async (req: Request, res: Response) => {
    setSecurityHeaders(res, TAB_CSP);
    if (!existsSync(index)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The tab is not built yet. Run `npm run build` (npm start does this for you).');
      return;
    }
    const relative = decoded(req.path().replace(/^\/tab\/?/, ''));
    if (relative === undefined) throw notFound('File');
    // Source maps help in development; in production they would hand out the tab's source.
    if (production && relative.endsWith('.map')) throw notFound('File');
    const file = relative ? safeJoin(root, relative) : undefined;
    if (file && existsSync(file) && !file.endsWith(`${path.sep}index.html`)) {
      await serveFile(req, res, file, { maxAgeSeconds: relative.startsWith('assets/') ? 31_536_000 : 300, immutable: relative.startsWith('assets/') });
      return;
    }
    await serveFile(req, res, index, { maxAgeSeconds: 0 });
  };
  server.get('/tab', async (_req: Request, res: Response) => {
    res.redirect(301, '/tab/', () => undefined);
  });
  server.get('/tab/*', handler);
  server.head('/tab/*', handler);
  server.get('/', async (_req: Request, res: Response) => {
    res.redirect(302, '/tab/', () => undefined);
  });
}

/** A path segment as the file system names it; undefined for malformed percent-encoding. */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

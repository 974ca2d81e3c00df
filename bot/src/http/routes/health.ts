import type { Server } from 'restify';
import type { HttpContext } from '../context.js';

export function healthRoutes(server: Server, ctx: HttpContext): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    const ready = await ctx.ready().catch(() => false);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });
}

import type { Server } from 'restify';
import type { JobStatus } from '../contract/jobs.js';
import type { HttpContext } from '../context.js';
import { admin } from '../request.js';

/** What operators need to know about background work: last run, next run, failures. */
export function adminJobRoutes(server: Server, ctx: HttpContext): void {
  server.get('/api/v1/admin/jobs', async (req, res) => {
    await admin(ctx.auth, req);
    const items: JobStatus[] = await ctx.jobs.list();
    res.send(200, { items });
  });
}

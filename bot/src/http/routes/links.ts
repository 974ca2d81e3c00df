import type { Request, Response, Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import { withUtm } from '../../domain/links/utm.js';
import { isPreviewAgent } from '../../domain/links/preview-agents.js';
import type { ResolvedLink } from '../../storage/repos/clicks.js';
import { LINK_CODE_PATTERN } from '../../storage/repos/sharing.js';
import type { HttpContext } from '../context.js';

// Short: an admin who corrects a destination sees readers follow within seconds.
const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 50_000;

/**
 * The public tracked link. It counts the click (time, network, item, link; no IP, no
 * cookie) and answers 302 to the destination the admins stored, with UTM tags. Links
 * are cached briefly: a popular post is clicked in bursts.
 */
export function linkRoutes(server: Server, ctx: HttpContext): void {
  const cache = new Map<string, { link: ResolvedLink; until: number }>();

  async function resolve(code: string): Promise<ResolvedLink | undefined> {
    const now = Date.now();
    const hit = cache.get(code);
    if (hit && hit.until > now) return hit.link;
    const link = await ctx.links.resolve(code);
    if (link) {
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(code, { link, until: now + CACHE_TTL_MS });
    }
    return link;
  }

  const handler = async (req: Request, res: Response) => {
    const code = String(req.params.code);
    const link = LINK_CODE_PATTERN.test(code) ? await resolve(code) : undefined;
    if (!link) throw notFound('Link');
    if (req.method === 'GET' && !isPreviewAgent(req.header('user-agent'))) {
      ctx.clicks.record({ code: link.code, itemId: link.itemId, network: link.network, at: new Date() });
    }
    res.writeHead(302, {
      Location: withUtm({ destination: link.destination, network: link.network, campaign: link.campaign, code: link.code }),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
    res.end();
  };
  server.get('/l/:code', handler);
  server.head('/l/:code', handler);
}

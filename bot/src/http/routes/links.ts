import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import { clientAddress } from '../../domain/links/client-address.js';
import { isPreviewAgent } from '../../domain/links/preview-agents.js';
import { withUtm } from '../../domain/links/utm.js';
import type { ResolvedLink } from '../../storage/repos/clicks.js';
import { LINK_CODE_PATTERN } from '../../storage/repos/sharing.js';
import type { HttpContext } from '../context.js';
import type { FastPath } from '../server.js';

// Short: an admin who corrects a destination sees readers follow within seconds.
const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 50_000;

interface CachedLink {
  link: ResolvedLink;
  /** The finished redirect target: UTM tagging happens once per link, not per click. */
  location: string;
  until: number;
}

/** Resolved links for a few seconds: a popular post is clicked in bursts. */
class LinkCache {
  private readonly entries = new Map<string, CachedLink>();

  constructor(private readonly resolve: (code: string) => Promise<ResolvedLink | undefined>) {}

  hit(code: string, now: number): CachedLink | undefined {
    const entry = this.entries.get(code);
    return entry && entry.until > now ? entry : undefined;
  }

  async load(code: string, now: number): Promise<CachedLink | undefined> {
    const link = await this.resolve(code);
    if (!link) return undefined;
    const entry: CachedLink = {
      link,
      location: withUtm({ destination: link.destination, network: link.network, campaign: link.campaign, code: link.code }),
      until: now + CACHE_TTL_MS,
    };
    if (this.entries.size >= CACHE_MAX) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(code, entry);
    return entry;
  }
}

/** The code in /l/<code>[?…] (networks sometimes append their own query), if well-formed. */
function codeOf(url: string): string | undefined {
  const query = url.indexOf('?');
  const code = query === -1 ? url.slice(3) : url.slice(3, query);
  return LINK_CODE_PATTERN.test(code) ? code : undefined;
}

/**
 * The public tracked link. It counts the click (network, item, link, minute; no IP, no
 * cookie) and the reader (a mark under the day's key, see storage/repos/readers.ts), and
 * answers 302 to the destination the admins stored, with UTM tags.
 *
 * It is the one route the public hits in bulk. The restify route below is complete on
 * its own; the fast path in front of it only answers links already in the cache, on the
 * bare Node request, before restify's per-request machinery runs.
 */
export function linkRoutes(server: Server, ctx: HttpContext): { fastPath: FastPath } {
  const cache = new LinkCache((code) => ctx.links.resolve(code));

  const hops = ctx.config.trustProxyHops;
  const redirect = (req: IncomingMessage, res: ServerResponse, entry: CachedLink, now: number) => {
    const userAgent = req.headers['user-agent'];
    if (req.method === 'GET' && !isPreviewAgent(userAgent)) {
      // The address and user agent only tell repeat readers apart: hashed under the day's key at once, never kept.
      const reader = { address: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops), userAgent: userAgent ?? '' };
      ctx.clicks.record({ code: entry.link.code, itemId: entry.link.itemId, network: entry.link.network, at: now, reader });
    }
    res.writeHead(302, { Location: crisisTarget() ?? entry.location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    res.end();
  };

  // Crisis mode keeps public links working; if the admins chose so, they lead to the
  // official statement (a URL they stored) instead of the item.
  const crisisTarget = (): string | undefined => {
    const state = ctx.crisisWatch.current();
    return state?.active && state.redirectLinks && state.statementUrl ? state.statementUrl : undefined;
  };

  const route = async (req: Request, res: Response) => {
    const code = codeOf(req.url ?? '');
    const now = ctx.clock.now();
    const entry = code ? (cache.hit(code, now) ?? (await cache.load(code, now))) : undefined;
    // Unknown or malformed: a friendly 404 page, never a redirect.
    if (!entry) throw notFound('Link');
    redirect(req, res, entry, now);
  };
  server.get('/l/:code', route);
  server.head('/l/:code', route);

  return {
    fastPath(req, res) {
      const url = req.url ?? '';
      if (!url.startsWith('/l/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const code = codeOf(url);
      const now = ctx.clock.now();
      const entry = code ? cache.hit(code, now) : undefined;
      if (!entry) return false;
      redirect(req, res, entry, now);
      return true;
    },
  };
}

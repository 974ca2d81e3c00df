import type { Request, Response, Server } from 'restify';
import { refusesShares } from '../../domain/crisis/crisis-switch.js';
import { gone, notFound } from '../../domain/errors.js';
import { composeShare, isEdited } from '../../domain/sharing/compose-share.js';
import { SHARE_TOKEN_PATTERN } from '../../storage/repos/sharing.js';
import { sharePostSchema, type SharePostResult } from '../../domain/model/share.js';
import type { HttpContext } from '../context.js';
import { sharePage } from '../pages/share-page.js';
import { crisisInstructions, crisisPage } from '../pages/crisis-page.js';
import { parse } from '../request.js';
import { PAGE_CSP, setSecurityHeaders } from '../security-headers.js';
import { serveFile } from './static-files.js';

/**
 * /s/:token — the share page of one (item, person) pair. The token is the only
 * credential: it is bound to one item and one person and cannot be used for another.
 */
export function sharePageRoutes(server: Server, ctx: HttpContext): void {
  /** The token's (item, person); unknown and forged tokens get the 404 page, crisis or not. */
  async function resolve(req: Request) {
    const token = String(req.params.token);
    const bound = SHARE_TOKEN_PATTERN.test(token) ? await ctx.sharing.resolveToken(token) : undefined;
    if (!bound) throw notFound('Share page');
    return { token, bound };
  }

  async function load({ token, bound }: Awaited<ReturnType<typeof resolve>>) {
    const item = await ctx.items.liveForSharing(bound.itemId);
    if (!item) throw gone('share.gone');
    return { token, bound, item };
  }

  server.get('/s/assets/:file', async (req, res) => {
    const file = String(req.params.file);
    if (file !== 'share.js' && file !== 'share.css') throw notFound('File');
    await serveFile(req, res, `${ctx.paths.public}/${file}`, { maxAgeSeconds: 300 });
  });

  /**
   * Crisis mode: the page explains what to do instead (423), and nothing is forwarded. A
   * refused post is counted before the answer, so whoever reads the count next sees it.
   */
  async function refuseInCrisis(req: Request, res: Response, lang: 'de' | 'en', attempt: 'view' | 'post'): Promise<boolean> {
    const state = ctx.crisisWatch.current();
    if (!state || !refusesShares(state)) return false;
    if (attempt === 'post') {
      // Counted, never forwarded; a count that fails must not turn the crisis page into a 500.
      await ctx.crisisService.countRefusedShare().catch((err: unknown) => ctx.log.warn({ err }, 'could not count a refused share'));
    }
    setSecurityHeaders(res, PAGE_CSP);
    if ((req.header('accept') ?? '').includes('application/json')) {
      res.send(423, { error: { code: 'crisis_active', message: crisisInstructions(state, lang) } });
    } else {
      res.writeHead(423, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(crisisPage(state, lang));
    }
    return true;
  }

  server.get('/s/:token', async (req: Request, res: Response) => {
    const resolved = await resolve(req);
    if (await refuseInCrisis(req, res, resolved.bound.language, 'view')) return;
    const { token, bound, item } = await load(resolved);
    const now = new Date();
    const [{ networks: sharedOn }, disclosure, campaigns] = await Promise.all([
      ctx.sharing.sharedOn(item.id, bound.personId),
      ctx.campaignsService.activeDisclosure(),
      ctx.campaigns.coveringItem(item.id, now),
      ctx.sharing.markOpened(token),
    ]);
    setSecurityHeaders(res, PAGE_CSP);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(sharePage({ token, item, sharedOn, lang: bound.language, disclosure, campaigns }));
  });

  /**
   * "Post": records the share and answers with the network's share dialog carrying the
   * tracked link. JSON for share.js; a 303 for the form without JavaScript.
   */
  server.post('/s/:token', async (req: Request, res: Response) => {
    const resolved = await resolve(req);
    if (await refuseInCrisis(req, res, resolved.bound.language, 'post')) return;
    const { bound, item } = await load(resolved);
    const { network, text } = parse(sharePostSchema, req.body);
    const disclosure = await ctx.campaignsService.activeDisclosure();
    const edited = isEdited(item.posts, network, text, disclosure);
    const code = await ctx.sharing.recordShare({ itemId: item.id, personId: bound.personId, network, edited });
    const link = `${ctx.config.publicUrl}/l/${code}`;
    const { target, clipboard } = composeShare(item, network, text, link, disclosure);
    const result: SharePostResult = { network, link, target, clipboard };
    if ((req.header('accept') ?? '').includes('application/json')) {
      res.send(200, result);
    } else {
      res.writeHead(303, { Location: result.target, 'Cache-Control': 'no-store' });
      res.end();
    }
  });
}

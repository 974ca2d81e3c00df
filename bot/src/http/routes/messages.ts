import type { Server } from 'restify';
import type { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { z } from 'zod';
import { forbidden, unauthenticated } from '../../domain/errors.js';
import { isLocalRequest } from '../auth/identity.js';
import { authRequest, parse } from '../request.js';

const id = z.string().min(1).max(512);
const account = z.object({ id, name: z.string().max(512).optional(), aadObjectId: z.string().max(128).optional() }).passthrough();
/** The invokes Chorus answers; any other name is refused before anything is stored. */
const INVOKES = ['adaptiveCard/action'];

/** Universal Actions' invoke value: `{ action: { type, verb?, data? } }`. */
const cardAction = z.object({
  action: z.object({ type: z.string().max(64), verb: z.string().max(128).optional(), data: z.object({}).passthrough().optional() }).passthrough(),
}).passthrough();

/**
 * What every activity Teams sends has, and the types of the fields Chorus reads, checked
 * before botbuilder sees it: an empty or shapeless activity is the caller's mistake (400,
 * nothing stored), not a failure of ours. Together with parse()'s text check this keeps
 * NUL and half characters out of the stored conversation references.
 */
const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    channelId: z.string().min(1).max(64),
    from: account,
    recipient: account.optional(),
    conversation: z.object({ id: z.string().min(1).max(1024), conversationType: z.string().max(64).optional(), tenantId: z.string().max(128).optional() }).passthrough(),
    locale: z.string().max(64).optional(),
    text: z.string().max(10_000).optional(),
    channelData: z.object({}).passthrough().optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    name: z.string().max(128).optional(),
    value: z.unknown().optional(),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    if (a.type !== 'invoke') return;
    if (!a.name || !INVOKES.includes(a.name)) ctx.addIssue({ code: 'custom', path: ['name'], message: 'bot.unknownInvoke' });
    else if (!cardAction.safeParse(a.value).success) ctx.addIssue({ code: 'custom', path: ['value'], message: 'bot.cardAction' });
  });

/**
 * With an app id, botbuilder checks the Bot Framework token on every activity. Without
 * one (development, the Agents Playground) nothing would: then only this computer may
 * call, or anyone could make the bot post to a serviceUrl of their choosing.
 */
export function messageRoutes(
  server: Server,
  { adapter, auth }: { adapter: CloudAdapter; auth: ConfigurationBotFrameworkAuthentication },
  bot: ActivityHandler,
  options: { appId: string },
): void {
  server.post('/api/messages', async (req, res) => {
    if (!options.appId && !isLocalRequest(authRequest(req))) throw forbidden('bot.localOnly');
    const activity = parse(activityEnvelope, Array.isArray(req.body) || typeof req.body !== 'object' ? { _: req.body } : req.body);
    // botbuilder checks the token again inside process(), but answers a forged signature or an
    // expired token with 500 and the library's message (its JWT library's errors are not its
    // AuthenticationError): every refusal here is a 401 with our reason, before anything runs.
    if (options.appId) {
      try {
        await auth.authenticateRequest(activity as never, req.header('authorization') ?? '');
      } catch {
        throw unauthenticated('bot.token');
      }
    }
    // botbuilder's Request/Response are structural: restify's objects fit at runtime.
    await adapter.process(req as never, res as never, (context) => bot.run(context));
  });
}

import type { Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { z } from 'zod';
import { forbidden } from '../../domain/errors.js';
import { isLocalRequest } from '../auth/identity.js';
import { authRequest, parse } from '../request.js';

/**
 * What every activity Teams sends has, checked before botbuilder sees it: an empty or
 * shapeless body is the caller's mistake (400), not a failure of ours.
 */
const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    channelId: z.string().min(1).max(64),
    from: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
  })
  .passthrough();

/**
 * With an app id, botbuilder checks the Bot Framework token on every activity. Without
 * one (development, the Agents Playground) nothing would: then only this computer may
 * call, or anyone could make the bot post to a serviceUrl of their choosing.
 */
export function messageRoutes(server: Server, adapter: CloudAdapter, bot: ActivityHandler, options: { appId: string }): void {
  server.post('/api/messages', async (req, res) => {
    if (!options.appId && !isLocalRequest(authRequest(req))) throw forbidden('This bot endpoint accepts local calls only until an app id is configured');
    parse(activityEnvelope, Array.isArray(req.body) || typeof req.body !== 'object' ? { _: req.body } : req.body);
    // botbuilder's Request/Response are structural: restify's objects fit at runtime.
    await adapter.process(req as never, res as never, (context) => bot.run(context));
  });
}

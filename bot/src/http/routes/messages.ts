import type { Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { forbidden } from '../../domain/errors.js';
import { isLocalRequest } from '../auth/identity.js';
import { authRequest } from '../request.js';

/**
 * With an app id, botbuilder checks the Bot Framework token on every activity. Without
 * one (development, the Agents Playground) nothing would: then only this computer may
 * call, or anyone could make the bot post to a serviceUrl of their choosing.
 */
export function messageRoutes(server: Server, adapter: CloudAdapter, bot: ActivityHandler, options: { appId: string }): void {
  server.post('/api/messages', async (req, res) => {
    if (!options.appId && !isLocalRequest(authRequest(req))) throw forbidden('This bot endpoint accepts local calls only until an app id is configured');
    // botbuilder's Request/Response are structural: restify's objects fit at runtime.
    await adapter.process(req as never, res as never, (context) => bot.run(context));
  });
}

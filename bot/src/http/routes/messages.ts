import type { Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';

export function messageRoutes(server: Server, adapter: CloudAdapter, bot: ActivityHandler): void {
  server.post('/api/messages', async (req, res) => {
    // botbuilder's Request/Response are structural: restify's objects fit at runtime.
    await adapter.process(req as never, res as never, (context) => bot.run(context));
  });
}

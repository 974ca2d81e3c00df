import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface ReceivedActivity {
  conversationId: string;
  replyToId?: string;
  activity: { type: string; text?: string; attachments?: unknown[]; [key: string]: unknown };
}

/**
 * A Bot Connector v3 stand-in on loopback: it accepts replies and sends to
 * conversations the way Teams' connector does, and records every activity it accepted
 * so tests can assert exactly who received what.
 */
export class FakeBotConnector {
  url = '';
  readonly received: ReceivedActivity[] = [];
  private server: Server | undefined;
  private counter = 0;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = await readJson(req);
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (req.method === 'POST' && match) {
        const conversationId = decodeURIComponent(match[1] as string);
        const replyToId = match[2] ? decodeURIComponent(match[2]) : undefined;
        this.received.push({ conversationId, ...(replyToId ? { replyToId } : {}), activity: body as ReceivedActivity['activity'] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${++this.counter}` }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown route' } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/`;
    return this;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

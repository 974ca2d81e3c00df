// Raw HTTP over a socket, not fetch: any bytes in the request line, headers and body go out
// as generated, and a connection that closes without an answer is seen as such.
import net from 'node:net';

const ANSWER_TIMEOUT_MS = 10_000;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type Outcome = { kind: 'answer'; answer: Answer } | { kind: 'no-answer'; connected: boolean; error: string };

function parseAnswer(raw: Buffer): Answer | undefined {
  let rest = raw;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) return undefined;
    const head = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1]);
    if (!status) return undefined;
    rest = rest.subarray(end + 4);
    if (status >= 100 && status < 200) continue; // 100 Continue: the real answer follows
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return { status, headers, body: headers['transfer-encoding']?.includes('chunked') ? dechunk(rest) : rest };
  }
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf('\r\n', at);
    if (eol === -1) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** One request on a fresh connection (Connection: close); the answer, or why none came. */
export function sendRaw(port: number, bytes: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let connected = false;
    let settled = false;
    const socket = net.connect({ port, host: '127.0.0.1' });
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const answer = parseAnswer(Buffer.concat(chunks));
      resolve(answer ? { kind: 'answer', answer } : { kind: 'no-answer', connected, error: error ?? 'connection closed without an answer' });
    };
    const timer = setTimeout(() => finish(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`), ANSWER_TIMEOUT_MS);
    socket.on('connect', () => {
      connected = true;
      // write, not end: a half-closed socket makes Node's server drop answers still in the making
      socket.write(bytes);
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
  });
}

/** GET /healthz on a fresh connection: true only for a 200. */
export async function healthy(port: number): Promise<boolean> {
  const outcome = await sendRaw(port, Buffer.from(`GET /healthz HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`));
  return outcome.kind === 'answer' && outcome.answer.status === 200;
}

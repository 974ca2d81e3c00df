import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../domain/errors.js';
import { msg } from '../domain/messages/message.js';

/**
 * The body exactly as sent, for a route that must verify a signature over its bytes (the
 * shared parsers turn it into text first). At most `maxBytes`: a declared length above that
 * is refused before a byte is read, and a body without a length (chunked) is refused as
 * soon as it passes the limit — never buffered whole. A refused request's connection is
 * closed after the answer, so the rest of its body is not read either.
 */
export function readRawBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => {
    res.setHeader('Connection', 'close');
    return new AppError('payload_too_large', msg('conversion.tooLarge', { max: maxBytes }));
  };
  // A bug, not bad input: the route was not marked with readsOwnBody and a parser took the body.
  if (req.readableEnded) return Promise.reject(new Error('the request body was read already'));
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        done(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (err: Error) => done(err);
    const onAborted = () => done(new AppError('invalid', msg('request.unreadable')));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    req.resume();
  });
}

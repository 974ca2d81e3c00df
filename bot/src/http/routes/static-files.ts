import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { notFound } from '../../domain/errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Streams one file; 404 when it does not exist. `immutable` for content-hashed assets. */
export async function serveFile(
  req: Request,
  res: Response,
  file: string,
  cache: { maxAgeSeconds: number; immutable?: boolean },
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw notFound('File');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': cache.maxAgeSeconds > 0 ? `public, max-age=${cache.maxAgeSeconds}${cache.immutable ? ', immutable' : ''}` : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}

/** Resolves `relative` inside `root`; undefined for anything that escapes it. */
export function safeJoin(root: string, relative: string): string | undefined {
  const target = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  return target.startsWith(path.resolve(root) + path.sep) ? target : undefined;
}

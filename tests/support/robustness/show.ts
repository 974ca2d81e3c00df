// Short, printable renderings of values, bytes and sent requests: what the report, the
// request list and the generators' descriptions ("how") are made of.
import type { GenRequest } from './generated-request.js';
import type { Built } from './request-bytes.js';

/** A value as JSON, cut at `max` characters with the full length noted. */
export function show(value: unknown, max: number): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

export function showBytes(bytes: Buffer, max: number): string {
  const text = bytes.toString('utf8');
  // JSON escapes control characters; only bytes that are not UTF-8 need hex.
  if (!text.includes('\ufffd')) return show(text, max);
  return `hex ${bytes.subarray(0, Math.floor(max / 2)).toString('hex')}${bytes.length > max / 2 ? `…(${bytes.length} bytes)` : ''}`;
}

/** A sent request for the report: request line, headers, body and how it was made. */
export function describeRequest(index: number, req: GenRequest, built: Built): string {
  const headers = built.headers.filter(([k]) => k !== 'Connection').map(([k, v]) => `${k}: ${show(v, 80)}`);
  const lines = [
    `#${index} ${built.method} ${show(Buffer.from(built.target, 'latin1').toString('utf8'), 200)}`,
    `  headers: ${headers.join(' | ')}`,
  ];
  if (req.body.kind !== 'none') {
    lines.push(`  body (${'how' in req.body ? req.body.how : ''}): ${showBytes(built.payload, 300)}`);
    if (req.encoding.transform !== 'none') lines.push(`  encoded: ${req.encoding.transform} (${built.body.length} bytes on the wire)`);
  }
  return lines.join('\n');
}

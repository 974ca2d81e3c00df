import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkTimestamp, parseSignatureHeader } from '../../domain/conversions/conversion-rules.js';
import { unauthenticated } from '../../domain/errors.js';

/** The hex HMAC-SHA256 a source sends: over "<timestamp>.<the exact body bytes>". */
export function conversionSignature(secret: string, timestamp: string, body: Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * Which source signed this request: the header is read (401 when missing or malformed),
 * every given signature is compared in constant time with the HMAC under every active
 * secret (401 when none matches), and only then is the timestamp checked (401 outside the
 * window) — so "too old" is said only of a request that was genuinely signed.
 */
export function signingSource(header: string | undefined, body: Uint8Array, secrets: ReadonlyArray<{ sourceId: string; secret: string }>, nowMs: number): string {
  const { timestamp, signatures } = parseSignatureHeader(header);
  const given = signatures.map((s) => Buffer.from(s, 'hex'));
  let source: string | undefined;
  for (const s of secrets) {
    const expected = Buffer.from(conversionSignature(s.secret, timestamp, body), 'hex');
    // No early exit: how long this takes does not tell which secret (or whether any) matched.
    for (const g of given) if (timingSafeEqual(g, expected) && source === undefined) source = s.sourceId;
  }
  if (source === undefined) throw unauthenticated('conversion.signatureMismatch');
  checkTimestamp(timestamp, nowMs);
  return source;
}

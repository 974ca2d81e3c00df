import { invalid, unauthenticated } from '../errors.js';
import type { ConversionInput } from '../model/conversions.js';

/**
 * The rules of reported conversions, pure. A source signs each request like Stripe signs
 * its webhooks: `Chorus-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * with one `v1=` per secret it signs with (several while it replaces one). The timestamp
 * is inside the signature, so a captured request cannot be replayed once the window has
 * passed; within the window, the event id stops it from counting twice.
 */
export const SIGNATURE_HEADER = 'chorus-signature';
/** How far the signature's time may be from ours, either way (five minutes, as Stripe). */
export const REPLAY_WINDOW_SECONDS = 300;
/** A conversion is a few hundred bytes; anything near this is not one. */
export const MAX_CONVERSION_BODY_BYTES = 16 * 1024;
/** Active secrets per source: enough to rotate, few enough that checking each stays cheap. */
export const MAX_SECRETS_PER_SOURCE = 5;
/** Signatures per header: a sender signs with each secret it holds, which is at most a few. */
const MAX_SIGNATURES = MAX_SECRETS_PER_SOURCE;

export interface SignatureHeader {
  /** Unix seconds, as signed. */
  timestamp: string;
  /** Lower-case hex HMAC-SHA256 values (64 characters each). */
  signatures: string[];
}

/**
 * The header's parts, or a 401 saying what is wrong with it. Unknown schemes (`v0=`, a
 * future `v2=`) are skipped, as Stripe does, so a sender may add one before we read it.
 */
export function parseSignatureHeader(header: string | undefined): SignatureHeader {
  if (header === undefined || header.trim() === '') throw unauthenticated('conversion.signatureMissing');
  if (header.length > 1_000) throw unauthenticated('conversion.signatureMalformed');
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw unauthenticated('conversion.signatureMalformed');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) throw unauthenticated('conversion.signatureMalformed');
      timestamp = value;
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) throw unauthenticated('conversion.signatureMalformed');
      signatures.push(value.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0 || signatures.length > MAX_SIGNATURES) throw unauthenticated('conversion.signatureMalformed');
  return { timestamp, signatures };
}

/** A 401 naming how far off the signature's time is, when it lies outside the window around `nowMs`. */
export function checkTimestamp(timestamp: string, nowMs: number): void {
  const seconds = Math.round(Math.abs(nowMs / 1000 - Number(timestamp)));
  if (seconds > REPLAY_WINDOW_SECONDS) {
    throw unauthenticated({ key: 'conversion.timestampOutside', params: { seconds, window: REPLAY_WINDOW_SECONDS } });
  }
}

/** When a conversion happened: as reported (not in the future, beyond the clock skew we allow), else now. */
export function occurredAt(input: Pick<ConversionInput, 'occurredAt'>, nowMs: number): number {
  if (input.occurredAt === undefined) return nowMs;
  const at = Date.parse(input.occurredAt);
  if (at > nowMs + REPLAY_WINDOW_SECONDS * 1000) throw invalid({ occurredAt: 'conversion.occurredInFuture' });
  return at;
}

/**
 * The request as the sender meant it, to tell a retry (the same) from an event id reused
 * for another conversion (409). Key order and the way a time is written do not matter;
 * a missing `occurredAt` stays missing (a retry later is still the same conversion).
 */
export function canonicalInput(input: ConversionInput): string {
  return JSON.stringify([
    input.linkCode,
    input.type,
    input.value ?? null,
    input.currency ?? null,
    input.occurredAt === undefined ? null : new Date(input.occurredAt).toISOString(),
  ]);
}

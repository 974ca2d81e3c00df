import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { render } from '../messages/message.js';
import { conversionInputSchema } from '../model/conversions.js';
import { canonicalInput, checkTimestamp, occurredAt, parseSignatureHeader, REPLAY_WINDOW_SECONDS } from './conversion-rules.js';

const HEX = 'ab'.repeat(32);
const refusal = (fn: () => unknown): { code: string; message: string; fields?: Record<string, string> } => {
  try {
    fn();
  } catch (err) {
    const e = err as AppError;
    return { code: e.code, message: render(e.reason, 'en'), ...(e.fields ? { fields: e.fields } : {}) };
  }
  throw new Error('did not throw');
};

describe('the Chorus-Signature header', () => {
  it('reads the time and every v1 signature, skipping schemes it does not know', () => {
    expect(parseSignatureHeader(`t=1700000000,v1=${HEX}`)).toEqual({ timestamp: '1700000000', signatures: [HEX] });
    expect(parseSignatureHeader(` t=1700000000 , v0=old, v1=${HEX.toUpperCase()},v1=${'cd'.repeat(32)}`)).toEqual({
      timestamp: '1700000000',
      signatures: [HEX, 'cd'.repeat(32)],
    });
  });

  it('is a 401 saying what is wrong: missing, or not t=…,v1=…', () => {
    expect(refusal(() => parseSignatureHeader(undefined))).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('missing') });
    expect(refusal(() => parseSignatureHeader('  '))).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('missing') });
    for (const bad of [
      `v1=${HEX}`,
      't=1700000000',
      `t=soon,v1=${HEX}`,
      `t=1,t=2,v1=${HEX}`,
      't=1700000000,v1=abc',
      `t=1700000000;v1=${HEX}`,
      `t=1700000000,${Array.from({ length: 6 }, () => `v1=${HEX}`).join(',')}`,
      `t=1700000000,v1=${HEX},${'x'.repeat(1000)}=1`,
    ]) {
      expect(refusal(() => parseSignatureHeader(bad)), bad).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('must read t=') });
    }
  });
});

describe('the replay window', () => {
  const now = Date.parse('2026-11-23T07:00:00Z');
  const t = (offsetSeconds: number) => String(now / 1000 + offsetSeconds);

  it('takes five minutes either way, and not a second more', () => {
    expect(() => checkTimestamp(t(-REPLAY_WINDOW_SECONDS), now)).not.toThrow();
    expect(() => checkTimestamp(t(REPLAY_WINDOW_SECONDS), now)).not.toThrow();
    expect(refusal(() => checkTimestamp(t(-REPLAY_WINDOW_SECONDS - 1), now))).toEqual({
      code: 'unauthenticated',
      message: "The signature was made 301 seconds away from the server's time; at most 300 are accepted (a replayed request, or a clock that is off)",
    });
    expect(refusal(() => checkTimestamp(t(3600), now)).message).toContain('3600 seconds');
  });
});

describe('a reported conversion', () => {
  const now = Date.parse('2026-11-23T07:00:00Z');
  const input = (over: Record<string, unknown> = {}) => conversionInputSchema.parse({ eventId: 'evt-1', linkCode: 'Abc123xyz9', type: 'application', ...over });

  it('happened when the source says, else now; never in the future beyond the clock skew allowed', () => {
    expect(occurredAt(input(), now)).toBe(now);
    expect(occurredAt(input({ occurredAt: '2026-11-20T10:00:00+01:00' }), now)).toBe(Date.parse('2026-11-20T09:00:00Z'));
    expect(occurredAt(input({ occurredAt: '2026-11-23T07:05:00Z' }), now)).toBe(now + 300_000);
    expect(refusal(() => occurredAt(input({ occurredAt: '2026-11-23T07:05:01Z' }), now))).toMatchObject({ code: 'invalid', fields: { occurredAt: 'must not be in the future' } });
  });

  it('is the same conversion however its JSON is written, and another one when anything that counts differs', () => {
    const a = canonicalInput(input({ value: 10, currency: 'EUR', occurredAt: '2026-11-20T10:00:00+01:00' }));
    const sameMoment = conversionInputSchema.parse({ occurredAt: '2026-11-20T09:00:00.000Z', currency: 'EUR', value: 10.0, type: 'application', linkCode: 'Abc123xyz9', eventId: 'evt-1' });
    expect(canonicalInput(sameMoment)).toBe(a);
    for (const other of [{ value: 11 }, { currency: 'USD' }, { type: 'lead' }, { linkCode: 'Zzz123xyz9' }, { occurredAt: '2026-11-20T10:00:01+01:00' }]) {
      expect(canonicalInput(input({ value: 10, currency: 'EUR', occurredAt: '2026-11-20T10:00:00+01:00', ...other })), JSON.stringify(other)).not.toBe(a);
    }
    // A time given once and left out on the retry is not the same request.
    expect(canonicalInput(input())).not.toBe(canonicalInput(input({ occurredAt: new Date(now).toISOString() })));
  });

  it('refuses what it cannot be sure of, naming the field', () => {
    // The first reason per field, as the edge reports them.
    const fields = (body: Record<string, unknown>) => {
      const r = conversionInputSchema.safeParse(body);
      const pairs = r.success ? [] : r.error.issues.map((i) => [i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join() : ''), i.message]);
      return pairs.filter(([field], n) => pairs.findIndex(([f]) => f === field) === n);
    };
    const ok = { eventId: 'evt-1', linkCode: 'Abc123xyz9', type: 'signup' };
    expect(fields(ok)).toEqual([]);
    expect(fields({ ...ok, value: 0, currency: 'CHF', occurredAt: '2026-11-01T12:00:00Z' })).toEqual([]);
    expect(fields({ ...ok, linkCode: 'abc' })).toEqual([['linkCode', 'conversion.linkCode']]);
    expect(fields({ ...ok, linkCode: 'abc-123456' })).toEqual([['linkCode', 'conversion.linkCode']]);
    expect(fields({ ...ok, linkCode: 12345678 })).toEqual([['linkCode', 'conversion.linkCode']]);
    expect(fields({ eventId: 'e', type: 'lead' })).toEqual([['linkCode', 'field.required']]);
    expect(fields({ ...ok, eventId: 'has space' })).toEqual([['eventId', 'conversion.eventId']]);
    expect(fields({ ...ok, eventId: 'x'.repeat(201) })).toEqual([['eventId', 'conversion.eventId']]);
    expect(fields({ ...ok, type: 'sale' })).toEqual([['type', 'conversion.type']]);
    expect(fields({ ...ok, value: -1 })).toEqual([['value', 'points.notNegative']]);
    expect(fields({ ...ok, value: '10' })).toEqual([['value', 'field.number']]);
    expect(fields({ ...ok, value: 5, currency: 'eur' })).toEqual([['currency', 'conversion.currency']]);
    expect(fields({ ...ok, value: 5, currency: 'XYZ' })).toEqual([['currency', 'conversion.currency']]);
    expect(fields({ ...ok, currency: 'EUR' })).toEqual([['currency', 'conversion.currencyWithoutValue']]);
    expect(fields({ ...ok, occurredAt: '2026-02-30T10:00:00Z' })).toEqual([['occurredAt', 'field.isoDateTime']]);
    expect(fields({ ...ok, occurredAt: '2026-11-01' })).toEqual([['occurredAt', 'field.isoDateTime']]);
    expect(fields({ ...ok, email: 'reader@example.com' })).toEqual([['email', expect.any(String)]]);
  });
});

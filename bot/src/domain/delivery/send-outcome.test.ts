import { describe, expect, it } from 'vitest';
import { backoffMs, classifyAnswer, retryAfterMs } from './send-outcome.js';

const policy = { maxAttempts: 4, baseMs: 100, maxMs: 1000 };
const half = () => 0.5;

describe('what a Bot Connector answer means', () => {
  it('is done on 2xx', () => expect(classifyAnswer({ status: 201 }, 1)).toEqual({ kind: 'sent' }));

  it('waits as long as a 429 says, and slows the whole tenant', () => {
    expect(classifyAnswer({ status: 429, retryAfter: '2' }, 1, policy, half)).toEqual({ kind: 'retry', afterMs: 2000, throttled: true, reason: '429' });
    expect(classifyAnswer({ status: 429, retryAfter: '0.25' }, 1, policy, half)).toMatchObject({ afterMs: 250 });
  });

  it('holds the tenant back at least a second when a 429 gives no Retry-After', () => {
    expect(classifyAnswer({ status: 429 }, 3, policy, half)).toMatchObject({ kind: 'retry', afterMs: 1000, throttled: true });
    expect(classifyAnswer({ status: 429 }, 3, { maxAttempts: 9, baseMs: 1000, maxMs: 60_000 }, half)).toMatchObject({ afterMs: 2000 });
  });

  it.each([408, 412, 500, 502, 503, 504])('retries %i without slowing the tenant', (status) => {
    expect(classifyAnswer({ status }, 1, policy, half)).toMatchObject({ kind: 'retry', throttled: false });
  });

  it('retries when no answer arrived at all (connection refused, timeout)', () => {
    expect(classifyAnswer({ status: 0 }, 1, policy, half)).toMatchObject({ kind: 'retry', throttled: false, reason: 'no answer' });
    expect(classifyAnswer({ status: 0 }, 4, policy, half)).toEqual({ kind: 'failed', reason: 'no answer after 4 tries' });
  });

  it('gives up after the last attempt', () => {
    expect(classifyAnswer({ status: 503 }, 4, policy, half)).toEqual({ kind: 'failed', reason: '503 after 4 tries' });
  });

  it('marks blocked and gone conversations instead of retrying', () => {
    expect(classifyAnswer({ status: 403, errorCode: 'MessageWritesBlocked' }, 1)).toEqual({ kind: 'blocked' });
    expect(classifyAnswer({ status: 403, errorCode: 'ConversationBlockedByUser' }, 1)).toEqual({ kind: 'blocked' });
    expect(classifyAnswer({ status: 403, errorCode: 'BotNotInConversationRoster' }, 1)).toEqual({ kind: 'blocked' });
    expect(classifyAnswer({ status: 403, errorCode: 'BotDisabledByAdmin' }, 1)).toEqual({ kind: 'failed', reason: '403 BotDisabledByAdmin' });
    expect(classifyAnswer({ status: 404 }, 1)).toEqual({ kind: 'gone' });
    expect(classifyAnswer({ status: 403, errorCode: 'Forbidden' }, 1)).toMatchObject({ kind: 'failed' });
  });

  it('fails other client errors at once (e.g. 413 MessageSizeTooBig)', () => {
    expect(classifyAnswer({ status: 413, errorCode: 'MessageSizeTooBig' }, 1)).toEqual({ kind: 'failed', reason: '413 MessageSizeTooBig' });
  });
});

describe('timing helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('grows the backoff ceiling exponentially up to the maximum', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, policy, top))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

import { describe, expect, it } from 'vitest';
import { announceTime } from '@contract';
import type { Strings } from '../../../i18n/index.js';
import { resolveAnnounce } from './announce-choice-model.js';
import { isoWithOffset, toLocalInput } from './local-time.js';

const t = { announceAtAfterPublish: 'after publish', announceAtBeforeExpiry: 'before expiry' } as Strings;
const now = new Date('2026-05-04T10:00:30.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const limits = { notBefore: at(-600), expiresAt: null };

describe('the announce choice', () => {
  it('asks for now, for nothing, or for the time chosen', () => {
    expect(resolveAnnounce('now', '', limits, t, now)).toEqual({ ok: true, request: {} });
    expect(resolveAnnounce('none', '', limits, t, now)).toEqual({ ok: true, request: null });
    expect(resolveAnnounce('at', toLocalInput(at(60).toISOString()), limits, t, now)).toEqual({
      ok: true,
      request: { at: isoWithOffset(new Date(toLocalInput(at(60).toISOString()))) },
    });
  });

  it('refuses what the server refuses, with the same rule', () => {
    expect(resolveAnnounce('at', '', limits, t, now)).toEqual({ ok: false, error: 'after publish' });
    expect(resolveAnnounce('at', toLocalInput(at(-120).toISOString()), limits, t, now)).toEqual({ ok: false, error: 'after publish' });
    expect(resolveAnnounce('at', toLocalInput(at(60).toISOString()), { ...limits, notBefore: at(120) }, t, now)).toEqual({ ok: false, error: 'after publish' });
    expect(resolveAnnounce('at', toLocalInput(at(60).toISOString()), { ...limits, expiresAt: at(30).toISOString() }, t, now)).toEqual({
      ok: false,
      error: 'before expiry',
    });
    // the minute just begun is "now" for both (the server sends at once)
    const thisMinute = toLocalInput(now.toISOString());
    expect(announceTime(new Date(thisMinute), now, { notBefore: limits.notBefore }).ok).toBe(true);
    expect(resolveAnnounce('at', thisMinute, limits, t, now)).toEqual({ ok: true, request: {} });
  });
});

import { describe, expect, it } from 'vitest';
import { announceTime } from './announce-time.js';

const now = new Date('2026-05-04T10:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('announce time', () => {
  it('sends now when no time is given, or at the time chosen', () => {
    expect(announceTime(undefined, now)).toEqual({ ok: true, sendAt: now });
    expect(announceTime(minutes(90), now)).toEqual({ ok: true, sendAt: minutes(90) });
  });

  it('refuses a time in the past, but takes one less than a minute ago as now (slow clicks, clock skew)', () => {
    expect(announceTime(minutes(-60), now)).toEqual({ ok: false, problem: 'field.notPast' });
    expect(announceTime(new Date(now.getTime() - 60_001), now)).toEqual({ ok: false, problem: 'field.notPast' });
    expect(announceTime(new Date(now.getTime() - 30_000), now)).toEqual({ ok: true, sendAt: now });
  });

  it('never announces an item before it goes live: "now" waits for it, an earlier time is refused', () => {
    const notBefore = minutes(120);
    expect(announceTime(undefined, now, { notBefore })).toEqual({ ok: true, sendAt: notBefore });
    expect(announceTime(minutes(60), now, { notBefore })).toEqual({ ok: false, problem: 'announce.beforePublish' });
    expect(announceTime(minutes(180), now, { notBefore })).toEqual({ ok: true, sendAt: minutes(180) });
    // published a while ago: any time from now on
    expect(announceTime(minutes(5), now, { notBefore: minutes(-600) })).toEqual({ ok: true, sendAt: minutes(5) });
  });

  it('refuses a send time at or after the item expires or the session starts', () => {
    const expiry = { at: minutes(60), problem: 'announce.beforeItemExpires' as const };
    expect(announceTime(minutes(60), now, { before: expiry })).toEqual({ ok: false, problem: 'announce.beforeItemExpires' });
    expect(announceTime(minutes(59), now, { before: expiry })).toEqual({ ok: true, sendAt: minutes(59) });
    // "now" for an item going live after it expires
    expect(announceTime(undefined, now, { notBefore: minutes(61), before: expiry })).toEqual({ ok: false, problem: 'announce.beforeItemExpires' });
    const start = { at: minutes(30), problem: 'training.beforeStart' as const };
    expect(announceTime(minutes(30), now, { before: start })).toEqual({ ok: false, problem: 'training.beforeStart' });
  });

  it('names the past before anything else', () => {
    expect(announceTime(minutes(-60), now, { notBefore: minutes(60), before: { at: minutes(-90), problem: 'training.beforeStart' } })).toEqual({
      ok: false,
      problem: 'field.notPast',
    });
  });
});

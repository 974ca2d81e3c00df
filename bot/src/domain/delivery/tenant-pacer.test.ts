import { describe, expect, it } from 'vitest';
import { TenantPacer } from './tenant-pacer.js';

function mostInAnySecond(times: number[], windowMs = 1000): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('tenant pacer', () => {
  it('starts at half pace for half a second, then spaces sends evenly just under the limit', () => {
    let t = 0;
    const pacer = new TenantPacer(50, () => t, 1);
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 40, 80]);
    t = 1000;
    // Idle time is not saved up as a burst.
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 20, 40]);
  });

  it('never lets more than the limit through in any second, even when everything is asked for at once', () => {
    const t = 0;
    const pacer = new TenantPacer(50, () => t);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) times.push(t + pacer.reserve());
    expect(mostInAnySecond(times)).toBeLessThanOrEqual(50);
  });

  it('keeps its cadence when the sender wakes up a little late, and still never exceeds the limit', () => {
    let t = 0;
    const pacer = new TenantPacer(200, () => t);
    const sentAt: number[] = [];
    for (let i = 0; i < 2000; i++) {
      t += pacer.reserve();
      pacer.sent();
      sentAt.push(t);
      t += 1.3; // every timer fires 1.3 ms late
    }
    const steady = sentAt.filter((x) => x >= 500);
    const seconds = (steady.at(-1)! - steady[0]!) / 1000;
    expect(steady.length / seconds).toBeGreaterThan(0.96 * 200);
    expect(mostInAnySecond(sentAt, 1019.9)).toBeLessThanOrEqual(198);
    expect(sentAt.filter((x) => x < 500).length).toBeLessThanOrEqual(50); // the slow start
  });

  it('keeps one send of margin in every second, even when a stalled sender catches up', () => {
    let t = 0;
    const pacer = new TenantPacer(50, () => t);
    const sentAt: number[] = [];
    for (let i = 0; i < 600; i++) {
      t += pacer.reserve();
      pacer.sent();
      sentAt.push(t);
      t += i % 25 === 0 ? 40 : 0.5; // now and then the event loop stalls
    }
    // 49 in any 1 s + 20 ms: a request arriving a little late still finds Teams' 50 free.
    expect(mostInAnySecond(sentAt, 1019.9)).toBeLessThanOrEqual(49);
  });

  it('saves up no burst after a quiet spell', () => {
    let t = 0;
    const pacer = new TenantPacer(50, () => t);
    pacer.reserve();
    t = 60_000;
    const waits = Array.from({ length: 5 }, () => pacer.reserve());
    expect(waits[0]).toBe(0);
    // at most the small lag allowance is caught up; then the steady interval of ~20.4 ms
    expect(waits[2]! - waits[1]!).toBeCloseTo(1000 / 49, 5);
    expect(waits[1]).toBeGreaterThan(1000 / 49 - 16);
  });

  it('holds the whole tenant back after a 429', () => {
    const t = 0;
    const pacer = new TenantPacer(50, () => t, 1);
    pacer.reserve();
    pacer.throttle(2000);
    expect(pacer.reserve()).toBe(2000);
    expect(pacer.reserve()).toBe(2020); // past the slow start: the normal interval
  });

  it('refuses a nonsensical rate', () => {
    expect(() => new TenantPacer(0, () => 0)).toThrow();
  });
});

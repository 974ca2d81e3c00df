import { describe, expect, it } from 'vitest';
import { TenantPacer } from './tenant-pacer.js';

describe('tenant pacer', () => {
  it('spaces sends evenly just under the limit', () => {
    let t = 0;
    const pacer = new TenantPacer(50, () => t, 1);
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 20, 40]);
    t = 1000;
    // Idle time is not saved up as a burst.
    expect([pacer.reserve(), pacer.reserve()]).toEqual([0, 20]);
  });

  it('never lets more than the limit through in any second', () => {
    const t = 0;
    const pacer = new TenantPacer(50, () => t);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) times.push(t + pacer.reserve());
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((x) => x >= (times[i] as number) && x < (times[i] as number) + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(50);
    }
  });

  it('holds the whole tenant back after a 429', () => {
    const t = 0;
    const pacer = new TenantPacer(50, () => t, 1);
    pacer.reserve();
    pacer.throttle(2000);
    expect(pacer.reserve()).toBe(2000);
    expect(pacer.reserve()).toBe(2020);
  });

  it('refuses a nonsensical rate', () => {
    expect(() => new TenantPacer(0, () => 0)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { lastMonth, monthRange } from './report-page.js';

describe('the monthly report', () => {
  it('defaults to the month before, across a year', () => {
    expect(lastMonth('2026-12-07')).toBe('2026-11');
    expect(lastMonth('2027-01-31')).toBe('2026-12');
  });

  it('covers a whole month, leap days included', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

import { describe, expect, it } from 'vitest';
import { de } from './de/index.js';
import { en } from './en/index.js';
import { plural } from './plural.js';

describe('the dictionaries', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('count with the language’s plural rules and number format', () => {
    expect(en.clicks(1)).toBe('1 click');
    expect(en.clicks(3)).toBe('3 clicks');
    expect(en.clicks(1234)).toBe('1,234 clicks');
    expect(de.clicks(1)).toBe('1 Klick');
    expect(de.clicks(1234)).toBe('1.234 Klicks');
    expect(de.trainingSeatsLeft(1)).toBe('Noch 1 Platz frei');
    expect(en.trainingSeatsLeft(0)).toBe('0 seats left');
    expect(plural('en')(2, { one: '# day', other: '# days' })).toBe('2 days');
  });
});

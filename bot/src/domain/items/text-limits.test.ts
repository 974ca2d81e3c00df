import { describe, expect, it } from 'vitest';
import { checkPostText, xTweetLength } from './text-limits.js';

describe('network text limits', () => {
  it('counts the link as 23 characters on X, plus a space', () => {
    expect(xTweetLength('Hello')).toBe(5 + 1 + 23);
    expect(xTweetLength('')).toBe(23);
  });

  it('counts hashtags as " #tag" on X', () => {
    expect(xTweetLength('Hi', ['a', 'bc'])).toBe(2 + 1 + 23 + 3 + 4);
  });

  it('counts emoji and umlauts as one character each', () => {
    expect(checkPostText('linkedin', 'Grüße 👋').count).toBe(7);
  });

  it('allows exactly 280 on X and refuses 281', () => {
    expect(checkPostText('x', 'a'.repeat(256)).tooLong).toBe(false);
    expect(checkPostText('x', 'a'.repeat(257)).tooLong).toBe(true);
  });

  it('flags LinkedIn text past the "see more" fold without calling it too long', () => {
    const c = checkPostText('linkedin', 'a'.repeat(211));
    expect(c.pastFold).toBe(true);
    expect(c.tooLong).toBe(false);
    expect(checkPostText('linkedin', 'a'.repeat(210)).pastFold).toBe(false);
  });
});

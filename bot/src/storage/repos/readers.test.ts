import { describe, expect, it } from 'vitest';
import { readerMark } from './readers.js';

describe('reader mark', () => {
  const key = Buffer.alloc(32, 7);
  const ua = 'Mozilla/5.0 (X11; Linux x86_64)';

  it('is the same for the same reader, link and day key, and 128 bits long', () => {
    const mark = readerMark(key, 'AAAAAAAAAA', '203.0.113.9', ua);
    expect(mark).toMatch(/^[0-9a-f]{32}$/);
    expect(readerMark(key, 'AAAAAAAAAA', '203.0.113.9', ua)).toBe(mark);
  });

  it('differs with the address, the user agent, the link and the day key', () => {
    const mark = readerMark(key, 'AAAAAAAAAA', '203.0.113.9', ua);
    expect(readerMark(key, 'AAAAAAAAAA', '203.0.113.8', ua)).not.toBe(mark);
    expect(readerMark(key, 'AAAAAAAAAA', '203.0.113.9', `${ua} Firefox`)).not.toBe(mark);
    expect(readerMark(key, 'BBBBBBBBBB', '203.0.113.9', ua)).not.toBe(mark);
    expect(readerMark(Buffer.alloc(32, 8), 'AAAAAAAAAA', '203.0.113.9', ua)).not.toBe(mark);
  });

  it('keeps the address and the user agent apart (no ambiguity at the separator)', () => {
    expect(readerMark(key, 'AAAAAAAAAA', '1.2.3.4', '5 x')).not.toBe(readerMark(key, 'AAAAAAAAAA', '1.2.3.4 5', 'x'));
  });
});

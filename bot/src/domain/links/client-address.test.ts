import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.js';

describe('client address', () => {
  it('is the socket peer unless proxies are trusted', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxy appended, not what the client claims', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.1, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', ['198.51.100.1', '203.0.113.9, 10.1.1.1'], 2)).toBe('203.0.113.9');
  });

  it('drops the port Azure App Service adds', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9:51234', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '[2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.5', '2001:db8::1', 1)).toBe('2001:db8::1');
  });

  it('falls back to the first entry when there are fewer hops than trusted', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 3)).toBe('203.0.113.9');
  });
});

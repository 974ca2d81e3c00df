import { describe, expect, it } from 'vitest';
import { storedUrl, storedUrls, urlProblem } from './stored-url.js';

const prod = { allowHttpLocalhost: false };
const dev = { allowHttpLocalhost: true };

describe('stored URLs', () => {
  it('accepts https', () => expect(urlProblem('https://contoso.example/a?b=c', prod)).toBeUndefined());
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://x.example', 'http://contoso.example'])(
    'refuses %s',
    (url) => expect(urlProblem(url, prod)).toBe('must start with https://'),
  );
  it('refuses text that is no URL', () => expect(urlProblem('not a url', prod)).toBe('is not a valid URL'));
  it('refuses credentials in the URL', () => expect(urlProblem('https://user:pw@contoso.example', prod)).toMatch(/user name/));
  it('allows http on localhost in development only', () => {
    expect(urlProblem('http://localhost:3978/x', dev)).toBeUndefined();
    expect(urlProblem('http://localhost:3978/x', prod)).toBeDefined();
    expect(urlProblem('http://intranet.contoso.example', dev)).toBeDefined();
  });

  it('stores what the parser makes of it: pure ASCII, safe in a Location header', () => {
    const result = storedUrl('  https://Example.com/oświadczenie?q=ä#teil  ', prod);
    expect(result).toEqual({ ok: true, url: 'https://example.com/o%C5%9Bwiadczenie?q=%C3%A4#teil' });
    expect(storedUrl('https://bücher.example/', prod)).toEqual({ ok: true, url: 'https://xn--bcher-kva.example/' });
    if (result.ok) expect(result.url).toMatch(/^[\x21-\x7e]+$/);
  });

  it('refuses line breaks, tabs, NUL and other control characters instead of dropping them', () => {
    for (const raw of ['https://example.com/a\r\nSet-Cookie: x=1', 'https://example.com/\ta', 'https://example.com/\u0000', 'https://example.com/\u0085']) {
      expect(urlProblem(raw, prod)).toBe('must not contain control characters or line breaks');
    }
    expect(storedUrl('https://example.com/a b', prod)).toEqual({ ok: true, url: 'https://example.com/a%20b' });
  });

  it('checks several fields at once and names each refused one', () => {
    expect(storedUrls({ a: 'https://x.example/ä', b: null, c: 'javascript:1' }, prod)).toEqual({
      urls: { a: 'https://x.example/%C3%A4', b: null },
      problems: { c: 'must start with https://' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { urlProblem } from './destination-url.js';

const prod = { allowHttpLocalhost: false };
const dev = { allowHttpLocalhost: true };

describe('destination URLs', () => {
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
});

import { describe, expect, it } from 'vitest';
import { clipboardText, shareTarget } from './share-target.js';

const link = 'https://chorus.contoso.com/l/AbCdEf2345';

describe('share targets', () => {
  it('pre-fills text, link and hashtags on X', () => {
    const url = new URL(shareTarget('x', link, ' My words ', ['jobs', 'Berlin']));
    expect(url.origin + url.pathname).toBe('https://x.com/intent/tweet');
    expect(url.searchParams.get('text')).toBe('My words');
    expect(url.searchParams.get('url')).toBe(link);
    expect(url.searchParams.get('hashtags')).toBe('jobs,Berlin');
  });

  it.each([
    ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/', 'url'],
    ['facebook', 'https://www.facebook.com/sharer/sharer.php', 'u'],
    ['xing', 'https://www.xing.com/spi/shares/new', 'url'],
  ] as const)('gives %s only the tracked link', (network, base, param) => {
    const url = new URL(shareTarget(network, link, 'ignored text', ['x']));
    expect(url.origin + url.pathname).toBe(base);
    expect([...url.searchParams.keys()]).toEqual([param]);
    expect(url.searchParams.get(param)).toBe(link);
  });

  it('puts hashtags under the text for the clipboard', () => {
    expect(clipboardText('Look at this', ['jobs', 'Berlin'])).toBe('Look at this\n\n#jobs #Berlin');
    expect(clipboardText('', [])).toBe('');
  });
});

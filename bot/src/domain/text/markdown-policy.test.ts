import { describe, expect, it } from 'vitest';
import { markdownToBlocks, markdownToHtml } from './markdown-policy.js';

/** Everything an admin could write that must never become a live link, markup or script. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">raw</a>',
  '[x](javascript:alert(1))',
  '[nested](javascript:alert((1)))',
  '[ref][evil]\n\n[evil]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '[y](data:text/html,hi)',
  '[z](ftp://example.com)',
  '[plain](http://example.com/not-tls)',
  '![img](https://evil.example/pixel.png)',
].join('\n\n');

describe('the Markdown policy as HTML (tab pages, share pages)', () => {
  it('renders emphasis, lists and safe links', () => {
    const html = markdownToHtml('**Do not** comment.\n\n- Ask [the press office](https://example.com/press)\n- or [mail](mailto:press@example.com)');
    expect(html).toContain('<strong>Do not</strong>');
    expect(html).toContain('<li>');
    expect(html).toContain('<a href="https://example.com/press" rel="noopener noreferrer" target="_blank">the press office</a>');
    expect(html).toContain('href="mailto:press@example.com"');
  });

  it('shows raw HTML as text and links nothing but https and mailto', () => {
    const html = markdownToHtml(HOSTILE);
    expect(html).not.toMatch(/<script|<img src=x|<iframe|<a href="javascript/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="(javascript|data|ftp|http:)/);
    // Pictures only from https (the tab's CSP allows nothing else either).
    expect([...html.matchAll(/<img src="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://evil.example/pixel.png']);
  });
});

describe('the Markdown policy as text blocks (cards)', () => {
  it('keeps paragraphs, headings, list markers, emphasis and allowed links', () => {
    const blocks = markdownToBlocks('# Heads up\n\n**Do not** comment _now_.\n\n- Ask [the press](https://example.com/p(a)b)\n- or [mail](mailto:p@example.com)\n\n3. third\n4. fourth');
    expect(blocks).toEqual([
      { kind: 'heading', depth: 0, spans: [{ text: 'Heads up' }] },
      { kind: 'paragraph', depth: 0, spans: [{ text: 'Do not', strong: true }, { text: ' comment ' }, { text: 'now', em: true }, { text: '.' }] },
      { kind: 'item', marker: '•', depth: 0, spans: [{ text: 'Ask ' }, { text: 'the press', href: 'https://example.com/p(a)b' }] },
      { kind: 'item', marker: '•', depth: 0, spans: [{ text: 'or ' }, { text: 'mail', href: 'mailto:p@example.com' }] },
      { kind: 'item', marker: '3.', depth: 0, spans: [{ text: 'third' }] },
      { kind: 'item', marker: '4.', depth: 0, spans: [{ text: 'fourth' }] },
    ]);
  });

  it('lets through no link but https and mailto, however the link is written, and no markup', () => {
    const spans = markdownToBlocks(HOSTILE).flatMap((b) => b.spans);
    expect(spans.filter((s) => s.href)).toEqual([]);
    // Raw HTML and refused links stay readable as the text the admin typed.
    const text = spans.map((s) => s.text).join(' ');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('[x](javascript:alert(1))');
    // The image is its description, never a picture loaded from elsewhere.
    expect(text).toContain('img');
    expect(text).not.toContain('pixel.png');
  });
});

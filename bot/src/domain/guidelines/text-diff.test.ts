import { describe, expect, it } from 'vitest';
import { inLanguage, readingLanguage, sameContent } from './guideline-rules.js';
import { hasChanges, textDiff } from './text-diff.js';

describe('textDiff', () => {
  it('marks added and removed words and keeps the rest, newlines included', () => {
    const parts = textDiff('Ask the press office.\n\nNever share numbers.', 'Ask the communications team.\n\nNever share numbers.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['press office']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['communications team']);
    // The newer text is exactly what is not removed.
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Ask the communications team.\n\nNever share numbers.');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('Ask the press office.\n\nNever share numbers.');
  });

  it('says "no change" for equal texts and handles empty ones', () => {
    expect(hasChanges(textDiff('same', 'same'))).toBe(false);
    expect(textDiff('', '')).toEqual([]);
    expect(textDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
  });

  it('gives up on a slow diff: the whole old text removed, the whole new one added', () => {
    const a = Array.from({ length: 4000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, i) => `b${i}`).join(' ');
    const parts = textDiff(a, b, 0);
    expect(parts).toEqual([{ kind: 'removed', text: a }, { kind: 'added', text: b }]);
  });
});

describe('guideline languages', () => {
  it('falls back to the other language when one is not written', () => {
    expect(inLanguage({ de: '', en: 'Hello' }, 'de')).toBe('Hello');
    expect(readingLanguage({ de: '', en: 'Hello' }, 'de')).toBe('en');
    expect(readingLanguage({ de: 'Hallo', en: 'Hello' }, 'de')).toBe('de');
  });

  it('counts a save as new only when a title or text changed', () => {
    const v = { title: { de: 'T', en: 'T' }, body: { de: 'B', en: 'B' } };
    expect(sameContent(v, { ...v })).toBe(true);
    expect(sameContent(v, { ...v, body: { de: 'B', en: 'B2' } })).toBe(false);
  });
});

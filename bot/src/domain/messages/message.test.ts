import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import { isMessageKey, msg, render } from './message.js';

describe('messages by key', () => {
  it('renders a key with its parameters in either language', () => {
    expect(render(msg('field.maxChars', { max: 140 }), 'en')).toBe('at most 140 characters');
    expect(render(msg('field.maxChars', { max: 140 }), 'de')).toBe('höchstens 140 Zeichen');
    expect(render(msg('notFound.Step'), 'de')).toBe('Schritt nicht gefunden');
  });

  it('uses the same parameters in German as in English', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      if (key === 'zod.issue') continue; // picks its own language's text
      expect(names(de[key]), key).toEqual(names(en[key]));
    }
  });

  it('knows its keys and nothing else', () => {
    expect(isMessageKey('field.required')).toBe(true);
    expect(isMessageKey('is required')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});

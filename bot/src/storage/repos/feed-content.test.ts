import { describe, expect, it } from 'vitest';
import { FeedContentCache, type FeedContent } from './feed-content.js';

const item = (id: string, title = `Item ${id}`): FeedContent => ({
  id, kind: 'article', title, url: `https://www.contoso.example/${id}`, why: 'Why', imageUrl: null, language: 'en',
  topics: [], hashtags: [], posts: {}, publishAt: '2026-12-01T09:00:00.000Z', expiresAt: null,
});

describe('what the feed keeps of items', () => {
  it('serves what was stored for the same version, and reports the rest as missing', () => {
    const cache = new FeedContentCache();
    expect(cache.lookup(3n, ['a', 'b']).missing).toEqual(['a', 'b']);
    cache.store(3n, [item('a')]);
    const { found, missing } = cache.lookup(3n, ['a', 'b']);
    expect([...found.keys()]).toEqual(['a']);
    expect(missing).toEqual(['b']);
  });

  it('drops everything once a newer version is seen: any item may have changed', () => {
    const cache = new FeedContentCache();
    cache.lookup(3n, ['a']);
    cache.store(3n, [item('a', 'Old title')]);
    expect(cache.lookup(4n, ['a']).missing).toEqual(['a']);
    expect(cache.size).toBe(0);
  });

  it('keeps nothing read for an older version than the newest seen, and serves nothing to it', () => {
    const cache = new FeedContentCache();
    cache.lookup(4n, ['a']);
    cache.store(4n, [item('a', 'New title')]);
    // A slow request that read version 3 before the edit committed.
    expect(cache.lookup(3n, ['a']).missing).toEqual(['a']);
    cache.store(3n, [item('a', 'Old title')]);
    expect(cache.lookup(4n, ['a']).found.get('a')?.title).toBe('New title');
  });

  it('holds at most its capacity, the oldest stored going first', () => {
    const cache = new FeedContentCache(2);
    cache.lookup(1n, []);
    cache.store(1n, [item('a'), item('b')]);
    cache.store(1n, [item('c')]);
    expect(cache.size).toBe(2);
    expect(cache.lookup(1n, ['a', 'b', 'c']).missing).toEqual(['a']);
  });
});

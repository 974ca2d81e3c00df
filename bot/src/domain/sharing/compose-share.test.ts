import { describe, expect, it } from 'vitest';
import { composeShare, isEdited, suggestedText } from './compose-share.js';

const item = { posts: { linkedin: 'Long LinkedIn text', x: 'Short' }, hashtags: ['jobs'] };
const link = 'https://chorus.example/l/AbCdEf2345';

describe('composing a share', () => {
  it('offers the network’s own suggestion, else the closest one', () => {
    expect(suggestedText(item.posts, 'x')).toBe('Short');
    expect(suggestedText(item.posts, 'xing')).toBe('Long LinkedIn text');
    expect(suggestedText({}, 'facebook')).toBe('');
  });

  it('notices when the person wrote their own words, ignoring surrounding spaces', () => {
    expect(isEdited(item.posts, 'x', '  Short ')).toBe(false);
    expect(isEdited(item.posts, 'x', 'Short — and I love this team')).toBe(true);
  });

  it('fills X directly and hands the other networks’ text to the clipboard', () => {
    const x = composeShare(item, 'x', 'Mine', link);
    expect(x.clipboard).toBeNull();
    expect(new URL(x.target).searchParams.get('text')).toBe('Mine');
    const linkedin = composeShare(item, 'linkedin', 'Mine', link);
    expect(linkedin.clipboard).toBe('Mine\n\n#jobs');
    expect(new URL(linkedin.target).searchParams.get('url')).toBe(link);
  });
});

import type { Network } from '../sharing/networks.js';

/** X counts every link as 23 characters, whatever its real length (t.co wrapping). */
export const X_LINK_LENGTH = 23;
export const X_MAX = 280;
/** LinkedIn folds a post after about this many characters behind "…see more". */
export const LINKEDIN_FOLD = 210;
export const FACEBOOK_FOLD = 480;

/** Hard limits per network for the suggested text (what the network itself accepts). */
export const POST_MAX: Record<Network, number> = { linkedin: 3000, x: X_MAX, facebook: 5000, xing: 3000 };

/** Characters as people (and X, for most scripts) count them: code points, not UTF-16 units. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Length of the tweet X will build from text + link + hashtags (each hashtag as " #tag"). */
export function xTweetLength(text: string, hashtags: readonly string[] = []): number {
  const tags = hashtags.reduce((sum, tag) => sum + 2 + charCount(tag), 0);
  const body = charCount(text.trim());
  return body + (body > 0 ? 1 : 0) + X_LINK_LENGTH + tags;
}

export interface TextCheck {
  count: number;
  max: number;
  /** Over the hard limit: the network will refuse or cut the post. */
  tooLong: boolean;
  /** A soft fold ("see more") the text passes; a hint, not an error. */
  foldAt?: number;
  pastFold: boolean;
}

/** The numbers a writer needs while typing, for one network. */
export function checkPostText(network: Network, text: string, hashtags: readonly string[] = []): TextCheck {
  if (network === 'x') {
    const count = xTweetLength(text, hashtags);
    return { count, max: X_MAX, tooLong: count > X_MAX, pastFold: false };
  }
  const count = charCount(text);
  const foldAt = network === 'linkedin' ? LINKEDIN_FOLD : network === 'facebook' ? FACEBOOK_FOLD : undefined;
  return {
    count,
    max: POST_MAX[network],
    tooLong: count > POST_MAX[network],
    ...(foldAt !== undefined ? { foldAt } : {}),
    pastFold: foldAt !== undefined && count > foldAt,
  };
}

import type { Posts } from '../model/items.js';
import { TEXT_VIA_CLIPBOARD, type Network } from './networks.js';
import { clipboardText, shareTarget } from './share-target.js';

/** The suggestion for a network, else the closest one the content team wrote. */
export function suggestedText(posts: Posts, network: Network): string {
  const order: Network[] = [network, 'linkedin', 'xing', 'facebook', 'x'];
  for (const n of order) {
    const text = posts[n];
    if (text) return text;
  }
  return '';
}

/** Whether the person changed the suggestion: the only trace of their words Chorus keeps. */
export function isEdited(posts: Posts, network: Network, text: string): boolean {
  return text.trim() !== suggestedText(posts, network).trim();
}

export interface ComposedShare {
  /** The network's share dialog carrying the tracked link. */
  target: string;
  /** For networks that take no text: what goes to the clipboard first. */
  clipboard: string | null;
}

/** What "Post on <network>" does with the person's text and their tracked link. */
export function composeShare(
  item: { posts: Posts; hashtags: readonly string[] },
  network: Network,
  text: string,
  trackedLink: string,
): ComposedShare {
  return {
    target: shareTarget(network, trackedLink, text, item.hashtags),
    clipboard: TEXT_VIA_CLIPBOARD.has(network) ? clipboardText(text, item.hashtags) : null,
  };
}

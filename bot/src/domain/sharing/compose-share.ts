import type { Disclosure } from '../model/campaigns.js';
import type { Posts } from '../model/items.js';
import { enforceDisclosure, withDisclosure } from '../campaigns/disclosure.js';
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

/** The suggested post as people get it: with the disclosure at its end while one applies (once). */
export function suggestedPost(posts: Posts, network: Network, disclosure: Disclosure | null = null): string {
  const text = suggestedText(posts, network);
  return disclosure ? withDisclosure(text, disclosure.text) : text;
}

/** Whether the person changed the suggestion: the only trace of their words Chorus keeps. */
export function isEdited(posts: Posts, network: Network, text: string, disclosure: Disclosure | null = null): boolean {
  return text.trim() !== suggestedPost(posts, network, disclosure).trim();
}

export interface ComposedShare {
  /** The network's share dialog carrying the tracked link. */
  target: string;
  /** For networks that take no text: what goes to the clipboard first. */
  clipboard: string | null;
}

/**
 * What "Post on <network>" does with the person's text and their tracked link. While a
 * disclosure applies that people may not remove, it stays in the post whatever they wrote.
 */
export function composeShare(
  item: { posts: Posts; hashtags: readonly string[] },
  network: Network,
  written: string,
  trackedLink: string,
  disclosure: Disclosure | null = null,
): ComposedShare {
  const text = enforceDisclosure(written, disclosure);
  return {
    target: shareTarget(network, trackedLink, text, item.hashtags),
    clipboard: TEXT_VIA_CLIPBOARD.has(network) ? clipboardText(text, item.hashtags) : null,
  };
}

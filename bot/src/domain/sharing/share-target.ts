import type { Network } from './networks.js';

/**
 * The address of the network's own share dialog. Only these four fixed hosts are ever
 * built here; the shared link is always Chorus's own tracked link.
 */
export function shareTarget(network: Network, trackedLink: string, text: string, hashtags: readonly string[]): string {
  const u = encodeURIComponent;
  switch (network) {
    case 'x': {
      const params = new URLSearchParams({ text: text.trim(), url: trackedLink });
      if (hashtags.length > 0) params.set('hashtags', hashtags.join(','));
      return `https://x.com/intent/tweet?${params.toString()}`;
    }
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${u(trackedLink)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u(trackedLink)}`;
    case 'xing':
      return `https://www.xing.com/spi/shares/new?url=${u(trackedLink)}`;
  }
}

/** What goes to the clipboard for networks that take no text: the words plus hashtags. */
export function clipboardText(text: string, hashtags: readonly string[]): string {
  const tags = hashtags.map((t) => `#${t}`).join(' ');
  return [text.trim(), tags].filter(Boolean).join('\n\n');
}

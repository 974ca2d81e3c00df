import type { FeedItem } from '../../domain/model/items.js';

/** What the feed shows of an item: the same for everyone who sees it. */
export type FeedContent = Omit<FeedItem, 'mine'>;

/**
 * What the feed shows of each item, kept per process (issue 13 §6): a page needs twenty
 * items' titles, texts and suggested posts, which change only when an editor saves, and
 * reading them took half of the feed's time in Postgres. Stored under the value of
 * `item_versions.items` (migration 024) that the page's own statement read: every write to
 * items or their posts raises it on every instance's next page, and then everything kept
 * under an older value is dropped. Versions only grow; content read for an older version
 * than the newest seen serves its own request but is not kept. At most `capacity` items
 * (the oldest stored go first).
 */
export class FeedContentCache {
  private version = -1n;
  private readonly items = new Map<string, FeedContent>();

  constructor(private readonly capacity = 2_000) {}

  /** The items kept for `version` (which becomes the current one when newer), and the ids not kept. */
  lookup(version: bigint, ids: readonly string[]): { found: Map<string, FeedContent>; missing: string[] } {
    if (version > this.version) {
      this.version = version;
      this.items.clear();
    }
    const found = new Map<string, FeedContent>();
    const missing: string[] = [];
    for (const id of ids) {
      const item = version === this.version ? this.items.get(id) : undefined;
      if (item) found.set(id, item);
      else missing.push(id);
    }
    return { found, missing };
  }

  /** Keeps items read after `version` was: only while that is still the current version. */
  store(version: bigint, items: readonly FeedContent[]): void {
    if (version !== this.version) return;
    for (const item of items) this.items.set(item.id, item);
    for (const id of this.items.keys()) {
      if (this.items.size <= this.capacity) break;
      this.items.delete(id);
    }
  }

  get size(): number {
    return this.items.size;
  }
}

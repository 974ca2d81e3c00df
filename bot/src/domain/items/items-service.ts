import type { AdminItem, ItemInput } from '../model/items.js';
import { audienceWarnings, type AudienceDirectory, type SaveWarning } from '../audiences/audience-warnings.js';
import { invalid, notFound } from '../errors.js';
import { msg, type Message } from '../messages/message.js';
import { campaignSlug } from '../links/utm.js';
import { NETWORKS } from '../sharing/networks.js';
import { checkUrls, type UrlPolicy } from '../urls/stored-url.js';
import { checkPostText, LINKEDIN_FOLD } from './text-limits.js';

/** What the items rules need from storage. */
export interface ItemStore {
  create(rec: ItemRecordLike, campaign: string, createdBy: string): Promise<string>;
  update(id: string, rec: ItemRecordLike): Promise<boolean>;
  setStatus(id: string, status: AdminItem['status'], publishAt?: Date): Promise<boolean>;
  adminGet(id: string): Promise<AdminItem | undefined>;
}

export interface TopicCatalog {
  unknown(ids: readonly string[]): Promise<string[]>;
}

export type ItemRecordLike = Omit<ItemInput, 'imageUrl' | 'expiresAt'> & { imageUrl: string | null; expiresAt: string | null };

/** A hint about a saved item (not an error), by key: the edge words it in the admin's language. */
export type ItemWarning = SaveWarning;

export interface SavedItemWithWarnings {
  item: AdminItem;
  warnings: ItemWarning[];
}

export interface ItemsDeps {
  items: ItemStore;
  audiences?: AudienceDirectory;
  topics: TopicCatalog;
  urlPolicy: UrlPolicy;
  now: () => Date;
}

export function itemsService({ items, topics, urlPolicy, now, audiences }: ItemsDeps) {
  async function check(input: ItemInput, current?: AdminItem): Promise<{ record: ItemRecordLike; warnings: ItemWarning[] }> {
    const { urls, reasons } = checkUrls({ url: input.url, imageUrl: input.imageUrl }, urlPolicy);
    const fields: Record<string, Message> = { ...reasons };
    const unknownTopics = await topics.unknown(input.topics);
    if (unknownTopics.length > 0) fields.topics = msg('item.unknownTopic', { topics: unknownTopics.join(', ') });
    if (input.expiresAt && new Date(input.expiresAt) <= now()) fields.expiresAt = msg('field.future');
    else if (input.expiresAt && current?.publishAt && new Date(input.expiresAt) <= new Date(current.publishAt)) {
      fields.expiresAt = msg('item.afterPublish');
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);

    const warnings: ItemWarning[] = [];
    const linkedin = input.posts.linkedin;
    if (linkedin && checkPostText('linkedin', linkedin).pastFold) {
      warnings.push({
        field: 'posts.linkedin',
        reason: msg('item.linkedinFold', { max: LINKEDIN_FOLD }),
      });
    }
    if (!NETWORKS.some((n) => input.posts[n])) {
      warnings.push({ field: 'posts', reason: msg('item.noPosts') });
    }
    warnings.push(...(await audienceWarnings(audiences, input.audience)));
    return {
      record: { ...input, url: urls.url ?? input.url, imageUrl: urls.imageUrl || null, expiresAt: input.expiresAt ?? null, topics: [...new Set(input.topics)] },
      warnings,
    };
  }

  async function get(id: string): Promise<AdminItem> {
    const item = await items.adminGet(id);
    if (!item) throw notFound('Item');
    return item;
  }

  return {
    get,
    async create(input: ItemInput, createdBy: string): Promise<SavedItemWithWarnings> {
      const { record, warnings } = await check(input);
      const id = await items.create(record, campaignSlug(input.title), createdBy);
      return { item: await get(id), warnings };
    },

    async update(id: string, input: ItemInput): Promise<SavedItemWithWarnings> {
      const current = await get(id);
      const { record, warnings } = await check(input, current);
      await items.update(id, record);
      return { item: await get(id), warnings };
    },

    /** Now, or at a future time (scheduled). Republishing an archived item is allowed. */
    async publish(id: string, at?: string): Promise<AdminItem> {
      const item = await get(id);
      const when = at ? new Date(at) : now();
      const scheduled = when.getTime() > now().getTime();
      if (item.expiresAt && new Date(item.expiresAt) <= when) {
        throw invalid({ at: 'item.beforeExpiry' }, 'item.expiresBeforePublish');
      }
      await items.setStatus(id, scheduled ? 'scheduled' : 'published', scheduled ? when : now());
      return get(id);
    },

    async archive(id: string): Promise<AdminItem> {
      await get(id);
      await items.setStatus(id, 'archived');
      return get(id);
    },
  };
}
export type ItemsService = ReturnType<typeof itemsService>;

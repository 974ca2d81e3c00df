import type { ItemKind } from '@contract';
import { plural } from '../plural.js';

const count = plural('en');

export const feed = {
  feedTitle: 'Worth sharing',
  feedIntro: 'News, jobs and events from our company. Share what you like, in your own words — if you want to.',
  search: 'Search',
  searchPlaceholder: 'Search titles and descriptions',
  topics: 'Topics',
  allTopics: 'All topics',
  share: 'Share',
  shareAria: (title: string) => `Share ${title}`,
  whyShare: 'Why share?',
  sharedOn: (networks: string, clicks: string) => `Shared ✓ on ${networks} · ${clicks}`,
  clicks: (n: number) => count(n, { one: '# click', other: '# clicks' }),
  shares: (n: number) => count(n, { one: '# share', other: '# shares' }),
  loadMore: 'Load more',
  emptyFeedTitle: 'Nothing here for these filters',
  emptyFeedBody: 'Try another topic or search word, or clear the filters to see everything you can share.',
  emptyFeedNoFilters: 'Nothing to share right now. New content shows up here as soon as the team publishes it.',
  clearFilters: 'Clear filters',
  shareLinkFailed: 'The share page could not be opened.',
  expires: (date: string) => `Until ${date}`,
  kinds: {
    article: 'Article',
    job: 'Job',
    event: 'Event',
    video: 'Video',
    product: 'Product',
    other: 'Other',
  } as Record<ItemKind, string>,
  contentLanguage: (name: string) => `Language: ${name}`,
};

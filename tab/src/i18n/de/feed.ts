import type { feed as english } from '../en/feed.js';
import { plural } from '../plural.js';

const count = plural('de');

export const feed: typeof english = {
  feedTitle: 'Lohnt sich zu teilen',
  feedIntro: 'Neuigkeiten, Stellen und Veranstaltungen aus unserem Unternehmen. Teilen Sie, was Ihnen gefällt, in Ihren eigenen Worten – wenn Sie möchten.',
  search: 'Suchen',
  searchPlaceholder: 'In Titeln und Beschreibungen suchen',
  topics: 'Themen',
  allTopics: 'Alle Themen',
  share: 'Teilen',
  shareAria: (title) => `Teilen: ${title}`,
  whyShare: 'Warum teilen?',
  sharedOn: (networks, clicks) => `Geteilt ✓ auf ${networks} · ${clicks}`,
  clicks: (n) => count(n, { one: '# Klick', other: '# Klicks' }),
  shares: (n) => (n === 0 ? 'nicht geteilt' : count(n, { one: '#-mal geteilt', other: '#-mal geteilt' })),
  loadMore: 'Mehr laden',
  emptyFeedTitle: 'Für diese Filter gibt es nichts',
  emptyFeedBody: 'Versuchen Sie ein anderes Thema oder Suchwort – oder setzen Sie die Filter zurück, um alles zu sehen.',
  emptyFeedNoFilters: 'Gerade gibt es nichts zu teilen. Neue Inhalte erscheinen hier, sobald das Team sie veröffentlicht.',
  clearFilters: 'Filter zurücksetzen',
  shareLinkFailed: 'Die Teilen-Seite ließ sich nicht öffnen.',
  expires: (date) => `Bis ${date}`,
  kinds: {
    article: 'Artikel',
    job: 'Stelle',
    event: 'Veranstaltung',
    video: 'Video',
    product: 'Produkt',
    other: 'Sonstiges',
  },
  contentLanguage: (name) => `Sprache: ${name}`,
};

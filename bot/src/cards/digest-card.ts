import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.js';
import { actionSet, openUrl, plain, run, text } from './card-parts.js';
import { formatNumber, INTL_LOCALE, type Locale } from './locale.js';
import { cardStart } from './training-card.js';

export interface DigestCardModel {
  /** ISO date (YYYY-MM-DD) of the week's first day. */
  weekOf: string;
  items: Array<{ title: string; why: string; shareUrl: string }>;
  trainings: Array<{ title: string; startsAt: string; url: string }>;
  tabUrl: string;
}

/** Keeps the card lean (Teams' message limit) and readable; the rest is one click away. */
export const DIGEST_MAX_ITEMS = 10;
export const DIGEST_MAX_TRAININGS = 10;

const en = {
  title: 'Your week with Chorus',
  weekOf: (date: string) => `Week of ${date}`,
  itemsHeading: 'New and worth sharing',
  share: 'Share',
  trainingsHeading: 'Upcoming trainings',
  training: 'View training',
  more: (formatted: string) => `…and ${formatted} more in Chorus.`,
  empty: 'Nothing new this week. Enjoy the quiet!',
  openTab: 'Open Chorus',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Ihre Woche mit Chorus',
    weekOf: (date) => `Woche vom ${date}`,
    itemsHeading: 'Neu und teilenswert',
    share: 'Teilen',
    trainingsHeading: 'Anstehende Schulungen',
    training: 'Zur Schulung',
    more: (formatted) => `…und ${formatted} weitere in Chorus.`,
    empty: 'Diese Woche gibt es nichts Neues. Genießen Sie die Ruhe!',
    openTab: 'Chorus öffnen',
  },
};

export const digestTexts = TEXT;

/** The weekly digest for people who chose it: the week's items and upcoming trainings. */
export function digestCard(vm: DigestCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const body: CardElement[] = [
    text(t.title, { size: 'medium', weight: 'bolder' }),
    text(t.weekOf(formatWeek(vm.weekOf, locale)), { isSubtle: true, spacing: 'none' }),
  ];

  if (vm.items.length === 0 && vm.trainings.length === 0) {
    body.push(text(t.empty));
    return adaptiveCard({ body, actions: [openUrl(t.openTab, vm.tabUrl)] });
  }

  body.push(
    ...section(
      t.itemsHeading,
      vm.items.map((item) => ({
        title: item.title,
        detail: item.why ? plain(run(item.why, { isSubtle: true }), { spacing: 'none' }) : null,
        action: openUrl(t.share, item.shareUrl),
      })),
      DIGEST_MAX_ITEMS,
      locale,
    ),
    ...section(
      t.trainingsHeading,
      vm.trainings.map((training) => ({
        title: training.title,
        // Teams shows it in the reader's own locale and time zone (as on the training card).
        detail: text(cardStart(training.startsAt), { isSubtle: true, spacing: 'none' }),
        action: openUrl(t.training, training.url),
      })),
      DIGEST_MAX_TRAININGS,
      locale,
    ),
  );

  return adaptiveCard({ body, actions: [openUrl(t.openTab, vm.tabUrl)] });
}

interface SectionEntry {
  title: string;
  /** A subtle line under the title, if there is one. */
  detail: CardElement | null;
  action: CardAction;
}

/** A headed list: each entry its title (as typed), a detail and one button; past `max`, "…and N more". */
function section(heading: string, entries: SectionEntry[], max: number, locale: Locale): CardElement[] {
  if (entries.length === 0) return [];
  return [
    text(heading, { weight: 'bolder', separator: true, spacing: 'medium' }),
    ...entries.slice(0, max).map(
      (entry): CardElement => ({
        type: 'Container',
        spacing: 'medium',
        items: [plain(run(entry.title, { weight: 'bolder' })), ...(entry.detail ? [entry.detail] : []), actionSet([entry.action], { spacing: 'small' })],
      }),
    ),
    ...moreLine(entries.length - max, locale),
  ];
}

function moreLine(hidden: number, locale: Locale): CardElement[] {
  return hidden > 0 ? [text(TEXT[locale].more(formatNumber(hidden, locale)), { isSubtle: true })] : [];
}

/** A calendar date, not an instant: format it in UTC so no time zone shifts the day. */
function formatWeek(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

import { adaptiveCard, type AdaptiveCard } from './adaptive-card.js';
import { openUrl, plain, run, text } from './card-parts.js';
import type { Locale } from './locale.js';

export interface ThanksCardModel {
  /** The admin's words, shown as typed. */
  message: string;
  /** Where I decide whether others may see it (the leaderboard page). */
  boardUrl: string;
}

const en = {
  title: 'A thank-you from the content team',
  private: 'Only you can see this. If you like, you can show it to your colleagues on the leaderboard page — it stays private unless you do.',
  open: 'Open the leaderboard',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Ein Dankeschön vom Content-Team',
    private: 'Nur Sie sehen das. Wenn Sie möchten, können Sie es auf der Seite der Bestenliste Ihren Kolleginnen und Kollegen zeigen – sonst bleibt es privat.',
    open: 'Bestenliste öffnen',
  },
};

export const thanksTexts = TEXT;

/** A personal thank-you: the admin's words in a TextRun (never Markdown), and that it stays private. */
export function thanksCard(vm: ThanksCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  return adaptiveCard({
    body: [
      text(t.title, { size: 'medium', weight: 'bolder', style: 'heading' }),
      plain(run(vm.message), { spacing: 'medium' }),
      text(t.private, { isSubtle: true, size: 'small', spacing: 'medium' }),
    ],
    actions: [openUrl(t.open, vm.boardUrl)],
  });
}

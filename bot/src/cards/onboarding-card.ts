import { adaptiveCard, type AdaptiveCard } from './adaptive-card.js';
import { openUrl, text } from './card-parts.js';
import { formatNumber, type Locale } from './locale.js';

const en = {
  title: 'Settling in well?',
  progress: (done: string, total: string) => `You have done ${done} of ${total} onboarding steps.`,
  rest: 'The rest takes a few minutes and makes sharing easier: the guidelines, a good profile, a beginners’ session.',
  calm: 'No rush, and nobody is checking: this is the only reminder.',
  open: 'Continue onboarding',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Gut angekommen?',
    progress: (done, total) => `Sie haben ${done} von ${total} Onboarding-Schritten erledigt.`,
    rest: 'Der Rest dauert nur ein paar Minuten und macht das Teilen leichter: die Richtlinien, ein gutes Profil, eine Einsteigerschulung.',
    calm: 'Kein Druck, und niemand kontrolliert das: Das ist die einzige Erinnerung.',
    open: 'Onboarding fortsetzen',
  },
};

export const onboardingTexts = TEXT;

/** The one friendly reminder, a week after the start, when the checklist is unfinished. */
export function onboardingReminderCard(vm: { done: number; total: number; onboardingUrl: string }, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  return adaptiveCard({
    body: [
      text(t.title, { size: 'medium', weight: 'bolder' }),
      text(t.progress(formatNumber(vm.done, locale), formatNumber(vm.total, locale))),
      text(t.rest),
      text(t.calm, { isSubtle: true }),
    ],
    actions: [openUrl(t.open, vm.onboardingUrl)],
  });
}

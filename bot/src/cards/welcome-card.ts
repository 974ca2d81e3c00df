import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.js';
import { execute, openUrl, plain, run, text } from './card-parts.js';
import type { Locale } from './locale.js';
import { VERBS } from './verbs.js';

export interface WelcomeCardModel {
  displayName: string;
  tabUrl: string;
  isNewHire: boolean;
  onboardingUrl?: string;
}

const en = {
  greeting: 'Welcome to Chorus, ',
  greetingEnd: '!',
  about:
    'Chorus brings you news, jobs and events from our company that are worth sharing, each with a suggested text. ' +
    'Post them on LinkedIn, X, Facebook or Xing in a click or two, in your own words if you like.',
  voluntary:
    'Taking part is voluntary: you decide whether, what and where you share. Type “stop” at any time and Chorus stays quiet.',
  newHire: 'New here? Your onboarding shows you around, step by step.',
  openTab: 'Open Chorus',
  settings: 'Settings',
  onboarding: 'Start onboarding',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    greeting: 'Willkommen bei Chorus, ',
    greetingEnd: '!',
    about:
      'Chorus bringt Ihnen Neuigkeiten, Stellen und Veranstaltungen aus unserem Unternehmen, die sich zu teilen lohnen – jeweils mit einem Textvorschlag. ' +
      'Posten Sie sie mit ein, zwei Klicks auf LinkedIn, X, Facebook oder Xing, gern in Ihren eigenen Worten.',
    voluntary:
      'Mitmachen ist freiwillig: Sie entscheiden, ob, was und wo Sie teilen. Schreiben Sie jederzeit „stop“, dann bleibt Chorus still.',
    newHire: 'Neu dabei? Ihr Onboarding zeigt Ihnen Schritt für Schritt alles Wichtige.',
    openTab: 'Chorus öffnen',
    settings: 'Einstellungen',
    onboarding: 'Zum Onboarding',
  },
};

export const welcomeTexts = TEXT;

const HEADING = { size: 'medium', weight: 'bolder' } as const;

/** Sent once on personal install: what Chorus is, that it is voluntary, where to go next. */
export function welcomeCard(vm: WelcomeCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const body: CardElement[] = [
    plain([run(t.greeting, HEADING), run(vm.displayName, HEADING), run(t.greetingEnd, HEADING)]),
    text(t.about),
    text(t.voluntary, { weight: 'bolder' }),
  ];
  const actions: CardAction[] = [openUrl(t.openTab, vm.tabUrl), execute(VERBS.settingsOpen, t.settings)];

  if (vm.isNewHire && vm.onboardingUrl) {
    body.push(text(t.newHire, { separator: true, spacing: 'medium' }));
    actions.push(openUrl(t.onboarding, vm.onboardingUrl));
  }

  return adaptiveCard({ body, actions });
}

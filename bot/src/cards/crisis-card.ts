import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card.js';
import { markdownBlocks, openUrl, plain, run, text } from './card-parts.js';
import type { Locale } from './locale.js';

export interface CrisisNoticeModel {
  /** The admins' instructions in the reader's language (Markdown, shown under the one Markdown policy). */
  instructions: string;
  statementUrl: string | null;
  spokesperson: string | null;
  /** The tab's Crisis page. */
  crisisPageUrl: string;
}

const en = {
  title: 'Sharing is paused: we speak with one voice',
  intro: 'Our company is in an exceptional situation. Until further notice, please share nothing about it, and use these instructions:',
  spokesperson: 'Questions from outside go to: ',
  statement: 'Read the official statement',
  crisisPage: 'Open the crisis page',
  allClearTitle: 'All clear: sharing is back',
  allClear:
    'The exceptional situation is over. Share buttons and pages work again, and held announcements go out as planned. Thank you for speaking with one voice.',
  openTab: 'Open Chorus',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Teilen ist pausiert: Wir sprechen mit einer Stimme',
    intro: 'Unser Unternehmen ist in einer Ausnahmesituation. Bitte teilen Sie bis auf Weiteres nichts dazu und halten Sie sich an diese Hinweise:',
    spokesperson: 'Fragen von außen beantwortet: ',
    statement: 'Offizielle Stellungnahme lesen',
    crisisPage: 'Krisenseite öffnen',
    allClearTitle: 'Entwarnung: Teilen ist wieder möglich',
    allClear:
      'Die Ausnahmesituation ist vorbei. Teilen-Schaltflächen und -Seiten funktionieren wieder, zurückgehaltene Ankündigungen gehen wie geplant raus. Danke, dass Sie mit einer Stimme gesprochen haben.',
    openTab: 'Chorus öffnen',
  },
};

export const crisisCardTexts = TEXT;

const HEADING = { size: 'medium', weight: 'bolder', color: 'attention' } as const;

/** Crisis mode is on: what to say and do, the statement, whom to refer questions to. */
export function crisisNoticeCard(vm: CrisisNoticeModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const body: CardElement[] = [text(t.title, HEADING), text(t.intro), ...markdownBlocks(vm.instructions, { separator: true, spacing: 'medium' })];
  if (vm.spokesperson) body.push(plain([run(t.spokesperson), run(vm.spokesperson, { weight: 'bolder' })], { spacing: 'medium' }));
  const actions: CardAction[] = [];
  if (vm.statementUrl) actions.push(openUrl(t.statement, vm.statementUrl));
  actions.push(openUrl(t.crisisPage, vm.crisisPageUrl));
  return adaptiveCard({ body, actions });
}

/** Crisis mode is over: sent to those who got the crisis notice. */
export function allClearCard(vm: { tabUrl: string }, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  return adaptiveCard({
    body: [text(t.allClearTitle, { size: 'medium', weight: 'bolder', color: 'good' }), text(t.allClear)],
    actions: [openUrl(t.openTab, vm.tabUrl)],
  });
}

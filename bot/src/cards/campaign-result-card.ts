import type { CampaignMetric } from '../domain/model/campaigns.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { openUrl, plain, run, text } from './card-parts.js';
import { formatNumber, type Locale } from './locale.js';

export interface CampaignResultModel {
  /** The admins' words: shown as TextRuns, never read as Markdown. */
  name: string;
  metric: CampaignMetric;
  target: number;
  total: number;
  prize: string | null;
  /** Only for people on the leaderboard (opt-in); computed by the leaderboard, not here. */
  rank?: number;
  campaignsUrl: string;
}

const en = {
  title: 'Campaign result',
  total: (total: string, target: string, metric: CampaignMetric) =>
    `Together we reached ${total} of ${target} ${metric === 'shares' ? 'shares' : metric === 'clicks' ? 'clicks' : 'readers'}.`,
  reached: 'We reached the goal!',
  prize: 'Prize: ',
  rank: (rank: string) => `Your place on the leaderboard: ${rank}`,
  thanks: 'Thank you for taking part — every share helped people see what we do.',
  open: 'See campaigns',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Ergebnis der Kampagne',
    total: (total, target, metric) =>
      `Gemeinsam haben wir ${total} von ${target} ${metric === 'shares' ? 'geteilten Beiträgen' : metric === 'clicks' ? 'Klicks' : 'Leserinnen und Lesern'} erreicht.`,
    reached: 'Wir haben das Ziel erreicht!',
    prize: 'Preis: ',
    rank: (rank) => `Ihr Platz in der Rangliste: ${rank}`,
    thanks: 'Danke, dass Sie mitgemacht haben – jedes Teilen hat geholfen, unsere Arbeit sichtbar zu machen.',
    open: 'Kampagnen ansehen',
  },
};

export const campaignResultTexts = TEXT;

/** The team's result and a thank-you, after a campaign ends, to the people who took part. Never a nudge. */
export function campaignResultCard(vm: CampaignResultModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const body: CardElement[] = [
    text(t.title, { size: 'small', isSubtle: true }),
    plain(run(vm.name, { size: 'medium', weight: 'bolder' })),
    text(t.total(formatNumber(vm.total, locale), formatNumber(vm.target, locale), vm.metric)),
  ];
  if (vm.total >= vm.target) body.push(text(t.reached, { color: 'good', weight: 'bolder' }));
  if (vm.prize) body.push(plain([run(t.prize, { weight: 'bolder' }), run(vm.prize)]));
  if (vm.rank !== undefined) body.push(text(t.rank(formatNumber(vm.rank, locale))));
  body.push(text(t.thanks));
  return adaptiveCard({ body, actions: [openUrl(t.open, vm.campaignsUrl)] });
}

import { NETWORK_LABELS, type Network } from '../domain/sharing/networks.js';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { openUrl, plain, run, text } from './card-parts.js';
import { formatNumber, INTL_LOCALE, type Locale } from './locale.js';

/** One person's results over a period: only ever sent to that person. */
export interface ResultsCardModel {
  /** The period's first and last day (YYYY-MM-DD, the tenant's calendar). */
  from: string;
  to: string;
  shares: number;
  /** Visits through my tracked links (link-preview fetchers not counted). */
  clicks: number;
  /** Unique readers (per link and day); null where they are not counted. */
  readers: number | null;
  /** The item whose links brought the most visits (none when nobody clicked yet). */
  best: { title: string; clicks: number } | null;
  /** Visits per network, largest first; networks without a share are left out. */
  perNetwork: Array<{ network: Network; clicks: number }>;
  impactUrl: string;
  settingsUrl: string;
}

const en = {
  title: 'Thank you for sharing',
  period: (range: string) => `Your results for ${range}`,
  headline: (shares: string, n: number, clicks: string, c: number) =>
    `Your ${shares} ${n === 1 ? 'share' : 'shares'} brought ${clicks} ${c === 1 ? 'visit' : 'visits'}.`,
  readers: (readers: string, n: number) => `That is ${readers} ${n === 1 ? 'reader' : 'different readers'} who followed your link.`,
  noVisitsYet: 'No visits counted yet — posts often keep being read for weeks.',
  best: 'Read most',
  bestVisits: (clicks: string) => ` (${clicks} visits)`,
  chartTitle: 'Visits per network',
  thanks:
    'Every post you shared carried our story to people we would never have reached on our own. Thank you for lending it your voice.',
  why: 'You get this because you shared something in this period. Results cards can be turned off in Chorus settings.',
  openImpact: 'See my impact',
  settings: 'Settings',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Danke fürs Teilen',
    period: (range) => `Ihre Ergebnisse für ${range}`,
    headline: (shares, n, clicks, c) =>
      `${n === 1 ? 'Ihr' : 'Ihre'} ${shares} ${n === 1 ? 'geteilter Beitrag brachte' : 'geteilten Beiträge brachten'} ${clicks} ${c === 1 ? 'Besuch' : 'Besuche'}.`,
    readers: (readers, n) => `${n === 1 ? 'Eine Person ist' : `${readers} verschiedene Personen sind`} Ihrem Link gefolgt.`,
    noVisitsYet: 'Noch keine Besuche gezählt – Beiträge werden oft noch wochenlang gelesen.',
    best: 'Am meisten gelesen',
    bestVisits: (clicks) => ` (${clicks} Besuche)`,
    chartTitle: 'Besuche je Netzwerk',
    thanks:
      'Jeder Beitrag, den Sie geteilt haben, hat unsere Geschichte zu Menschen getragen, die wir allein nie erreicht hätten. Danke, dass Sie ihr Ihre Stimme leihen.',
    why: 'Sie erhalten diese Karte, weil Sie in diesem Zeitraum etwas geteilt haben. Ergebniskarten lassen sich in den Chorus-Einstellungen abschalten.',
    openImpact: 'Meine Wirkung ansehen',
    settings: 'Einstellungen',
  },
};

export const resultsTexts = TEXT;

/**
 * The personal results card: what my shares brought, my best item, a thank-you. It thanks
 * and informs; it never asks for more sharing, and it never compares me with anyone.
 */
export function resultsCard(vm: ResultsCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const n = (x: number) => formatNumber(x, locale);
  const body: CardElement[] = [
    text(t.title, { size: 'medium', weight: 'bolder', style: 'heading' }),
    text(t.period(formatRange(vm.from, vm.to, locale)), { isSubtle: true, spacing: 'none' }),
    text(t.headline(n(vm.shares), vm.shares, n(vm.clicks), vm.clicks), { size: 'large', weight: 'bolder' }),
  ];
  if (vm.clicks === 0) body.push(text(t.noVisitsYet, { spacing: 'small' }));
  else if (vm.readers !== null && vm.readers > 0) body.push(text(t.readers(n(vm.readers), vm.readers), { spacing: 'small' }));
  if (vm.best) {
    // The title is the newsroom's words: a TextRun, never Markdown.
    body.push(plain([run(`${t.best}: `, { isSubtle: true }), run(vm.best.title, { weight: 'bolder' }), run(t.bestVisits(n(vm.best.clicks)), { isSubtle: true })]));
  }
  const bars = vm.perNetwork.filter((p) => p.clicks > 0);
  if (bars.length > 1) {
    const lines = bars.map((p) => `${NETWORK_LABELS[p.network]}: ${n(p.clicks)}`).join(' · ');
    body.push({
      type: 'Chart.VerticalBar',
      title: t.chartTitle,
      data: bars.map((p) => ({ x: NETWORK_LABELS[p.network], y: p.clicks })),
      // Hosts without charts get the same numbers as a line of text.
      fallback: text(`${t.chartTitle}: ${lines}`, { isSubtle: true }),
    });
  }
  body.push(text(t.thanks, { spacing: 'medium' }), text(t.why, { isSubtle: true, size: 'small' }));
  return adaptiveCard({ body, actions: [openUrl(t.openImpact, vm.impactUrl), openUrl(t.settings, vm.settingsUrl)] });
}

/** "1–30 November 2026", "3 November – 2 December 2026" in the reader's language. */
function formatRange(from: string, to: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

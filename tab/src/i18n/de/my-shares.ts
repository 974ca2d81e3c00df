import type { myShares as english } from '../en/my-shares.js';

export const myShares: typeof english = {
  mySharesTitle: 'Von mir geteilt',
  onlyYou: 'Nur Sie sehen das.',
  clicksPrivacy: 'Klicks werden ohne IP-Adresse und ohne Cookies gezählt.',
  totalItems: 'Geteilte Inhalte',
  totalShares: 'Geteilt',
  totalClicks: 'Klicks',
  lastShared: (date) => `Zuletzt geteilt am ${date}`,
  networkLine: (network, date, clicks) => `${network} · ${date} · ${clicks}`,
  myEmptyTitle: 'Noch nichts geteilt – und das ist in Ordnung',
  myEmptyBody:
    'Teilen ist freiwillig. Wenn Ihnen etwas aus dem Unternehmen gefällt, finden Sie auf der Seite „Teilen“ fertige Texte, die Sie anpassen können.',
  seeWhatToShare: 'Ansehen, was Sie teilen könnten',
  openDestination: (title) => `${title} öffnen`,
};

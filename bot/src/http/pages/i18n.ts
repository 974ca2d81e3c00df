import { acceptedLanguage, type Language } from '../../domain/model/common.js';

/** The browser's preferred language among ours (public pages have no person to ask). */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  return acceptedLanguage(acceptLanguage) ?? 'en';
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const texts = {
  de: {
    notFoundTitle: 'Diesen Link gibt es nicht',
    notFoundBody: 'Vielleicht wurde er falsch kopiert. Prüfen Sie die Adresse oder fragen Sie die Person, die ihn geteilt hat.',
    goneTitle: 'Nicht mehr verfügbar',
    errorTitle: 'Etwas ist schiefgelaufen',
    errorBody: 'Bitte versuchen Sie es gleich noch einmal.',
    shareTitle: 'Teilen',
    whyLabel: 'Warum teilen?',
    yourText: 'Ihr Text',
    nudge: 'Tipp: Ein eigener Satz dazu wirkt viel persönlicher als der Vorschlag allein – zum Beispiel, was Ihnen daran gefällt.',
    chars: 'Zeichen',
    xCountsLink: 'Der Link zählt auf X als 23 Zeichen.',
    seeMore: 'LinkedIn zeigt etwa 210 Zeichen vor „mehr anzeigen“.',
    tooLong: 'Zu lang für dieses Netzwerk.',
    postOn: 'Auf {network} posten',
    clipboardNote: '{network} übernimmt keinen Text: Wir kopieren Ihren Text in die Zwischenablage. Fügen Sie ihn dort mit Strg+V ein.',
    copied: 'Text kopiert – fügen Sie ihn bei {network} mit Strg+V (⌘V) ein.',
    copyFailed: 'Kopieren ging nicht. Markieren Sie den Text und kopieren Sie ihn selbst.',
    opening: '{network} wird geöffnet …',
    alreadyShared: 'Sie haben das bereits geteilt auf: {networks}. Danke!',
    voluntary: 'Teilen ist freiwillig. Sie entscheiden, was auf Ihren Profilen erscheint.',
    noScript: 'Ohne JavaScript: Text markieren, kopieren und dann posten.',
    emptyText: 'Kein Textvorschlag – schreiben Sie ein paar eigene Worte.',
    linkLabel: 'Ihr persönlicher Link',
    campaignLabel: 'Kampagne',
    campaignGoal: '{progress} von {target} {metric}',
    metricShares: 'geteilten Beiträgen',
    metricClicks: 'Klicks',
    metricReaders: 'Leserinnen und Lesern',
    campaignPrize: 'Preis:',
    campaignEnds: 'Endet am {date}',
    campaignProgressAria: 'Fortschritt der Kampagne {name}',
    disclosureTitle: 'Hinweis auf Ihr Arbeitsverhältnis',
    disclosureWhy: 'Wer für das Teilen Punkte oder Preise bekommen kann, macht das kenntlich (FTC-Leitlinien, § 5a UWG). Deshalb steht „{text}“ am Ende des Vorschlags.',
    disclosureRemovable: 'Sie dürfen den Hinweis entfernen.',
    disclosureKept: 'Der Hinweis bleibt in Ihrem Beitrag, auch wenn Sie ihn aus dem Text löschen.',
  },
  en: {
    notFoundTitle: 'This link does not exist',
    notFoundBody: 'It may have been copied incompletely. Check the address or ask the person who shared it.',
    goneTitle: 'No longer available',
    errorTitle: 'Something went wrong',
    errorBody: 'Please try again in a moment.',
    shareTitle: 'Share',
    whyLabel: 'Why share?',
    yourText: 'Your text',
    nudge: 'Tip: one sentence of your own makes a post far more personal than the suggestion alone — say what you like about it.',
    chars: 'characters',
    xCountsLink: 'On X the link counts as 23 characters.',
    seeMore: 'LinkedIn shows about 210 characters before “see more”.',
    tooLong: 'Too long for this network.',
    postOn: 'Post on {network}',
    clipboardNote: '{network} takes no text: we copy yours to the clipboard. Paste it there with Ctrl+V.',
    copied: 'Text copied — paste it on {network} with Ctrl+V (⌘V).',
    copyFailed: 'Copying did not work. Select the text and copy it yourself.',
    opening: 'Opening {network} …',
    alreadyShared: 'You already shared this on: {networks}. Thank you!',
    voluntary: 'Sharing is voluntary. You decide what appears on your profiles.',
    noScript: 'Without JavaScript: select the text, copy it, then post.',
    emptyText: 'No suggested text — write a few words of your own.',
    linkLabel: 'Your personal link',
    campaignLabel: 'Campaign',
    campaignGoal: '{progress} of {target} {metric}',
    metricShares: 'shares',
    metricClicks: 'clicks',
    metricReaders: 'readers',
    campaignPrize: 'Prize:',
    campaignEnds: 'Ends on {date}',
    campaignProgressAria: 'Progress of the campaign {name}',
    disclosureTitle: 'Saying that you work here',
    disclosureWhy: 'When sharing can earn points or prizes, posts say so (FTC endorsement guides, § 5a UWG). That is why “{text}” ends the suggestion.',
    disclosureRemovable: 'You may remove it.',
    disclosureKept: 'It stays in your post, even if you delete it from the text.',
  },
} as const;

export type PageTexts = { [K in keyof (typeof texts)['en']]: string };
export const pageTexts = (lang: Language): PageTexts => texts[lang];

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

export function layout(lang: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Chorus</title>
<link rel="stylesheet" href="/s/assets/share.css">
</head>
<body>
<main class="page">
${body}
</main>
</body>
</html>`;
}

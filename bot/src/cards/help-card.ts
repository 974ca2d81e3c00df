import { adaptiveCard, type AdaptiveCard } from './adaptive-card.js';
import { openUrl, text } from './card-parts.js';
import type { Locale } from './locale.js';

export interface HelpCardModel {
  tabUrl: string;
}

type CommandKey = 'help' | 'latest' | 'settings' | 'stop' | 'start';
const COMMAND_ORDER: CommandKey[] = ['help', 'latest', 'settings', 'stop', 'start'];

const en = {
  title: 'What you can write to me',
  commands: {
    help: { word: 'help', explanation: 'Shows this overview.' },
    latest: { word: 'latest', explanation: 'Sends the newest items worth sharing.' },
    settings: { word: 'settings', explanation: 'How often you hear from me, and in which language.' },
    stop: { word: 'stop', explanation: 'Pauses all announcements until you write “start”.' },
    start: { word: 'start', explanation: 'Turns announcements back on.' },
  } satisfies Record<CommandKey, { word: string; explanation: string }>,
  typos: 'Upper or lower case and small typos are fine.',
  openTab: 'Open Chorus',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    title: 'Was Sie mir schreiben können',
    commands: {
      help: { word: 'hilfe', explanation: 'Zeigt diese Übersicht.' },
      latest: { word: 'neu', explanation: 'Schickt die neuesten Inhalte zum Teilen.' },
      settings: { word: 'einstellungen', explanation: 'Wie oft Sie von mir hören und in welcher Sprache.' },
      stop: { word: 'stop', explanation: 'Pausiert alle Ankündigungen, bis Sie „start“ schreiben.' },
      start: { word: 'start', explanation: 'Schaltet die Ankündigungen wieder ein.' },
    },
    typos: 'Groß- und Kleinschreibung und kleine Tippfehler sind egal.',
    openTab: 'Chorus öffnen',
  },
};

export const helpTexts = TEXT;

/** The commands in the person's language, one line each; also the answer to unknown text. */
export function helpCard(vm: HelpCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  return adaptiveCard({
    body: [
      text(t.title, { size: 'medium', weight: 'bolder' }),
      {
        type: 'FactSet',
        facts: COMMAND_ORDER.map((key) => ({ title: t.commands[key].word, value: t.commands[key].explanation })),
      },
      text(t.typos, { isSubtle: true, size: 'small' }),
    ],
    actions: [openUrl(t.openTab, vm.tabUrl)],
  });
}

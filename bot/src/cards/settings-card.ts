import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { execute, text } from './card-parts.js';
import type { Locale } from './locale.js';
import { VERBS } from './verbs.js';

export type NotificationLevel = 'every' | 'digest' | 'none';

export interface SettingsCardModel {
  notificationLevel: NotificationLevel;
  language: Locale;
  paused: boolean;
  saved?: boolean;
}

/** The ids of the inputs; Action.Execute sends their values in `data` under these keys. */
export const SETTINGS_INPUT_IDS = { notificationLevel: 'notificationLevel', language: 'language' } as const;

const en = {
  saved: 'Saved ✓',
  title: 'Your Chorus settings',
  levelLabel: 'Tell me about new items',
  levels: {
    every: 'Every new item',
    digest: 'Weekly digest',
    none: 'Nothing',
  } satisfies Record<NotificationLevel, string>,
  languageLabel: 'Language',
  choose: 'Please choose one.',
  paused: 'Announcements are paused. Type “start” to resume them.',
  save: 'Save',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    saved: 'Gespeichert ✓',
    title: 'Ihre Chorus-Einstellungen',
    levelLabel: 'Über neue Inhalte informieren',
    levels: {
      every: 'Bei jedem neuen Inhalt',
      digest: 'Wöchentliche Übersicht',
      none: 'Gar nicht',
    },
    languageLabel: 'Sprache',
    choose: 'Bitte wählen Sie eine Option.',
    paused: 'Ankündigungen sind pausiert. Schreiben Sie „start“, um sie wieder einzuschalten.',
    save: 'Speichern',
  },
};

/** Language names stay in their own language, so everyone finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

export const settingsTexts = TEXT;

/** Notification level and language; `settings.save` carries both input values. */
export function settingsCard(vm: SettingsCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const body: CardElement[] = [];
  if (vm.saved) body.push(text(t.saved, { color: 'good', weight: 'bolder' }));
  body.push(text(t.title, { size: 'medium', weight: 'bolder' }));
  if (vm.paused) body.push(text(t.paused, { color: 'warning' }));
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: SETTINGS_INPUT_IDS.notificationLevel,
      label: t.levelLabel,
      style: 'expanded',
      isRequired: true,
      errorMessage: t.choose,
      value: vm.notificationLevel,
      choices: (['every', 'digest', 'none'] as const).map((level) => ({ title: t.levels[level], value: level })),
    },
    {
      type: 'Input.ChoiceSet',
      id: SETTINGS_INPUT_IDS.language,
      label: t.languageLabel,
      style: 'expanded',
      isRequired: true,
      errorMessage: t.choose,
      value: vm.language,
      choices: (['de', 'en'] as const).map((language) => ({ title: LANGUAGE_NAMES[language], value: language })),
    },
  );
  return adaptiveCard({ body, actions: [execute(VERBS.settingsSave, t.save)] });
}
